package org.centralis.reporting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A report delivered to one recipient's inbox (报表收件箱); read once it is opened. */
@Entity
@Table(name = "REPORT_INBOX_ITEM")
public class ReportInboxItem {

  @Id
  @SequenceGenerator(name = "REPORT_INBOX_SEQ", sequenceName = "REPORT_INBOX_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "REPORT_INBOX_SEQ")
  private Long id;

  @Column(name = "RUN_ID")
  private Long runId;

  @Column(name = "RECIPIENT_LOGIN")
  private String recipientLogin;

  @Column(name = "SCHEDULE_ID")
  private Long scheduleId;

  @Column(name = "DELIVERED_AT")
  private Instant deliveredAt;

  @Column(name = "EMAILED_TO")
  private String emailedTo;

  @Column(name = "READ_AT")
  private Instant readAt;

  protected ReportInboxItem() {}

  public static ReportInboxItem deliver(long runId, String recipientLogin, Long scheduleId, String emailedTo, Instant now) {
    ReportInboxItem item = new ReportInboxItem();
    item.runId = runId;
    item.recipientLogin = recipientLogin;
    item.scheduleId = scheduleId;
    item.emailedTo = emailedTo;
    item.deliveredAt = now;
    return item;
  }

  /** The first read counts; later reads leave it as it was. */
  public void markRead(Instant now) {
    if (readAt == null) {
      readAt = now;
    }
  }

  public Long getId() {
    return id;
  }

  public Long getRunId() {
    return runId;
  }

  public String getRecipientLogin() {
    return recipientLogin;
  }

  public Long getScheduleId() {
    return scheduleId;
  }

  public Instant getDeliveredAt() {
    return deliveredAt;
  }

  public String getEmailedTo() {
    return emailedTo;
  }

  public Instant getReadAt() {
    return readAt;
  }
}
