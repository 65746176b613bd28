package org.centralis.reporting.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.centralis.reporting.application.InboxItemView;
import org.centralis.reporting.application.ReportInbox;
import org.centralis.reporting.application.ReportSchedules;
import org.centralis.reporting.application.ScheduleRequest;
import org.centralis.reporting.application.ScheduleView;
import org.centralis.reporting.domain.RelativePeriod;
import org.centralis.shared.domain.Page;
import org.centralis.shared.web.Messages;
import org.centralis.sla.application.BusinessCalendars;

/**
 * The HQ reports page, inbox and subscription tabs: what schedules delivered to me, my subscriptions, and a form to
 * subscribe with a preview of the next firings before saving.
 */
@Named
@ViewScoped
public class ReportSubscriptionsBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int INBOX_PAGE = 50;

  @Inject private ReportSchedules schedules;
  @Inject private ReportInbox inbox;
  @Inject private BusinessCalendars calendars;

  private List<ScheduleView> mine;
  private Page<InboxItemView> items;
  private long unread;
  private List<BusinessCalendars.CalendarRef> calendarList;
  private List<ReportSchedules.Firing> preview = List.of();

  private String name;
  private String report;
  private String cron = "30 7 * * 1";
  private String calendar;
  private boolean workingDaysOnly;
  private RelativePeriod period = RelativePeriod.PREVIOUS_WEEK;
  private Long branch;
  private String format = "PDF";
  private String recipients;

  @PostConstruct
  void init() {
    calendarList = calendars.list();
    reload();
  }

  private void reload() {
    mine = schedules.list();
    items = inbox.mine(0, INBOX_PAGE);
    unread = inbox.unreadCount();
  }

  public void previewFirings() {
    try {
      preview = schedules.preview(cron, calendar, workingDaysOnly, period.name());
    } catch (RuntimeException e) {
      preview = List.of();
      Messages.handle(e);
    }
  }

  public void subscribe() {
    try {
      ScheduleView created =
          schedules.create(new ScheduleRequest(name, report, cron, blankToNull(calendar), workingDaysOnly, period.name(), branch, format, null, recipientList()));
      Messages.info("reports.schedule.saved", created.name(), org.centralis.shared.web.Formats.ZONE.getId());
      name = null;
      preview = List.of();
      reload();
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  public void cancel(long id) {
    try {
      schedules.cancel(id);
      Messages.info("reports.schedule.cancelled");
      reload();
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  /** Marks the item read; the page then downloads the run through ReportsBacking (audited). */
  public void open(long itemId) {
    inbox.open(itemId);
    reload();
  }

  private List<String> recipientList() {
    if (recipients == null || recipients.isBlank()) {
      return List.of();
    }
    List<String> list = new ArrayList<>();
    for (String r : recipients.split("[,;，；\\s]+")) {
      if (!r.isBlank()) {
        list.add(r.contains(":") ? r : "user:" + r);
      }
    }
    return list;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  public List<RelativePeriod> getPeriods() {
    return Arrays.asList(RelativePeriod.values());
  }

  public List<ScheduleView> getMine() {
    return mine;
  }

  public Page<InboxItemView> getItems() {
    return items;
  }

  public long getUnread() {
    return unread;
  }

  public List<BusinessCalendars.CalendarRef> getCalendarList() {
    return calendarList;
  }

  public List<ReportSchedules.Firing> getPreview() {
    return preview;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getReport() {
    return report;
  }

  public void setReport(String report) {
    this.report = report;
  }

  public String getCron() {
    return cron;
  }

  public void setCron(String cron) {
    this.cron = cron;
  }

  public String getCalendar() {
    return calendar;
  }

  public void setCalendar(String calendar) {
    this.calendar = calendar;
  }

  public boolean isWorkingDaysOnly() {
    return workingDaysOnly;
  }

  public void setWorkingDaysOnly(boolean workingDaysOnly) {
    this.workingDaysOnly = workingDaysOnly;
  }

  public RelativePeriod getPeriod() {
    return period;
  }

  public void setPeriod(RelativePeriod period) {
    this.period = period;
  }

  public Long getBranch() {
    return branch;
  }

  public void setBranch(Long branch) {
    this.branch = branch;
  }

  public String getFormat() {
    return format;
  }

  public void setFormat(String format) {
    this.format = format;
  }

  public String getRecipients() {
    return recipients;
  }

  public void setRecipients(String recipients) {
    this.recipients = recipients;
  }
}
