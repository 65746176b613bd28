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

/** The compiled complaint-analysis template renders Chinese, computes the regulator-deadline share and adds up. */
class ComplaintAnalysisTemplateTest {

  private static final Map<String, Object> PARAMS =
      Map.of("PERIOD_FROM", "2026-10-01", "PERIOD_TO", "2026-10-31", "SCOPE_NAME", "总行", "DATA_AS_OF", "2026-11-25 08:00", "GENERATED_BY", "hq1");

  private static JRMapCollectionDataSource rows() {
    return new JRMapCollectionDataSource(
        List.<Map<String, ?>>of(
            Map.of("taxonomy", "收费争议", "complaints", 40L, "critical", 3L, "repeats", 5L, "resolved", 30L, "onTime", 27L, "overdueOpen", 2L,
                "resolveDays", 150d, "amount", new java.math.BigDecimal("12000.50")),
            Map.of("taxonomy", "服务态度", "complaints", 20L, "critical", 0L, "repeats", 1L, "resolved", 20L, "onTime", 20L, "overdueOpen", 0L,
                "resolveDays", 40d)));
  }

  @Test
  void pdfHasChineseLabelsAndTotals() throws Exception {
    String text = BranchComparisonTemplateTest.text(ReportRenderer.render("complaint-analysis", PARAMS, rows(), Locale.SIMPLIFIED_CHINESE, ReportFormat.PDF));
    assertTrue(text.contains("投诉分析报表") && text.contains("收费争议") && text.contains("服务态度"), text);
    // 60 complaints, 3 critical, 6 repeats, 50 resolved, 47/50 = 94.0 % on time, 2 overdue, 190/50 = 3.8 days, 12,000.50
    assertTrue(text.replaceAll("\\s+", " ").contains("合计 60 3 6 50 94.0% 2 3.8 12,000.50"), text);
    assertTrue(text.contains("90.0%"), "收费争议: 27 of 30 on time\n" + text);
  }

  @Test
  void englishAndEmpty() throws Exception {
    String english = BranchComparisonTemplateTest.text(ReportRenderer.render("complaint-analysis", PARAMS, rows(), Locale.ENGLISH, ReportFormat.PDF));
    assertTrue(english.contains("Complaint Analysis") && english.contains("Total"), english);
    String empty = BranchComparisonTemplateTest.text(
        ReportRenderer.render("complaint-analysis", PARAMS, new JRMapCollectionDataSource(List.of()), Locale.SIMPLIFIED_CHINESE, ReportFormat.PDF));
    assertTrue(empty.contains("所选期间内没有投诉"), empty);
  }
}
