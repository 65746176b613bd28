package org.centralis.reports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The compiled sla-breaches template: part 1 with per-metric totals and compliance, part 2 the breached tickets, in Chinese. */
class SlaBreachesTemplateTest {

  private static final Map<String, Object> PARAMS = Map.of(
      "PERIOD_FROM", "2026-11-01", "PERIOD_TO", "2026-11-30", "SCOPE_NAME", "总行", "DATA_AS_OF", "2026-11-25 08:00", "GENERATED_BY", "hq1",
      "BREACHED_TOTAL", 2L);

  private static Map<String, Object> stat(String branch, String category, String metric, long met, long breached) {
    Map<String, Object> row = new HashMap<>();
    row.put("rowKind", "S");
    row.put("branchName", branch);
    row.put("categoryName", category);
    row.put("metric", metric);
    row.put("met", met);
    row.put("breached", breached);
    row.put("branchBreached", branch.equals("上海分行") ? 40L : 1L);
    return row;
  }

  private static Map<String, Object> breach(String ticketNo, String branch, String metric, String due, String until, String status) {
    Map<String, Object> row = new HashMap<>();
    row.put("rowKind", "B");
    row.put("ticketNo", ticketNo);
    row.put("branchName", branch);
    row.put("categoryName", "挂失补卡");
    row.put("metric", metric);
    row.put("dueAt", Timestamp.from(Instant.parse(due)));
    row.put("breachedAt", Timestamp.from(Instant.parse(due)));
    row.put("overdueUntil", Timestamp.from(Instant.parse(until)));
    row.put("status", status);
    row.put("teamName", "信用卡中心");
    row.put("met", 0L);
    row.put("breached", 0L);
    return row;
  }

  private static JRMapCollectionDataSource rows() {
    List<Map<String, ?>> rows = new ArrayList<>();
    rows.add(stat("上海分行", "挂失补卡", "FIRST_RESPONSE", 90, 10));
    rows.add(stat("上海分行", "挂失补卡", "RESOLUTION", 70, 30));
    rows.add(stat("北京分行", "账户余额查询", "FIRST_RESPONSE", 9, 1));
    rows.add(stat("北京分行", "账户余额查询", "NEXT_UPDATE", 4, 0));
    rows.add(breach("T20261120-000001", "上海分行", "RESOLUTION", "2026-11-20T02:00:00Z", "2026-11-20T05:30:00Z", "IN_PROGRESS"));
    rows.add(breach("T20261121-000002", "北京分行", "FIRST_RESPONSE", "2026-11-21T01:00:00Z", "2026-11-21T02:00:00Z", "CLOSED"));
    return new JRMapCollectionDataSource(rows);
  }

  @Test
  void pdfHasBothPartsTotalsPerMetricAndChinese() throws Exception {
    byte[] pdf = ReportRenderer.render("sla-breaches", PARAMS, rows(), Locale.SIMPLIFIED_CHINESE, ReportFormat.PDF);
    java.nio.file.Files.write(java.nio.file.Path.of("target", "sla-breaches-sample.pdf"), pdf); // to look at
    String text = BranchComparisonTemplateTest.text(pdf).replaceAll("[ \\t]+", " ");
    assertTrue(text.contains("SLA超时报表") && text.contains("一、按机构和类别") && text.contains("二、超时工单清单"), text);
    // first response: 90 + 9 met, 10 + 1 breached → 90.0 %; resolution 70 / 100; next update 4 / 4; all 173 / 214
    assertTrue(text.contains("合计 · 首次响应 99 11 90.0%"), text);
    assertTrue(text.contains("合计 · 解决 70 30 70.0%"), text);
    assertTrue(text.contains("合计 · 进展更新 4 0 100.0%"), text);
    assertTrue(text.contains("全部指标合计 173 41 80.8%"), text);
    assertTrue(text.contains("T20261120-000001") && text.contains("T20261121-000002"), text);
    assertTrue(text.contains("超时工单共 2 条"), text);
    assertTrue(text.contains("3.5") && text.contains("处理中") && text.contains("已办结"), "overdue hours and status names\n" + text);
    assertTrue(text.contains("2026-11-20 10:00"), "due shown in China Standard Time\n" + text);
  }

  @Test
  void englishAndTheCappedListSayWhatIsLeftOut() throws Exception {
    Map<String, Object> capped = new HashMap<>(PARAMS);
    capped.put("BREACHED_TOTAL", 6_000L);
    String text = BranchComparisonTemplateTest.text(ReportRenderer.render("sla-breaches", capped, rows(), Locale.ENGLISH, ReportFormat.PDF));
    assertTrue(text.contains("SLA Breach Report") && text.contains("First response"), text);
    assertTrue(text.contains("6,000 breached tickets; the first 5,000 are listed"), text);
  }

  @Test
  void xlsxHasTheSameTotalsAsNumbers() throws Exception {
    byte[] xlsx = ReportRenderer.render("sla-breaches", PARAMS, rows(), Locale.SIMPLIFIED_CHINESE, ReportFormat.XLSX);
    List<String> cells = new ArrayList<>();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Sheet sheet : book) {
        for (Row row : sheet) {
          StringBuilder line = new StringBuilder();
          for (Cell cell : row) {
            if (cell.getCellType() == CellType.BLANK || cell.toString().isEmpty()) {
              continue;
            }
            line.append(cell.getCellType() == CellType.NUMERIC ? String.valueOf(cell.getNumericCellValue()) : cell.toString()).append('|');
          }
          cells.add(line.toString());
        }
      }
    }
    assertTrue(cells.stream().anyMatch(l -> l.contains("合计 · 首次响应") && l.contains("|99.0|11.0|")), String.join("\n", cells));
    assertTrue(cells.stream().anyMatch(l -> l.contains("T20261120-000001")), String.join("\n", cells));
  }

  @Test
  void emptyPeriodSaysSo() throws Exception {
    String text = BranchComparisonTemplateTest.text(
        ReportRenderer.render("sla-breaches", PARAMS, new JRMapCollectionDataSource(List.of()), Locale.SIMPLIFIED_CHINESE, ReportFormat.PDF));
    assertTrue(text.contains("所选期间内没有SLA时限结果") && text.contains("所选期间内没有超时工单"), text);
  }
}
