package org.centralis.ticket.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.math.BigDecimal;
import org.centralis.complaint.application.Complaints;
import org.centralis.complaint.application.TaxonomyRef;
import org.centralis.complaint.domain.Severity;
import org.centralis.complaint.domain.TaxonomyKind;
import org.centralis.customer.web.CustomerLookupBacking;
import org.centralis.ticket.application.ComplaintDetails;
import org.centralis.ticket.application.RelatedTickets;
import org.centralis.ticket.application.TicketSummary;
import org.centralis.shared.web.Messages;
import org.centralis.ticket.application.CategoryRef;
import org.centralis.ticket.application.LogRequest;
import org.centralis.ticket.application.TicketCatalog;
import org.centralis.ticket.application.TicketIntake;
import org.centralis.ticket.application.TicketView;
import org.centralis.ticket.domain.Channel;
import org.centralis.ticket.domain.Priority;
import org.centralis.ticket.domain.TicketType;
import org.primefaces.PrimeFaces;

/**
 * The "log request" (受理登记) form: type, a category of that type, priority, channel, subject and
 * description, for the customer selected in the lookup of the same page (or none). A complaint also
 * takes severity, taxonomy and the amount in dispute; once customer and category are known, the
 * customer's recent tickets of that category are shown (related-ticket detection).
 */
@Named
@ViewScoped
public class TicketLogBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private TicketIntake intake;
  @Inject private TicketCatalog catalog;
  @Inject private CustomerLookupBacking lookup;
  @Inject private Complaints complaints;
  @Inject private RelatedTickets relatedTickets;

  private TicketType type = TicketType.INQUIRY;
  private Long categoryId;
  private Priority priority = Priority.NORMAL;
  private Channel channel = Channel.BRANCH_COUNTER;
  private String subject;
  private String description;
  private List<SelectItem> categories = List.of();
  private String loggedNumber;
  private Severity severity = Severity.MINOR;
  private Long complaintTaxonomyId;
  private BigDecimal amount;
  private String currency = "CNY";
  private List<SelectItem> complaintTaxonomy = List.of();
  private List<TicketSummary> related = List.of();

  @PostConstruct
  void init() {
    loadCategories();
  }

  /** View action: the default channel of the page (the agent desk takes calls: PHONE). */
  public void useChannel(String name) {
    channel = Channel.valueOf(name);
  }

  public void typeChanged() {
    categoryId = null;
    related = List.of();
    loadCategories();
    if (type == TicketType.COMPLAINT && complaintTaxonomy.isEmpty()) {
      complaintTaxonomy = taxonomyItems(complaints.taxonomy(TaxonomyKind.COMPLAINT));
    }
  }

  /** Related-ticket detection: the selected customer's tickets of this category in the default window. */
  public void categoryChanged() {
    related = List.of();
    Long customer = lookup.getSelectedId();
    if (customer == null || categoryId == null) {
      return;
    }
    try {
      related = relatedTickets.of(customer, categoryId, null);
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  private ComplaintDetails complaintDetails() {
    if (type != TicketType.COMPLAINT) {
      return null;
    }
    return new ComplaintDetails(severity == null ? null : severity.name(), complaintTaxonomyId, amount, amount == null ? null : currency);
  }

  /** A two-level taxonomy as grouped select items (roots with children are groups). */
  public static List<SelectItem> taxonomyItems(List<TaxonomyRef> nodes) {
    String lang = Messages.english() ? "en" : "zh";
    Map<Long, List<TaxonomyRef>> children = new LinkedHashMap<>();
    List<TaxonomyRef> roots = new ArrayList<>();
    for (TaxonomyRef n : nodes) {
      if (n.parentId() == null) {
        roots.add(n);
      } else {
        children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n);
      }
    }
    List<SelectItem> items = new ArrayList<>();
    for (TaxonomyRef root : roots) {
      List<TaxonomyRef> kids = children.getOrDefault(root.id(), List.of());
      if (kids.isEmpty()) {
        items.add(new SelectItem(root.id(), root.name(lang)));
      } else {
        SelectItemGroup group = new SelectItemGroup(root.name(lang));
        group.setSelectItems(kids.stream().map(k -> new SelectItem(k.id(), k.name(lang))).toArray(SelectItem[]::new));
        items.add(group);
      }
    }
    return items;
  }

  /**
   * Categories of the chosen type, grouped under their root; a root without children is itself
   * selectable. Administrators may nest deeper than one level: a deeper category shows its path
   * below the root ("ATM故障 › 吞卡").
   */
  private void loadCategories() {
    try {
      List<CategoryRef> all = catalog.categories(type);
      boolean english = Messages.english();
      Map<Long, List<CategoryRef>> children = new LinkedHashMap<>();
      List<CategoryRef> roots = new ArrayList<>();
      for (CategoryRef c : all) {
        if (c.parentId() == null) {
          roots.add(c);
        } else {
          children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
        }
      }
      List<SelectItem> items = new ArrayList<>();
      for (CategoryRef root : roots) {
        List<CategoryRef> kids = children.getOrDefault(root.id(), List.of());
        if (kids.isEmpty()) {
          items.add(new SelectItem(root.id(), root.name(english ? "en" : "zh")));
        } else {
          SelectItemGroup group = new SelectItemGroup(root.name(english ? "en" : "zh"));
          List<SelectItem> below = new ArrayList<>();
          addDescendants(kids, "", children, english ? "en" : "zh", below);
          group.setSelectItems(below.toArray(SelectItem[]::new));
          items.add(group);
        }
      }
      categories = items;
    } catch (RuntimeException e) {
      categories = List.of();
      Messages.handle(e);
    }
  }

  private static void addDescendants(List<CategoryRef> level, String prefix, Map<Long, List<CategoryRef>> children, String language, List<SelectItem> into) {
    for (CategoryRef c : level) {
      String label = prefix + c.name(language);
      into.add(new SelectItem(c.id(), label));
      addDescendants(children.getOrDefault(c.id(), List.of()), label + " › ", children, language, into);
    }
  }

  public void save() {
    loggedNumber = null;
    try {
      TicketView ticket = intake.logRequest(new LogRequest(type, categoryId, priority, channel, subject, description, lookup.getSelectedId(), complaintDetails()));
      loggedNumber = ticket.number();
      Messages.info("ticket.log.saved", ticket.number());
      subject = null;
      description = null;
      amount = null;
      related = List.of();
      // The new ticket is NEW until the dispatcher picks it up: let the list poll for it.
      PrimeFaces.current().executeScript("if (window.PF && PF('ticketsPoll')) { PF('ticketsPoll').start(); }");
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  public TicketType[] getTypes() {
    return TicketType.values();
  }

  public Priority[] getPriorities() {
    return Priority.values();
  }

  public Channel[] getChannels() {
    return Channel.values();
  }

  public List<SelectItem> getCategories() {
    return categories;
  }

  public String getLoggedNumber() {
    return loggedNumber;
  }

  public Severity[] getSeverities() {
    return Severity.values();
  }

  public List<SelectItem> getComplaintTaxonomy() {
    return complaintTaxonomy;
  }

  public List<TicketSummary> getRelated() {
    return related;
  }

  public boolean isComplaint() {
    return type == TicketType.COMPLAINT;
  }

  public Severity getSeverity() {
    return severity;
  }

  public void setSeverity(Severity severity) {
    this.severity = severity;
  }

  public Long getComplaintTaxonomyId() {
    return complaintTaxonomyId;
  }

  public void setComplaintTaxonomyId(Long complaintTaxonomyId) {
    this.complaintTaxonomyId = complaintTaxonomyId;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public void setAmount(BigDecimal amount) {
    this.amount = amount;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public TicketType getType() {
    return type;
  }

  public void setType(TicketType type) {
    this.type = type;
  }

  public Long getCategoryId() {
    return categoryId;
  }

  public void setCategoryId(Long categoryId) {
    this.categoryId = categoryId;
  }

  public Priority getPriority() {
    return priority;
  }

  public void setPriority(Priority priority) {
    this.priority = priority;
  }

  public Channel getChannel() {
    return channel;
  }

  public void setChannel(Channel channel) {
    this.channel = channel;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
