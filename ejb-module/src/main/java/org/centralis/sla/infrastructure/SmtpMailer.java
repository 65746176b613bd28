package org.centralis.sla.infrastructure;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;

/** Sends plain-text UTF-8 mail through one SMTP server (no authentication: a relay on the internal network). */
public final class SmtpMailer {

  private final Session session;
  private final String from;

  public SmtpMailer(String host, int port, String from, int timeoutMillis) {
    Properties p = new Properties();
    p.put("mail.smtp.host", host);
    p.put("mail.smtp.port", Integer.toString(port));
    p.put("mail.smtp.connectiontimeout", Integer.toString(timeoutMillis));
    p.put("mail.smtp.timeout", Integer.toString(timeoutMillis));
    p.put("mail.smtp.writetimeout", Integer.toString(timeoutMillis));
    this.session = Session.getInstance(p);
    this.from = from;
  }

  public void send(List<String> to, String subject, String body) throws MessagingException {
    MimeMessage m = new MimeMessage(session);
    m.setFrom(new InternetAddress(from));
    for (String address : to) {
      m.addRecipient(Message.RecipientType.BCC, new InternetAddress(address));
    }
    m.setSubject(subject, "UTF-8");
    m.setText(body, "UTF-8");
    Transport.send(m);
  }
}
