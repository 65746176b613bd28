package org.centralis.complaint.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.centralis.complaint.application.ComplaintFilter;
import org.centralis.complaint.application.ComplaintView;
import org.centralis.complaint.application.Complaints;
import org.centralis.complaint.domain.Severity;
import org.centralis.complaint.domain.TaxonomyKind;
import org.centralis.organization.application.BranchRef;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.shared.web.Messages;
import org.centralis.shared.web.Spreadsheet;
import org.centralis.shared.web.SpreadsheetFile;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;

/**
 * The complaint register (投诉登记簿) for managers, supervisors and HQ: filters by branch (subtree),
 * taxonomy, severity and regulator deadline (overdue or not), paged by the service.
 */
@Named
@ViewScoped
public class ComplaintRegisterBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private Complaints complaints;
  @Inject private OrganizationDirectory organization;

  private Long branchId;
  private Long taxonomyId;
  private Severity severity;
  private String overdue;
  private List<SelectItem> branches = List.of();
  private List<SelectItem> taxonomy = List.of();
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
      List<SelectItem> tax = new ArrayList<>();
      complaints.taxonomy(TaxonomyKind.COMPLAINT).forEach(t -> tax.add(new SelectItem(t.id(), (t.parentId() == null ? "" : "\u00a0\u00a0") + t.name(english ? "en" : "zh"))));
      taxonomy = tax;
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  /** The lazy model behind the table. */
  public class Model extends LazyDataModel<ComplaintView> {

    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      try {
        return (int) complaints.registerCount(filter());
      } catch (RuntimeException e) {
        return 0;
      }
    }

    @Override
    public List<ComplaintView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      try {
        return complaints.registerPage(filter(), first, Math.max(1, Math.min(pageSize, 500))); // count() came first (PrimeFaces asks it before every load)
      } catch (RuntimeException e) {
        Messages.handle(e);
        setRowCount(0);
        return List.of();
      }
    }

    @Override
    public String getRowKey(ComplaintView c) {
      return c.number();
    }
  }

  private ComplaintFilter filter() {
    return new ComplaintFilter(branchId, taxonomyId, severity, overdue == null || overdue.isBlank() ? null : Boolean.valueOf(overdue));
  }

  /** The register as filtered now, as a spreadsheet (导出) in the page's language; refused with a message over the limit. */
  public StreamedContent export(String format) {
    Spreadsheet.Format as = Spreadsheet.format(format);
    try {
      List<ComplaintView> rows = complaints.export(filter());
      return SpreadsheetFile.of("complaints", as, out -> ComplaintSheet.write(as, rows, Messages.locale(), out));
    } catch (RuntimeException e) {
      Messages.handle(e);
      return null;
    }
  }

  public Model getModel() {
    return model;
  }

  public Severity[] getSeverities() {
    return Severity.values();
  }

  public List<SelectItem> getBranches() {
    return branches;
  }

  public List<SelectItem> getTaxonomy() {
    return taxonomy;
  }

  public Long getBranchId() {
    return branchId;
  }

  public void setBranchId(Long branchId) {
    this.branchId = branchId;
  }

  public Long getTaxonomyId() {
    return taxonomyId;
  }

  public void setTaxonomyId(Long taxonomyId) {
    this.taxonomyId = taxonomyId;
  }

  public Severity getSeverity() {
    return severity;
  }

  public void setSeverity(Severity severity) {
    this.severity = severity;
  }

  public String getOverdue() {
    return overdue;
  }

  public void setOverdue(String overdue) {
    this.overdue = overdue;
  }

}
