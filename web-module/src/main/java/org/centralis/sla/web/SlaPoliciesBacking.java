package org.centralis.sla.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.centralis.shared.web.Messages;
import org.centralis.sla.application.BusinessCalendars;
import org.centralis.sla.application.ChainDocument;
import org.centralis.sla.application.ClockRecompute;
import org.centralis.sla.application.EscalationChains;
import org.centralis.sla.application.PolicyDocument;
import org.centralis.sla.application.SlaPolicies;
import org.centralis.sla.application.WhatIf;

/**
 * The administrator's SLA policy page (/admin/sla-policies.xhtml): every policy; the targets,
 * thresholds, calendar and escalation chain of the chosen one can be tried (what-if) and saved.
 */
@Named
@ViewScoped
public class SlaPoliciesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private SlaPolicies policies;
  @Inject private ClockRecompute recompute;
  @Inject private BusinessCalendars calendars;
  @Inject private EscalationChains chains;

  private List<PolicyDocument> all = List.of();
  private List<BusinessCalendars.CalendarRef> calendarRefs = List.of();
  private PolicyDocument selected;
  private Long firstResponseMinutes;
  private Long nextUpdateMinutes;
  private Long resolutionMinutes;
  private String warnPercents;
  private String calendarCode;
  private Long chainId;
  private List<ChainDocument> chainDocs = List.of();
  private WhatIf whatIf;

  @PostConstruct
  void load() {
    try {
      all = policies.list();
      calendarRefs = calendars.list();
      chainDocs = chains.list();
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  public void select(PolicyDocument p) {
    selected = p;
    firstResponseMinutes = minutes(p.firstResponseSeconds());
    nextUpdateMinutes = minutes(p.nextUpdateSeconds());
    resolutionMinutes = minutes(p.resolutionSeconds());
    warnPercents = p.warnPercents();
    calendarCode = p.calendarCode();
    chainId = p.escalationChainId();
    whatIf = null;
  }

  public void tryChange() {
    try {
      whatIf = policies.whatIf(selected.id(), proposed());
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  public void save() {
    try {
      policies.put(selected.id(), proposed());
      int recomputed = recompute.policy(selected.id());
      Messages.info("sla.policies.saved", selected.name(), recomputed);
      all = policies.list();
      select(policies.get(selected.id()));
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  private PolicyDocument proposed() {
    PolicyDocument p = selected;
    return new PolicyDocument(
        p.id(), p.name(), p.ticketType(), p.categoryId(), p.priority(), p.customerTier(), p.channel(), seconds(firstResponseMinutes),
        seconds(nextUpdateMinutes), seconds(resolutionMinutes), warnPercents, p.pauseStatuses(), blankToNull(calendarCode), chainId,
        p.active());
  }

  private static Long minutes(Long seconds) {
    return seconds == null ? null : seconds / 60;
  }

  private static Long seconds(Long minutes) {
    return minutes == null ? null : minutes * 60;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** "2 h 30 min" for a target in seconds; "—" when the metric is not measured. */
  public String duration(Long seconds) {
    if (seconds == null) {
      return "—";
    }
    long h = seconds / 3600;
    long m = seconds % 3600 / 60;
    return (h > 0 ? h + " h" : "") + (h > 0 && m > 0 ? " " : "") + (m > 0 || h == 0 ? m + " min" : "");
  }

  public List<PolicyDocument> getAll() {
    return all;
  }

  public List<BusinessCalendars.CalendarRef> getCalendars() {
    return calendarRefs;
  }

  public PolicyDocument getSelected() {
    return selected;
  }

  public Long getFirstResponseMinutes() {
    return firstResponseMinutes;
  }

  public void setFirstResponseMinutes(Long v) {
    firstResponseMinutes = v;
  }

  public Long getNextUpdateMinutes() {
    return nextUpdateMinutes;
  }

  public void setNextUpdateMinutes(Long v) {
    nextUpdateMinutes = v;
  }

  public Long getResolutionMinutes() {
    return resolutionMinutes;
  }

  public void setResolutionMinutes(Long v) {
    resolutionMinutes = v;
  }

  public String getWarnPercents() {
    return warnPercents;
  }

  public void setWarnPercents(String v) {
    warnPercents = v;
  }

  public String getCalendarCode() {
    return calendarCode;
  }

  public void setCalendarCode(String v) {
    calendarCode = v;
  }

  public List<ChainDocument> getChains() {
    return chainDocs;
  }

  public Long getChainId() {
    return chainId;
  }

  public void setChainId(Long v) {
    chainId = v;
  }

  public WhatIf getWhatIf() {
    return whatIf;
  }
}
