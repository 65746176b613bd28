package org.centralis.sla.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import org.centralis.shared.infrastructure.mail.Mailer;
import org.centralis.sla.application.SlaStepFired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SLA e-mail through a real SMTP exchange with an in-process server (GreenMail). */
class SlaMailTest {

  private GreenMail smtp;

  @BeforeEach
  void start() {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterEach
  void stop() {
    smtp.stop();
  }

  @Test
  void aBreachIsMailedInChineseAndEnglishToEveryRecipient() throws Exception {
    SlaMail mail = new SlaMail();
    mail.mailer = Mailer.of("127.0.0.1", smtp.getSmtp().getPort(), "centralis@bank.example", null, null);
    SlaStepFired step =
        new SlaStepFired("T20261126-000042", "RESOLUTION", "BREACH", 1, Instant.parse("2026-11-26T09:30:00Z"), List.of("super1@bank.example", "hq1@bank.example"));

    mail.onStep(step);

    assertTrue(smtp.waitForIncomingEmail(5_000, 2));
    MimeMessage[] received = smtp.getReceivedMessages();
    assertEquals(2, received.length, "one copy per recipient (BCC)");
    assertEquals("【时限超时】工单 T20261126-000042 · 解决（1） / [SLA breach] ticket T20261126-000042 · resolution (1)", received[0].getSubject());
    String body = GreenMailUtil.getBody(received[0]);
    assertTrue(received[0].getContentType().contains("UTF-8"), received[0].getContentType());
    assertTrue(body.contains("2026-11-26 17:30:00") || received[0].getContent().toString().contains("2026-11-26 17:30:00"), body);
  }

  @Test
  void nothingIsSentWhenMailIsDisabledOrNobodyHasAnAddress() throws Exception {
    SlaMail mail = new SlaMail();
    mail.mailer = new Mailer(); // centralis.mail.enabled defaults to false
    mail.onStep(new SlaStepFired("T1", "FIRST_RESPONSE", "WARNING", 1, Instant.EPOCH, List.of("a@bank.example")));
    mail.mailer = Mailer.of("127.0.0.1", smtp.getSmtp().getPort(), "centralis@bank.example", null, null);
    mail.onStep(new SlaStepFired("T1", "FIRST_RESPONSE", "WARNING", 1, Instant.EPOCH, List.of()));
    assertEquals(0, smtp.getReceivedMessages().length);
  }
}
