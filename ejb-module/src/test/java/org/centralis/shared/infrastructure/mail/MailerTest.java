package org.centralis.shared.infrastructure.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real SMTP exchange (GreenMail in process) with authentication, a Chinese subject and an attachment. */
class MailerTest {

  private GreenMail smtp;

  @BeforeEach
  void start() {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.setUser("centralis", "s3cret");
    smtp.start();
  }

  @AfterEach
  void stop() {
    smtp.stop();
  }

  @Test
  void anAuthenticatedMailCarriesItsAttachmentByteForByte() throws Exception {
    byte[] pdf = "%PDF-1.4 服务质量月报".getBytes(StandardCharsets.UTF_8);
    Mailer.of("127.0.0.1", smtp.getSmtp().getPort(), "centralis@bank.example", "centralis", "s3cret")
        .send(Mailer.Mail.to("hq1@bank.example", "服务质量月报 2026-10", "见附件 / see the attachment").attach("sqm-1.pdf", "application/pdf", pdf));

    assertTrue(smtp.waitForIncomingEmail(5_000, 1));
    MimeMessage received = smtp.getReceivedMessages()[0];
    assertEquals("服务质量月报 2026-10", received.getSubject());
    assertEquals("hq1@bank.example", received.getRecipients(Message.RecipientType.TO)[0].toString());
    MimeMultipart parts = (MimeMultipart) received.getContent();
    assertEquals(2, parts.getCount());
    assertEquals("sqm-1.pdf", parts.getBodyPart(1).getFileName());
    assertArrayEquals(pdf, parts.getBodyPart(1).getInputStream().readAllBytes());
  }

  @Test
  void aWrongPasswordFailsLoudly() {
    Mailer mailer = Mailer.of("127.0.0.1", smtp.getSmtp().getPort(), "centralis@bank.example", "centralis", "wrong");
    assertThrows(AuthenticationFailedException.class, () -> mailer.send(Mailer.Mail.to("hq1@bank.example", "s", "b")));
  }
}
