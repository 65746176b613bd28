package org.centralis.quality.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.centralis.quality.application.QaForms;
import org.centralis.quality.application.QaViews;
import org.centralis.quality.application.QualityScoring;
import org.centralis.quality.application.ScoreRequest;
import org.centralis.shared.web.Messages;
import org.centralis.shared.web.Spreadsheet;
import org.centralis.shared.web.SpreadsheetFile;
import org.primefaces.model.StreamedContent;

/**
 * The quality page (质检): supervisors score the open samples of their scope on the form (points
 * 0–100 per weighted criterion, a comment); everyone who is scored sees their own scores.
 */
@Named
@ViewScoped
public class QualityBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  @Inject private QualityScoring quality;
  @Inject private QaForms forms;

  private List<QaViews.Sample> samples;
  private List<QaViews.Score> mine;
  private QaViews.Form form;
  /** The form scored on: the newest active one unless the supervisor picks another. */
  private Long formId;
  private List<QaForms.FormSummary> activeForms;
  private QaViews.Sample selected;
  /** Criterion id → points; the input may put any Number (or text) here, converted on submit. */
  private final Map<Long, Object> points = new LinkedHashMap<>();
  private String comment;

  public boolean isSupervisor() {
    return FacesContext.getCurrentInstance().getExternalContext().isUserInRole("SUPERVISOR");
  }

  public List<QaViews.Sample> getSamples() {
    if (samples == null) {
      try {
        samples = isSupervisor() ? quality.openSamples(0, 100).items() : List.of();
      } catch (RuntimeException e) {
        samples = List.of();
        Messages.handle(e);
      }
    }
    return samples;
  }

  /** Every open sample of the supervisor's scope as a spreadsheet (导出): {@code xlsx} or {@code csv}, in the page's language. */
  public StreamedContent export(String format) {
    Spreadsheet.Format as = Spreadsheet.format(format);
    try {
      List<QaViews.Sample> rows = quality.exportOpenSamples();
      return SpreadsheetFile.of("qa-samples", as, out -> QaSampleSheet.write(as, rows, Messages.locale(), out));
    } catch (RuntimeException e) {
      Messages.handle(e);
      return null;
    }
  }

  public List<QaViews.Score> getMine() {
    if (mine == null) {
      try {
        mine = quality.myScores(0, 100).items();
      } catch (RuntimeException e) {
        mine = List.of();
      }
    }
    return mine;
  }

  public QaViews.Form getForm() {
    if (form == null && isSupervisor() && getFormId() != null) {
      form = quality.form(formId);
    }
    return form;
  }

  /** The active forms a supervisor may score on. */
  public List<QaForms.FormSummary> getForms() {
    if (activeForms == null) {
      activeForms = isSupervisor() ? forms.list().stream().filter(QaForms.FormSummary::active).toList() : List.of();
    }
    return activeForms;
  }

  public Long getFormId() {
    if (formId == null && !getForms().isEmpty()) {
      formId = getForms().get(0).id();
    }
    return formId;
  }

  public void setFormId(Long v) {
    formId = v;
  }

  /** Another form was picked: its criteria, all at full points to start from. */
  public void formChanged() {
    form = null;
    resetPoints();
  }

  public void select(QaViews.Sample sample) {
    selected = sample;
    resetPoints();
    comment = null;
  }

  private void resetPoints() {
    points.clear();
    if (getForm() != null) {
      getForm().criteria().forEach(c -> points.put(c.id(), 100));
    }
  }

  public void score() {
    try {
      Map<Long, Integer> marks = new LinkedHashMap<>();
      points.forEach((id, v) -> marks.put(id, v instanceof Number n ? Integer.valueOf(n.intValue()) : v == null || v.toString().isBlank() ? null : Integer.valueOf(v.toString().strip())));
      QaViews.Score s = quality.score(new ScoreRequest(formId, selected.id(), null, null, null, marks, comment));
      Messages.info("qa.scored", s.total().toPlainString());
      selected = null;
      samples = null;
    } catch (RuntimeException e) {
      Messages.handle(e);
      org.primefaces.PrimeFaces.current().ajax().addCallbackParam("failed", true);
    }
  }

  public QaViews.Sample getSelected() {
    return selected;
  }

  public Map<Long, Object> getPoints() {
    return points;
  }

  public String getComment() {
    return comment;
  }

  public void setComment(String comment) {
    this.comment = comment;
  }
}
