package org.centralis.audit.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.centralis.audit.application.AuditFilter;
import org.centralis.audit.application.AuditTrail;
import org.centralis.audit.domain.AuditEvent;
import org.centralis.audit.domain.ChainVerification;
import org.centralis.shared.web.CappedCount;
import org.centralis.shared.web.Formats;
import org.centralis.shared.web.Messages;
import org.centralis.shared.web.Spreadsheet;
import org.centralis.shared.web.SpreadsheetFile;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;

/**
 * The auditor's search over the audit trail (newest first, page by page) and the verification of
 * its hash chain. Dates are days in the service center's zone; "to" includes that whole day.
 */
@Named
@ViewScoped
public class AuditLogBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private AuditTrail trail;

  private String actor;
  private String action;
  private String targetType;
  private String targetId;
  private LocalDate from;
  private LocalDate to;
  private ChainVerification.Result verification;
  private final Model model = new Model();

  /** The most events the table counts exactly ({@code centralis.audit.count-cap}): the log grows by every action. */
  private final CappedCount total = CappedCount.configured("centralis.audit.count-cap");

  /** The lazy model behind the table. */
  public class Model extends LazyDataModel<AuditEvent> {

    private static final long serialVersionUID = 1L;

    private List<AuditEvent> loaded = List.of();

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return total.rows(() -> trail.countAtMost(filter(), total.cap()));
    }

    /** The paginator's report: the total, or "more than 10,000" beyond the cap. */
    public String getReport() {
      return total.report();
    }

    @Override
    public List<AuditEvent> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      try {
        loaded = trail.page(filter(), first, Math.max(1, Math.min(pageSize, 500))); // count() came first (PrimeFaces asks it before every load)
      } catch (RuntimeException e) {
        Messages.handle(e);
        setRowCount(0);
        loaded = List.of();
      }
      return loaded;
    }

    @Override
    public String getRowKey(AuditEvent event) {
      return Long.toString(event.getId()); // an event has its id before it is sealed
    }

    @Override
    public AuditEvent getRowData(String rowKey) {
      return loaded.stream().filter(e -> Long.toString(e.getId()).equals(rowKey)).findFirst().orElse(null);
    }
  }

  private AuditFilter filter() {
    Instant start = from == null ? null : from.atStartOfDay(Formats.ZONE).toInstant();
    Instant end = to == null ? null : to.plusDays(1).atStartOfDay(Formats.ZONE).toInstant();
    return new AuditFilter(actor, action, targetType, targetId, start, end);
  }

  /** The log as filtered now, as a spreadsheet (导出) in the page's language; over the export limit a message says so. */
  public StreamedContent export(String format) {
    Spreadsheet.Format as = Spreadsheet.format(format);
    try {
      List<AuditEvent> rows = trail.export(filter());
      return SpreadsheetFile.of("audit-log", as, out -> AuditSheet.write(as, rows, Messages.locale(), out));
    } catch (RuntimeException e) {
      Messages.handle(e);
      return null;
    }
  }

  public void clear() {
    actor = null;
    action = null;
    targetType = null;
    targetId = null;
    from = null;
    to = null;
  }

  public void verify() {
    try {
      verification = trail.verify(); // shown beside the button: intact, or the first broken event
    } catch (RuntimeException e) {
      verification = null;
      Messages.handle(e);
    }
  }

  public Model getModel() {
    return model;
  }

  public ChainVerification.Result getVerification() {
    return verification;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getTargetType() {
    return targetType;
  }

  public void setTargetType(String targetType) {
    this.targetType = targetType;
  }

  public String getTargetId() {
    return targetId;
  }

  public void setTargetId(String targetId) {
    this.targetId = targetId;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }
}
