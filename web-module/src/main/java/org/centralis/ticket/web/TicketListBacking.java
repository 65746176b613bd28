package org.centralis.ticket.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIForm;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ActionEvent;
import jakarta.faces.event.AjaxBehaviorEvent;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.centralis.organization.application.BranchRef;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.shared.web.CappedCount;
import org.centralis.shared.web.Messages;
import org.centralis.shared.web.Spreadsheet;
import org.centralis.shared.web.SpreadsheetFile;
import org.centralis.ticket.application.TicketFilter;
import org.centralis.ticket.application.TicketQueries;
import org.centralis.ticket.application.TicketSort;
import org.centralis.ticket.application.TicketSummary;
import org.centralis.ticket.domain.Priority;
import org.centralis.ticket.domain.TicketStatus;
import org.centralis.ticket.domain.TicketType;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.primefaces.model.StreamedContent;

/**
 * A ticket list, loaded page by page from {@link TicketQueries#list}: filtered by status, type,
 * priority, branch and text, sorted by a column. The service limits it to the caller's branch
 * subtree. While the page shows a NEW ticket, the page polls until dispatch has picked it up.
 */
@Named
@ViewScoped
public class TicketListBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private TicketQueries queries;

  /** The most tickets the table counts exactly ({@code centralis.tickets.count-cap}). */
  private final CappedCount total = CappedCount.configured("centralis.tickets.count-cap");

  @Inject private OrganizationDirectory organization;

  private TicketStatus status;
  private TicketType type;
  private Priority priority;
  private Long branchId;
  private String text;
  private List<SelectItem> branches = List.of();
  private boolean pending;
  private final Model model = new Model();

  @PostConstruct
  void init() {
    try {
      boolean english = Messages.english();
      List<SelectItem> items = new ArrayList<>();
      for (BranchRef b : organization.visibleBranches()) {
        items.add(new SelectItem(b.id(), "\u00a0\u00a0".repeat(Math.max(0, b.depth())) + b.name(english ? "en" : "zh")));
      }
      branches = items;
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  /** The lazy model behind the table. */
  public class Model extends LazyDataModel<TicketSummary> {

    private static final long serialVersionUID = 1L;

    private List<TicketSummary> loaded = List.of();

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return total.rows(() -> queries.countAtMost(filter(), total.cap()));
    }

    /** The paginator's report: the total, or "more than 10,000" for a list beyond the cap, which pages through those. */
    public String getReport() {
      return total.report();
    }

    @Override
    public List<TicketSummary> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      TicketSort sort = TicketSort.CREATED_AT;
      boolean ascending = false;
      SortMeta meta = sortBy.values().stream().filter(SortMeta::isActive).findFirst().orElse(null);
      if (meta != null && meta.getOrder() != SortOrder.UNSORTED) {
        sort = sortOf(meta.getField());
        ascending = meta.getOrder() == SortOrder.ASCENDING;
      }
      try {
        // the table asked count() first (PrimeFaces does before every load): the page alone, not counted again
        loaded = queries.page(filter(), first, Math.max(1, Math.min(pageSize, 500)), sort, ascending);
      } catch (RuntimeException e) {
        Messages.handle(e);
        setRowCount(0);
        loaded = List.of();
      }
      pending = loaded.stream().anyMatch(t -> TicketStatus.NEW.name().equals(t.status()));
      return loaded;
    }

    @Override
    public String getRowKey(TicketSummary ticket) {
      return ticket.number();
    }

    @Override
    public TicketSummary getRowData(String rowKey) {
      return loaded.stream().filter(t -> t.number().equals(rowKey)).findFirst().orElse(null);
    }
  }

  private static TicketSort sortOf(String field) {
    if (field == null) {
      return TicketSort.CREATED_AT;
    }
    return switch (field) {
      case "number" -> TicketSort.NUMBER;
      case "status" -> TicketSort.STATUS;
      case "priority" -> TicketSort.PRIORITY;
      case "type" -> TicketSort.TYPE;
      case "updatedAt" -> TicketSort.UPDATED_AT;
      default -> TicketSort.CREATED_AT;
    };
  }

  private TicketFilter filter() {
    return new TicketFilter(status, type, priority, branchId, text == null || text.isBlank() ? null : text.strip(), null, null);
  }

  /**
   * The list as filtered now, as a spreadsheet (导出): {@code xlsx} or {@code csv}, in the page's language. A list over the
   * export limit is refused with a message; nothing is downloaded then.
   */
  public StreamedContent export(String format) {
    Spreadsheet.Format as = Spreadsheet.format(format);
    try {
      List<TicketSummary> rows = queries.export(filter(), null, false);
      return SpreadsheetFile.of("tickets", as, out -> TicketSheet.write(as, rows, Messages.locale(), out));
    } catch (RuntimeException e) {
      Messages.handle(e);
      return null;
    }
  }

  /** A filter changed: show the first page of the new list. */
  public void filterChanged(AjaxBehaviorEvent event) {
    firstPage(event.getComponent());
  }

  /** The search button of the filter bar. */
  public void search(ActionEvent event) {
    firstPage(event.getComponent());
  }

  /** Sets the table of the filter's form back to its first page (found, not named by id). */
  private static void firstPage(UIComponent source) {
    UIComponent form = source;
    while (form != null && !(form instanceof UIForm)) {
      form = form.getParent();
    }
    if (form == null) {
      return;
    }
    form.visitTree(
        VisitContext.createVisitContext(FacesContext.getCurrentInstance()),
        (context, target) -> {
          if (target instanceof DataTable table) {
            table.setFirst(0);
            return VisitResult.COMPLETE;
          }
          return VisitResult.ACCEPT;
        });
  }

  /** Poll listener: nothing to do, the table reloads when it is rendered. */
  public void refresh() {
    // The update of the table runs the lazy load again.
  }

  public Model getModel() {
    return model;
  }

  /** True while the last loaded page shows a ticket that dispatch has not picked up yet. */
  public boolean isPending() {
    return pending;
  }

  public TicketStatus[] getStatuses() {
    return TicketStatus.values();
  }

  public TicketType[] getTypes() {
    return TicketType.values();
  }

  public Priority[] getPriorities() {
    return Priority.values();
  }

  public List<SelectItem> getBranches() {
    return branches;
  }

  public TicketStatus getStatus() {
    return status;
  }

  public void setStatus(TicketStatus status) {
    this.status = status;
  }

  public TicketType getType() {
    return type;
  }

  public void setType(TicketType type) {
    this.type = type;
  }

  public Priority getPriority() {
    return priority;
  }

  public void setPriority(Priority priority) {
    this.priority = priority;
  }

  public Long getBranchId() {
    return branchId;
  }

  public void setBranchId(Long branchId) {
    this.branchId = branchId;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }
}
