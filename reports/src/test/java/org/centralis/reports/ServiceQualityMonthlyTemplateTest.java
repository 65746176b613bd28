package org.centralis.reports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The compiled service-quality template: Chinese labels from metric keys, values formatted by unit, changes as points
 * for rates and relative for counts, "n/a" for the queues' figures outside the headquarters scope, a chart per section.
 */
class ServiceQualityMonthlyTemplateTest {

  private static Map<String, Object> params(boolean acd) {
    Map<String, Object> p = new HashMap<>(Map.of("PERIOD_FROM", "2026-10-01", "PERIOD_TO", "2026-10-31", "PREV_FROM", "2026-09-01", "PREV_TO",
        "2026-09-30", "LAST_FROM", "2025-10-01", "LAST_TO", "2025-10-31", "SCOPE_NAME", "总行", "DATA_AS_OF", "2026-11-25 08:00", "GENERATED_BY", "hq1"));
    p.put("ACD_IN_SCOPE", acd);
    return p;
  }

  private static Map<String, ?> row(int section, String metric, String item, String unit, int chart, Double cur, Double prev, Double last) {
    Map<String, Object> r = new HashMap<>();
    r.put("section", section);
    r.put("metric", metric);
    r.put("item", item);
    r.put("unit", unit);
    r.put("chart", chart);
    r.put("curValue", cur);
    r.put("prevValue", prev);
    r.put("lastValue", last);
    boolean rate = "PERCENT".equals(unit);
    r.put("prevChange", change(cur, prev, rate));
    r.put("lastChange", change(cur, last, rate));
    return r;
  }

  /** As ServiceQualityQuery computes it: points for rates, relative otherwise, nothing against nothing. */
  private static Double change(Double cur, Double other, boolean rate) {
    if (cur == null || other == null || (!rate && other == 0)) {
      return null;
    }
    return rate ? cur - other : (cur - other) / other;
  }

  private static JRMapCollectionDataSource rows(boolean acd) {
    List<Map<String, ?>> rows = new ArrayList<>();
    if (acd) {
      rows.add(row(1, "volume.contacts.VOICE", null, "COUNT", 1, 12_000d, 10_000d, 8_000d));
    }
    rows.add(row(1, "volume.contacts.total", null, "COUNT", 0, acd ? 12_000d : null, acd ? 10_000d : null, acd ? 8_000d : null));
    rows.add(row(1, "volume.tickets.COMPLAINT", null, "COUNT", 1, 300d, 250d, 200d));
    rows.add(row(1, "volume.tickets.total", null, "COUNT", 0, 2_039d, 1_900d, null));
    rows.add(row(1, "volume.branch", "上海分行", "COUNT", 0, 1_500d, 1_400d, 1_000d));
    rows.add(row(2, "acd.serviceLevel", null, "PERCENT", 1, acd ? 0.8125 : null, acd ? 0.75 : null, null));
    rows.add(row(2, "acd.asa", null, "SECONDS", 0, acd ? 12.5 : null, acd ? 10d : null, null));
    rows.add(row(3, "fcr.rate", null, "PERCENT", 1, 0.857, 0.5, 0.25));
    rows.add(row(5, "complaints.taxonomy", "收费争议", "COUNT", 1, 40d, 20d, 0d));
    rows.add(row(6, "csat.mean", null, "SCORE", 0, 11d / 3, 3d, null));
    return new JRMapCollectionDataSource(rows);
  }

  private static String pdf(boolean acd, Locale locale) throws Exception {
    byte[] pdf = ReportRenderer.render("service-quality-monthly", params(acd), rows(acd), locale, ReportFormat.PDF);
    if (System.getProperty("sqm.pdf") != null) {
      java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("sqm.pdf") + "-" + acd + "-" + locale + ".pdf"), pdf);
    }
    return BranchComparisonTemplateTest.text(pdf)
        .replaceAll("\\s+", " ");
  }

  @Test
  void chineseSectionsFiguresAndChanges() throws Exception {
    String text = pdf(true, Locale.SIMPLIFIED_CHINESE);
    assertTrue(text.contains("服务质量月报") && text.contains("一、业务量") && text.contains("二、呼叫中心") && text.contains("六、客户满意度"), text);
    assertTrue(text.contains("工单受理量合计 2,039 1,900 +7.3% —"), "count: relative change; no last-year figure\n" + text);
    assertTrue(text.contains("工单受理量 · 上海分行 1,500"), text);
    assertTrue(text.contains("服务水平 81.2% 75.0% +6.3 pp"), "rate: change in points\n" + text);
    assertTrue(text.contains("一次解决率 85.7% 50.0% +35.7 pp 25.0% +60.7 pp"), text);
    assertTrue(text.contains("满意度平均分（1–5） 3.67 3.00 +22.2%"), text);
    assertTrue(text.contains("投诉量 · 收费争议 40 20 +100.0% 0 —"), text);
    assertTrue(text.contains("上期：2026-09-01 — 2026-09-30") && text.contains("去年同期：2025-10-01 — 2025-10-31"), text);
  }

  @Test
  void branchScopeReadsNotApplicableForTheQueues() throws Exception {
    String text = pdf(false, Locale.SIMPLIFIED_CHINESE);
    assertTrue(text.contains("呼入量合计 不适用 不适用"), text);
    assertTrue(text.contains("仅在总行范围统计"), text);
    assertTrue(!pdf(true, Locale.SIMPLIFIED_CHINESE).contains("仅在总行范围统计"));
  }

  @Test
  void englishAndEmpty() throws Exception {
    String english = pdf(true, Locale.ENGLISH);
    assertTrue(english.contains("Monthly Service Quality Report") && english.contains("Tickets logged, total 2,039"), english);
    String empty = BranchComparisonTemplateTest.text(ReportRenderer.render("service-quality-monthly", params(true),
        new JRMapCollectionDataSource(List.of()), Locale.SIMPLIFIED_CHINESE, ReportFormat.PDF));
    assertTrue(empty.contains("所选期间内没有数据"), empty);
  }

  @Test
  void xlsxHasTheFiguresAsNumbers() throws Exception {
    byte[] xlsx = ReportRenderer.render("service-quality-monthly", params(true), rows(true), Locale.SIMPLIFIED_CHINESE, ReportFormat.XLSX);
    Map<String, Double> current = new HashMap<>();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Row r : book.getSheetAt(0)) {
        String label = null;
        for (Cell c : r) {
          if (label == null && c.getCellType() == CellType.STRING && !c.getStringCellValue().isBlank()) {
            label = c.getStringCellValue();
          } else if (label != null && c.getCellType() == CellType.NUMERIC) {
            current.putIfAbsent(label, c.getNumericCellValue());
          }
        }
      }
    }
    assertTrue(current.containsKey("工单受理量合计"), current.toString());
    assertTrue(current.get("工单受理量合计") == 2039d, current.toString());
    assertTrue(Math.abs(current.get("服务水平") - 0.8125) < 1e-9, current.toString());
  }
}
