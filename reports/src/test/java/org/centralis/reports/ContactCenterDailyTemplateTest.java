package org.centralis.reports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The compiled contact-center daily template, on rows shaped as ContactCenterRows (ejb-module) streams them: interval
 * rows, a subtotal per queue, the total; Chinese labels, a service level below target marked, the same figures in XLSX.
 */
class ContactCenterDailyTemplateTest {

  private static final Map<String, Object> PARAMS =
      Map.of("PERIOD_FROM", "2026-11-20", "PERIOD_TO", "2026-11-20", "SCOPE_NAME", "总行", "DATA_AS_OF", "2026-11-20 18:00:00 (UTC+8)", "GENERATED_BY", "hq1");

  private static Map<String, Object> row(String kind, String code, String name, String slot, long offered, long answered, long abandoned, Double sl,
      boolean below, Double staffed, Integer required) {
    Map<String, Object> r = new HashMap<>();
    r.put("kind", kind);
    r.put("queueCode", code);
    r.put("queueName", name);
    r.put("targetPercent", code == null ? null : 80);
    r.put("thresholdSeconds", code == null ? null : 20);
    r.put("slot", slot);
    r.put("slotStart", slot == null ? null : slot.substring(0, 5));
    r.put("offered", offered);
    r.put("answered", answered);
    r.put("abandoned", abandoned);
    r.put("abandonRate", offered == 0 ? null : (double) abandoned / offered);
    r.put("serviceLevel", sl);
    r.put("belowTarget", below);
    r.put("asa", answered == 0 ? null : 12.5);
    r.put("aht", answered == 0 ? null : 245.0);
    r.put("maxWait", 95L);
    r.put("staffed", staffed);
    r.put("required", required);
    return r;
  }

  static JRMapCollectionDataSource rows() {
    List<Map<String, ?>> rows = new ArrayList<>();
    rows.add(row("I", "RETAIL", "个人业务", "09:00–09:30", 40, 37, 3, 0.865, false, 11.5, 9));
    rows.add(row("I", "RETAIL", "个人业务", "09:30–10:00", 52, 45, 7, 0.6875, true, 10.0, 11));
    rows.add(row("Q", "RETAIL", "个人业务", null, 92, 82, 10, 0.7626, true, null, null));
    rows.add(row("I", "CARD", "信用卡", "09:00–09:30", 18, 18, 0, 1.0, false, 4.0, 5));
    rows.add(row("Q", "CARD", "信用卡", null, 18, 18, 0, 1.0, false, null, null));
    rows.add(row("T", null, null, null, 110, 100, 10, 0.8, false, null, null));
    return new JRMapCollectionDataSource(rows);
  }

  @Test
  void pdfHasChineseLabelsSubtotalsAndTheTotal() throws Exception {
    byte[] pdf = ReportRenderer.render("contact-center-daily", PARAMS, rows(), Locale.SIMPLIFIED_CHINESE, ReportFormat.PDF);
    java.nio.file.Files.write(java.nio.file.Path.of("target", "contact-center-daily-fixture.pdf"), pdf); // to look at
    String text = BranchComparisonTemplateTest.text(pdf);
    String flat = text.replaceAll("\\s+", " ");
    assertTrue(text.contains("呼叫中心日报") && text.contains("个人业务") && text.contains("服务水平目标 80% / 20 秒"), text);
    assertTrue(flat.contains("合计 110 100 10 9.1% 80.0%"), text);
    assertTrue(flat.contains("RETAIL 小计 92 82 10 10.9% 76.3% *"), "below target marked\n" + text);
    assertTrue(flat.contains("09:30–10:00 52 45 7 13.5% 68.8% * 12.5 245.0 95 10.0 11"), text);
    assertTrue(flat.contains("CARD 小计 18 18 0 0.0% 100.0% 12.5"), text);
  }

  @Test
  void englishAndEmpty() throws Exception {
    String english = BranchComparisonTemplateTest.text(ReportRenderer.render("contact-center-daily", PARAMS, rows(), Locale.ENGLISH, ReportFormat.PDF));
    assertTrue(english.contains("Contact Center Daily Operations") && english.contains("Total") && english.contains("Required"), english);
    String empty = BranchComparisonTemplateTest.text(
        ReportRenderer.render("contact-center-daily", PARAMS, new JRMapCollectionDataSource(List.of()), Locale.SIMPLIFIED_CHINESE, ReportFormat.PDF));
    assertTrue(empty.contains("所选日期内没有话务数据"), empty);
  }

  @Test
  void xlsxHasTheTotalsAsNumbers() throws Exception {
    byte[] xlsx = ReportRenderer.render("contact-center-daily", PARAMS, rows(), Locale.SIMPLIFIED_CHINESE, ReportFormat.XLSX);
    String total = rowStarting(xlsx, "合计");
    assertTrue(total.startsWith("合计 110 100 10 "), total);
  }

  /** The first row whose cells, formatted as shown and joined by spaces, start with {@code label}. */
  static String rowStarting(byte[] xlsx, String label) throws Exception {
    DataFormatter shown = new DataFormatter();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (var sheet : book) {
        for (Row r : sheet) {
          StringBuilder text = new StringBuilder();
          r.forEach(cell -> text.append(shown.formatCellValue(cell).trim()).append(' '));
          String line = text.toString().replaceAll("\\s+", " ").trim();
          if (line.startsWith(label)) {
            return line;
          }
        }
      }
    }
    return "";
  }
}
