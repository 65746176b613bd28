package org.centralis.sla.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.centralis.shared.infrastructure.mail.Mailer;
import org.centralis.sla.application.SlaStepFired;

/**
 * E-mails each fired SLA step to its recipients, after the step committed. Off unless
 * {@code centralis.mail.enabled=true} ({@link Mailer}). Best effort: a mail that cannot be sent is logged (the inbox
 * row and the audit event exist anyway), and a crash between commit and send loses the mail.
 */
@ApplicationScoped
public class SlaMail {

  private static final Logger LOG = Logger.getLogger(SlaMail.class.getName());
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

  @Inject Mailer mailer;

  void onStep(@Observes(during = TransactionPhase.AFTER_SUCCESS) SlaStepFired step) {
    if (!mailer.enabled() || step.emails().isEmpty()) {
      return;
    }
    try {
      mailer.send(Mailer.Mail.bcc(step.emails(), subject(step), body(step)));
    } catch (Exception e) {
      LOG.log(Level.WARNING, "SLA e-mail for " + step.ticketNo() + " not sent", e);
    }
  }

  /** The subject, in Chinese then English: recipients' locales are not known to the sweeper. */
  static String subject(SlaStepFired s) {
    ResourceBundle zh = ResourceBundle.getBundle("org.centralis.sla.mail", Locale.SIMPLIFIED_CHINESE);
    ResourceBundle en = ResourceBundle.getBundle("org.centralis.sla.mail", Locale.ENGLISH);
    return MessageFormat.format(zh.getString("subject"), zh.getString("kind." + s.kind()), s.ticketNo(), zh.getString("metric." + s.metric()), s.seq())
        + " / " + MessageFormat.format(en.getString("subject"), en.getString("kind." + s.kind()), s.ticketNo(), en.getString("metric." + s.metric()), s.seq());
  }

  static String body(SlaStepFired s) {
    ResourceBundle zh = ResourceBundle.getBundle("org.centralis.sla.mail", Locale.SIMPLIFIED_CHINESE);
    ResourceBundle en = ResourceBundle.getBundle("org.centralis.sla.mail", Locale.ENGLISH);
    String due = TIME.format(s.dueAt());
    return MessageFormat.format(zh.getString("body"), s.ticketNo(), zh.getString("metric." + s.metric()), due) + "\n\n"
        + MessageFormat.format(en.getString("body"), s.ticketNo(), en.getString("metric." + s.metric()), due) + "\n";
  }
}
