package org.centralis.reporting.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Function;
import org.centralis.reporting.application.KpiBoard;
import org.centralis.reporting.application.KpiFigure;
import org.centralis.reporting.application.ReportKpis;
import org.centralis.shared.web.Messages;

/**
 * The HQ dashboard (/reports/dashboard.xhtml): headline figures of the current month against the previous month, as
 * tiles, and charts of the volumes and the rates — all from {@link ReportKpis}, i.e. the monthly service-quality report's
 * own query, labelled and formatted as the report does (its resource bundle, its number patterns).
 */
@Named
@ViewScoped
public class ReportDashboardBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The tiles, in order: the headline figure of each section. */
  private static final List<String> TILES = List.of(
      "volume.contacts.total", "acd.serviceLevel", "acd.asa", "acd.abandonRate", "acd.aht", "volume.tickets.total", "fcr.closed", "fcr.rate",
      "sla.FIRST_RESPONSE", "sla.RESOLUTION", "complaints.total", "csat.mean");
  /** Figures where less is better: a rise shows red. */
  private static final Set<String> LOWER_IS_BETTER = Set.of("acd.asa", "acd.abandonRate", "acd.aht", "complaints.total");

  /** One tile: label, value, previous month's value, change text, and the change's tone (good / bad / none). */
  public record Tile(String id, String label, String value, String previous, String change, String tone) implements Serializable {}

  @Inject private ReportKpis kpis;

  private final List<Tile> tiles = new ArrayList<>();
  private String period;
  private String previousPeriod;
  private boolean contactCenterInScope;
  private String volumeChart;
  private String rateChart;
  private String complaintChart;

  @PostConstruct
  public void refresh() {
    tiles.clear();
    try {
      Locale locale = Messages.english() ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
      ResourceBundle labels = ResourceBundle.getBundle("reports.service-quality-monthly", locale);
      KpiBoard board = kpis.currentMonth(locale);
      period = board.periods().current().from() + " — " + board.periods().current().to();
      previousPeriod = board.periods().previous().from() + " — " + board.periods().previous().to();
      contactCenterInScope = board.contactCenterInScope();
      for (String metric : TILES) {
        KpiFigure f = board.figure(metric).orElse(null);
        String value = f == null ? null : format(f.unit(), f.current(), locale);
        if (value == null) {
          boolean queues = metric.startsWith("acd.") || metric.startsWith("volume.contacts");
          value = queues && !contactCenterInScope ? Messages.text("sqm.dashboard.na") : "—";
        }
        String previous = f == null || f.previous() == null ? "—" : format(f.unit(), f.previous(), locale);
        tiles.add(new Tile(metric.replace('.', '-'), label(labels, metric, null), value, previous,
            f == null ? "—" : change(f), f == null ? "none" : tone(metric, f.previousChange())));
      }
      Function<KpiFigure, Double> asIs = v -> 1d;
      volumeChart = chart(board.section(1, true), labels, asIs, locale);
      List<KpiFigure> rates = board.figures().stream().filter(x -> x.charted() && x.rate()).toList();
      rateChart = chart(rates, labels, v -> 100d, locale);
      complaintChart = chart(board.section(5, true), labels, asIs, locale);
    } catch (RuntimeException e) {
      volumeChart = rateChart = complaintChart = null;
      Messages.handle(e);
    }
  }

  /** As the report's template labels a row: the metric's label, then the item (a branch, a complaint type). */
  static String label(ResourceBundle labels, String metric, String item) {
    String label;
    try {
      label = labels.getString(metric);
    } catch (MissingResourceException e) {
      label = metric;
    }
    return item == null ? label : label + " · " + item;
  }

  /** The report template's patterns, so a figure reads the same on the dashboard and in the PDF. */
  static String format(String unit, Double value, Locale locale) {
    if (value == null) {
      return null;
    }
    String pattern = switch (unit) {
      case "COUNT" -> "#,##0";
      case "PERCENT" -> "0.0%";
      case "SCORE" -> "0.00";
      default -> "#,##0.0";
    };
    return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(locale)).format(value);
  }

  static String change(KpiFigure f) {
    Double c = f.previousChange();
    if (c == null) {
      return "—";
    }
    return f.rate() ? String.format(Locale.ROOT, "%+.1f pp", c * 100) : String.format(Locale.ROOT, "%+.1f%%", c * 100);
  }

  private static String tone(String metric, Double change) {
    if (change == null || Math.abs(change) < 1e-9) {
      return "none";
    }
    return (change > 0) != LOWER_IS_BETTER.contains(metric) ? "good" : "bad";
  }

  /** A grouped bar chart (Chart.js for p:chart): current, previous and last year per figure; rates in percent. */
  private static String chart(List<KpiFigure> figures, ResourceBundle labels, Function<KpiFigure, Double> scale, Locale locale) {
    if (figures.isEmpty()) {
      return null;
    }
    JsonArrayBuilder names = Json.createArrayBuilder();
    figures.forEach(f -> names.add(label(labels, f.metric(), f.item())));
    JsonArrayBuilder datasets = Json.createArrayBuilder()
        .add(dataset(labels.getString("series.current"), figures, KpiFigure::current, scale, "#1F4E79"))
        .add(dataset(labels.getString("series.previous"), figures, KpiFigure::previous, scale, "#9DC3E6"))
        .add(dataset(labels.getString("series.lastYear"), figures, KpiFigure::lastYear, scale, "#BFBFBF"));
    JsonObjectBuilder options = Json.createObjectBuilder()
        .add("responsive", true).add("maintainAspectRatio", false).add("animation", false)
        .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("position", "bottom")))
        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true)));
    return Json.createObjectBuilder().add("type", "bar")
        .add("data", Json.createObjectBuilder().add("labels", names).add("datasets", datasets))
        .add("options", options).build().toString();
  }

  private static JsonObjectBuilder dataset(String name, List<KpiFigure> figures, Function<KpiFigure, Double> value,
      Function<KpiFigure, Double> scale, String color) {
    JsonArrayBuilder data = Json.createArrayBuilder();
    for (KpiFigure f : figures) {
      Double v = value.apply(f);
      if (v == null) {
        data.addNull();
      } else {
        data.add(Math.round(v * scale.apply(f) * 10) / 10d);
      }
    }
    return Json.createObjectBuilder().add("label", name).add("data", data).add("backgroundColor", color).add("borderRadius", 3).add("maxBarThickness", 36);
  }

  public List<Tile> getTiles() {
    return tiles;
  }

  public String getPeriod() {
    return period;
  }

  public String getPreviousPeriod() {
    return previousPeriod;
  }

  public boolean isContactCenterInScope() {
    return contactCenterInScope;
  }

  public String getVolumeChart() {
    return volumeChart;
  }

  public String getRateChart() {
    return rateChart;
  }

  public String getComplaintChart() {
    return complaintChart;
  }
}
