package org.centralis.reporting.infrastructure;

import jakarta.activation.DataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.centralis.organization.application.StaffContact;
import org.centralis.reporting.application.RunParameters;
import org.centralis.reporting.domain.ReportRun;
import org.centralis.reporting.domain.ReportSchedule;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * E-mail delivery of scheduled reports, file attached, text in the recipient's language. Off unless
 * {@code centralis.mail.enabled=true}, like the SLA mails (docs/operations.md). A failed send is logged and leaves the inbox item without
 * an e-mail address: the report is still delivered to the inbox, never lost.
 */
@ApplicationScoped
public class ReportMail {

  private static final Logger LOG = Logger.getLogger(ReportMail.class.getName());
  private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Inject
  @ConfigProperty(name = "centralis.mail.enabled", defaultValue = "false")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "centralis.mail.host", defaultValue = "localhost")
  String host;

  @Inject
  @ConfigProperty(name = "centralis.mail.port", defaultValue = "25")
  int port;

  @Inject
  @ConfigProperty(name = "centralis.mail.from", defaultValue = "centralis@localhost")
  String from;

  @Inject
  @ConfigProperty(name = "centralis.mail.user")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "centralis.mail.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "centralis.mail.starttls", defaultValue = "false")
  boolean starttls;

  @Inject
  @ConfigProperty(name = "centralis.service-center.zone", defaultValue = "Asia/Shanghai")
  String zone;

  /** Sends the run to the recipient; answers the address it went to, or null if mail is off or sending failed. */
  public String send(StaffContact recipient, ReportSchedule schedule, ReportRun run) {
    if (!enabled || recipient.email() == null || recipient.email().isBlank()) {
      return null;
    }
    try {
      Locale locale = recipient.locale() != null && recipient.locale().startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
      ResourceBundle text = ResourceBundle.getBundle("org.centralis.reporting.mail", locale);
      RunParameters p = RunParameters.fromJson(run.getParameters());
      Object[] args = {
        schedule.getName(), p.from() + " – " + p.to(), AS_OF.format(run.getDataAsOf().atZone(ZoneId.of(zone))), String.valueOf(run.getId()), run.getFileSha256()
      };
      MimeMessage message = new MimeMessage(session());
      message.setFrom(new InternetAddress(from));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient.email()));
      message.setSubject(MessageFormat.format(text.getString("subject"), args), StandardCharsets.UTF_8.name());
      MimeBodyPart body = new MimeBodyPart();
      body.setText(MessageFormat.format(text.getString("body"), args), StandardCharsets.UTF_8.name());
      MimeBodyPart file = new MimeBodyPart();
      file.setDataHandler(new DataHandler(new ByteArrayDataSource(run.getFileContent(), run.getFormat().contentType())));
      file.setFileName(run.getReportCode() + "-" + run.getId() + "." + run.getFormat().extension());
      message.setContent(new MimeMultipart(body, file));
      Transport.send(message);
      return recipient.email();
    } catch (MessagingException | RuntimeException e) {
      LOG.log(Level.WARNING, "report run " + run.getId() + " not e-mailed to " + recipient.login() + "; it stays in the inbox", e);
      return null;
    }
  }

  private Session session() {
    Properties props = new Properties();
    props.put("mail.smtp.host", host);
    props.put("mail.smtp.port", String.valueOf(port));
    props.put("mail.smtp.connectiontimeout", "10000");
    props.put("mail.smtp.timeout", "30000");
    props.put("mail.smtp.starttls.enable", String.valueOf(starttls));
    if (user.isPresent()) {
      props.put("mail.smtp.auth", "true");
      return Session.getInstance(props, new Authenticator() {
        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
          return new PasswordAuthentication(user.get(), password.orElse(""));
        }
      });
    }
    return Session.getInstance(props);
  }
}
