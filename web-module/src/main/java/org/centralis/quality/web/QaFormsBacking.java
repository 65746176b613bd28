package org.centralis.quality.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.centralis.quality.application.QaForms;
import org.centralis.shared.web.Messages;

/**
 * The administrator's QA form page (/admin/qa-forms.xhtml): every form with its weighted criteria; a new form, or a
 * revision of one (which takes the old one out of use), edited as a table of criteria; forms put in or out of use.
 */
@Named
@ViewScoped
public class QaFormsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private QaForms forms;

  private List<QaForms.FormSummary> all = List.of();
  private boolean editing;
  private Long replaces;
  private String code;
  private String name;
  private String nameEn;
  private List<Row> rows = new ArrayList<>();

  /** One criterion being edited. */
  public static class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private String name;
    private String nameEn;
    private BigDecimal weight = BigDecimal.TEN;

    public String getName() {
      return name;
    }

    public void setName(String v) {
      name = v;
    }

    public String getNameEn() {
      return nameEn;
    }

    public void setNameEn(String v) {
      nameEn = v;
    }

    public BigDecimal getWeight() {
      return weight;
    }

    public void setWeight(BigDecimal v) {
      weight = v;
    }
  }

  @PostConstruct
  void load() {
    try {
      all = forms.list();
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  public void newForm() {
    start(null, "", "", "");
    rows.add(new Row());
  }

  /** A revision starts from the form's criteria; saving takes the old form out of use. */
  public void revise(QaForms.FormSummary f) {
    start(f.id(), f.code() + "-R", f.name(), f.nameEn());
    f.criteria().forEach(c -> {
      Row r = new Row();
      r.setName(c.name());
      r.setNameEn(c.nameEn());
      r.setWeight(c.weight());
      rows.add(r);
    });
  }

  private void start(Long revised, String c, String n, String en) {
    editing = true;
    replaces = revised;
    code = c;
    name = n;
    nameEn = en;
    rows = new ArrayList<>();
  }

  public void addRow() {
    rows.add(new Row());
  }

  public void removeRow(Row r) {
    rows.remove(r);
  }

  public void save() {
    try {
      List<QaForms.CriterionDocument> criteria = rows.stream().map(r -> new QaForms.CriterionDocument(r.getName(), r.getNameEn(), r.getWeight())).toList();
      forms.create(new QaForms.FormDocument(code, name, nameEn, criteria, replaces));
      Messages.info("qa.forms.saved", code);
      editing = false;
      all = forms.list();
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  public void toggle(QaForms.FormSummary f) {
    try {
      forms.setActive(f.id(), !f.active());
      all = forms.list();
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  public List<QaForms.FormSummary> getAll() {
    return all;
  }

  public boolean isEditing() {
    return editing;
  }

  public Long getReplaces() {
    return replaces;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String v) {
    code = v;
  }

  public String getName() {
    return name;
  }

  public void setName(String v) {
    name = v;
  }

  public String getNameEn() {
    return nameEn;
  }

  public void setNameEn(String v) {
    nameEn = v;
  }

  public List<Row> getRows() {
    return rows;
  }
}
