package org.centralis.sla.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.centralis.customer.domain.CustomerTier;
import org.centralis.shared.web.Messages;
import org.centralis.sla.application.BusinessCalendars;
import org.centralis.sla.application.ChainDocument;
import org.centralis.sla.application.ClockRecompute;
import org.centralis.sla.application.EscalationChains;
import org.centralis.sla.application.PolicyDocument;
import org.centralis.sla.application.SlaPolicies;
import org.centralis.sla.application.WhatIf;
import org.centralis.ticket.application.CategoryRef;
import org.centralis.ticket.application.TicketCatalog;
import org.centralis.ticket.domain.Channel;
import org.centralis.ticket.domain.Priority;
import org.centralis.ticket.domain.TicketStatus;
import org.centralis.ticket.domain.TicketType;

/**
 * The administrator's SLA policy page (/admin/sla-policies.xhtml): every policy; the criteria,
 * targets, thresholds, pausing states, calendar and escalation chain of the chosen one can be tried
 * (what-if, for the targets and calendar) and saved; a new policy can be added.
 */
@Named
@ViewScoped
public class SlaPoliciesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private SlaPolicies policies;
  @Inject private ClockRecompute recompute;
  @Inject private BusinessCalendars calendars;
  @Inject private EscalationChains chains;
  @Inject private TicketCatalog catalog;

  private List<PolicyDocument> all = List.of();
  private List<BusinessCalendars.CalendarRef> calendarRefs = List.of();
  private PolicyDocument selected;
  private String name;
  private String ticketType;
  private Long categoryId;
  private String priority;
  private String customerTier;
  private String channel;
  private List<String> pauseStatuses = List.of();
  private boolean active;
  private List<CategoryRef> categoryRefs = List.of();
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
      categoryRefs = catalog.categories(null);
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  /** A blank policy (no criteria match anything: set at least one), inactive until the administrator turns it on. */
  public void newPolicy() {
    select(new PolicyDocument(null, "", null, null, null, null, null, null, null, null, "75,90", List.of(TicketStatus.PENDING_CUSTOMER.name()), null, null, false));
  }

  public void select(PolicyDocument p) {
    selected = p;
    name = p.name();
    ticketType = p.ticketType();
    categoryId = p.categoryId();
    priority = p.priority();
    customerTier = p.customerTier();
    channel = p.channel();
    pauseStatuses = new ArrayList<>(p.pauseStatuses());
    active = Boolean.TRUE.equals(p.active());
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
      long id;
      int recomputed = 0;
      if (selected.id() == null) {
        id = policies.create(proposed());
      } else {
        id = selected.id();
        policies.put(id, proposed());
        recomputed = recompute.policy(id);
      }
      Messages.info("sla.policies.saved", name, recomputed);
      all = policies.list();
      select(policies.get(id));
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  private PolicyDocument proposed() {
    return new PolicyDocument(
        selected.id(), name, blankToNull(ticketType), categoryId, blankToNull(priority), blankToNull(customerTier), blankToNull(channel),
        seconds(firstResponseMinutes), seconds(nextUpdateMinutes), seconds(resolutionMinutes), warnPercents, List.copyOf(pauseStatuses),
        blankToNull(calendarCode), chainId, active);
  }

  /** The criteria of a policy as the reader says them: "投诉 · 高 · 金卡客户", or "any" when it has none. */
  public String criteria(PolicyDocument p) {
    List<String> parts = new ArrayList<>();
    label(parts, "ticket.type.", p.ticketType());
    if (p.categoryId() != null) {
      parts.add(categoryRefs.stream().filter(c -> c.id().equals(p.categoryId())).map(c -> c.name(Messages.locale().getLanguage())).findFirst().orElse("#" + p.categoryId()));
    }
    label(parts, "ticket.priority.", p.priority());
    label(parts, "customer.tier.", p.customerTier());
    label(parts, "ticket.channel.", p.channel());
    return parts.isEmpty() ? Messages.text("sla.policies.any") : String.join(" · ", parts);
  }

  private static void label(List<String> parts, String prefix, String code) {
    if (code != null) {
      parts.add(Messages.textOr(prefix + code, code));
    }
  }

  /** The categories of the chosen type (all when the policy is for any type). */
  public List<CategoryRef> getCategories() {
    return categoryRefs.stream().filter(c -> ticketType == null || ticketType.isEmpty() || c.type().equals(ticketType)).toList();
  }

  /** A category of another type no longer fits when the type changes. */
  public void typeChanged() {
    if (categoryId != null && getCategories().stream().noneMatch(c -> c.id().equals(categoryId))) {
      categoryId = null;
    }
  }

  public TicketType[] getTicketTypes() {
    return TicketType.values();
  }

  public Priority[] getPriorities() {
    return Priority.values();
  }

  public CustomerTier[] getCustomerTiers() {
    return CustomerTier.values();
  }

  public Channel[] getChannels() {
    return Channel.values();
  }

  /** The states a clock may pause in: not the first one, nor those where the clocks stop (met or cancelled). */
  public List<TicketStatus> getPausableStatuses() {
    return EnumSet.complementOf(EnumSet.of(TicketStatus.NEW, TicketStatus.RESOLVED, TicketStatus.CLOSED, TicketStatus.CANCELLED)).stream().toList();
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

  public String getName() {
    return name;
  }

  public void setName(String v) {
    name = v;
  }

  public String getTicketType() {
    return ticketType;
  }

  public void setTicketType(String v) {
    ticketType = v;
  }

  public Long getCategoryId() {
    return categoryId;
  }

  public void setCategoryId(Long v) {
    categoryId = v;
  }

  public String getPriority() {
    return priority;
  }

  public void setPriority(String v) {
    priority = v;
  }

  public String getCustomerTier() {
    return customerTier;
  }

  public void setCustomerTier(String v) {
    customerTier = v;
  }

  public String getChannel() {
    return channel;
  }

  public void setChannel(String v) {
    channel = v;
  }

  public List<String> getPauseStatuses() {
    return pauseStatuses;
  }

  public void setPauseStatuses(List<String> v) {
    pauseStatuses = v == null ? List.of() : v;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean v) {
    active = v;
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
