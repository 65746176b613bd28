package org.centralis.reporting.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.centralis.organization.application.StaffContact;
import org.centralis.reporting.application.RunParameters;
import org.centralis.reporting.domain.ReportRun;
import org.centralis.reporting.domain.ReportSchedule;
import org.centralis.shared.infrastructure.mail.Mailer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * E-mail delivery of scheduled reports, file attached, text in the recipient's language. Off unless
 * {@code centralis.mail.enabled=true} ({@link Mailer}, docs/operations.md). A failed send is logged and leaves the inbox item without
 * an e-mail address: the report is still delivered to the inbox, never lost.
 */
@ApplicationScoped
public class ReportMail {

  private static final Logger LOG = Logger.getLogger(ReportMail.class.getName());
  private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Inject private Mailer mailer;

  @Inject
  @ConfigProperty(name = "centralis.service-center.zone", defaultValue = "Asia/Shanghai")
  String zone;

  /** Sends the run to the recipient; answers the address it went to, or null if mail is off or sending failed. */
  public String send(StaffContact recipient, ReportSchedule schedule, ReportRun run) {
    if (!mailer.enabled() || recipient.email() == null || recipient.email().isBlank()) {
      return null;
    }
    try {
      Locale locale = recipient.locale() != null && recipient.locale().startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
      ResourceBundle text = ResourceBundle.getBundle("org.centralis.reporting.mail", locale);
      RunParameters p = RunParameters.fromJson(run.getParameters());
      Object[] args = {
        schedule.getName(), p.from() + " – " + p.to(), AS_OF.format(run.getDataAsOf().atZone(ZoneId.of(zone))), String.valueOf(run.getId()), run.getFileSha256()
      };
      mailer.send(Mailer.Mail.to(recipient.email(), MessageFormat.format(text.getString("subject"), args), MessageFormat.format(text.getString("body"), args))
          .attach(run.getReportCode() + "-" + run.getId() + "." + run.getFormat().extension(), run.getFormat().contentType(), run.getFileContent()));
      return recipient.email();
    } catch (MessagingException | RuntimeException e) {
      LOG.log(Level.WARNING, "report run " + run.getId() + " not e-mailed to " + recipient.login() + "; it stays in the inbox", e);
      return null;
    }
  }
}
