package org.centralis.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipInputStream;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The compiled branch-comparison template renders Chinese with the embedded font, and its totals add up. */
class BranchComparisonTemplateTest {

  private static final Map<String, Object> PARAMS =
      Map.of("PERIOD_FROM", "2026-09-01", "PERIOD_TO", "2026-11-30", "SCOPE_NAME", "总行", "DATA_AS_OF", "2026-11-25 08:00", "GENERATED_BY", "hq1");

  private static JRMapCollectionDataSource rows() {
    return new JRMapCollectionDataSource(
        List.<Map<String, ?>>of(
            Map.of("branchName", "上海分行", "logged", 1200L, "closed", 1000L, "openCount", 200L, "complaints", 37L, "closedHours", 24_000d),
            Map.of("branchName", "北京分行", "logged", 834L, "closed", 800L, "openCount", 34L, "complaints", 12L, "closedHours", 8_000d),
            Map.of("branchName", "杭州分行", "logged", 5L, "closed", 0L, "openCount", 5L, "complaints", 0L)));
  }

  @Test
  void pdfHasChineseLabelsBranchNamesAndTotals() throws Exception {
    byte[] pdf = ReportRenderer.render("branch-comparison", PARAMS, rows(), Locale.SIMPLIFIED_CHINESE, ReportFormat.PDF);
    java.nio.file.Files.write(java.nio.file.Path.of("target", "branch-comparison-sample.pdf"), pdf); // to look at
    String text = text(pdf);
    assertTrue(text.contains("网点对比报表"), text);
    assertTrue(text.contains("上海分行") && text.contains("北京分行") && text.contains("杭州分行"), text);
    assertTrue(text.contains("合计"), text);
    // 1200 + 834 + 5 logged, 1800 closed, 239 open, 49 complaints, 1800/2039 = 88.3 %, 32000 h / 1800 = 17.8 h
    assertTrue(text.replaceAll("\\s+", " ").contains("合计 2,039 1,800 239 49 88.3% 17.8"), text);
    assertTrue(text.contains("24.0"), "Shanghai: 24000 h over 1000 closed tickets\n" + text);
  }

  @Test
  void englishLocaleSwitchesTheLabels() throws Exception {
    String text = text(ReportRenderer.render("branch-comparison", PARAMS, rows(), Locale.ENGLISH, ReportFormat.PDF));
    assertTrue(text.contains("Branch Comparison"), text);
    assertTrue(text.contains("Total"), text);
    assertTrue(text.contains("上海分行"), "data stays as stored\n" + text);
  }

  @Test
  void xlsxAndHtmlCarryTheSameFigures() throws Exception {
    byte[] xlsx = ReportRenderer.render("branch-comparison", PARAMS, rows(), Locale.SIMPLIFIED_CHINESE, ReportFormat.XLSX);
    String sheets = unzipText(xlsx);
    assertTrue(sheets.contains("上海分行") && sheets.contains("合计"), sheets);
    assertTrue(sheets.contains("2039"), "the total as a number cell\n" + sheets);
    String html = new String(ReportRenderer.render("branch-comparison", PARAMS, rows(), Locale.SIMPLIFIED_CHINESE, ReportFormat.HTML), StandardCharsets.UTF_8);
    assertTrue(html.contains("网点对比报表") && html.contains("2,039"), html);
  }

  @Test
  void emptyPeriodStillRendersWithZeroTotals() throws Exception {
    String text = text(ReportRenderer.render("branch-comparison", PARAMS, new JRMapCollectionDataSource(List.of()), Locale.SIMPLIFIED_CHINESE, ReportFormat.PDF));
    assertTrue(text.contains("所选期间内没有工单"), text);
  }

  @Test
  void templateVersionIsTheSha256OfTheCompiledTemplate() {
    assertTrue(ReportRenderer.hasTemplate("branch-comparison"));
    assertEquals(64, ReportRenderer.templateVersion("branch-comparison").length());
    assertTrue(!ReportRenderer.hasTemplate("../etc/passwd") && !ReportRenderer.hasTemplate("no-such-report"));
  }

  static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = PDDocument.load(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  private static String unzipText(byte[] zip) throws Exception {
    StringBuilder all = new StringBuilder();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().startsWith("xl/")) {
          all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return all.toString();
  }
}
