package org.centralis.shared.infrastructure.mail;

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
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one way Centralis sends e-mail (SLA steps, scheduled reports): plain UTF-8 text, optionally one attachment,
 * through the SMTP server of {@code centralis.mail.*} (docs/operations.md) — with authentication and STARTTLS when
 * configured. Off unless {@code centralis.mail.enabled=true}: callers ask {@link #enabled()} and keep their own record
 * (inbox rows, audit events), so mail is a convenience that may fail without losing anything.
 */
@ApplicationScoped
public class Mailer {

  /** A file sent with the mail. */
  public record Attachment(String fileName, String contentType, byte[] content) {}

  /** One message; {@code hidden} addresses go as BCC (recipients of a broadcast do not see each other). */
  public record Mail(List<String> to, boolean hidden, String subject, String body, Attachment attachment) {
    public static Mail to(String address, String subject, String body) {
      return new Mail(List.of(address), false, subject, body, null);
    }

    public static Mail bcc(List<String> addresses, String subject, String body) {
      return new Mail(List.copyOf(addresses), true, subject, body, null);
    }

    public Mail attach(String fileName, String contentType, byte[] content) {
      return new Mail(to, hidden, subject, body, new Attachment(fileName, contentType, content));
    }
  }

  private static final String TIMEOUT_MILLIS = "10000";

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

  private volatile Session session;

  /** An enabled mailer outside CDI (tests, tools): {@code user} null for a relay without authentication. */
  public static Mailer of(String host, int port, String from, String user, String password) {
    Mailer m = new Mailer();
    m.enabled = true;
    m.host = host;
    m.port = port;
    m.from = from;
    m.user = Optional.ofNullable(user);
    m.password = Optional.ofNullable(password);
    return m;
  }

  public boolean enabled() {
    return enabled;
  }

  public void send(Mail mail) throws MessagingException {
    MimeMessage message = new MimeMessage(session());
    message.setFrom(new InternetAddress(from));
    for (String address : mail.to()) {
      message.addRecipient(mail.hidden() ? Message.RecipientType.BCC : Message.RecipientType.TO, new InternetAddress(address));
    }
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    if (mail.attachment() == null) {
      message.setText(mail.body(), StandardCharsets.UTF_8.name());
    } else {
      MimeBodyPart body = new MimeBodyPart();
      body.setText(mail.body(), StandardCharsets.UTF_8.name());
      MimeBodyPart file = new MimeBodyPart();
      file.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.attachment().content(), mail.attachment().contentType())));
      file.setFileName(mail.attachment().fileName());
      message.setContent(new MimeMultipart(body, file));
    }
    Transport.send(message);
  }

  /** Built once: the configuration does not change while the application runs. */
  private Session session() {
    Session s = session;
    if (s == null) {
      Properties props = new Properties();
      props.put("mail.smtp.host", host);
      props.put("mail.smtp.port", String.valueOf(port));
      props.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
      props.put("mail.smtp.timeout", TIMEOUT_MILLIS);
      props.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
      props.put("mail.smtp.starttls.enable", String.valueOf(starttls));
      props.put("mail.smtp.auth", String.valueOf(user.isPresent()));
      Authenticator login = user.isEmpty() ? null : new Authenticator() {
        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
          return new PasswordAuthentication(user.get(), password.orElse(""));
        }
      };
      s = Session.getInstance(props, login);
      session = s;
    }
    return s;
  }
}
