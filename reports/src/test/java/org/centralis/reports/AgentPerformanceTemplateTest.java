package org.centralis.reports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import org.junit.jupiter.api.Test;

/** The compiled agent-performance template: Chinese labels, weighted totals (not averages of averages), the reason crosstab. */
class AgentPerformanceTemplateTest {

  private static Map<String, Object> params() {
    Map<String, Object> p = new HashMap<>(
        Map.of("PERIOD_FROM", "2026-11-20", "PERIOD_TO", "2026-11-26", "SCOPE_NAME", "总行", "DATA_AS_OF", "2026-11-26 08:00", "GENERATED_BY", "hq1"));
    p.put("REASON_ROWS", List.of(
        Map.of("agent", "张伟 (agent1)", "reason", "小休", "millis", 600_000L),
        Map.of("agent", "张伟 (agent1)", "reason", "培训", "millis", 300_000L),
        Map.of("agent", "赵敏 (agent3)", "reason", "小休", "millis", 600_000L)));
    return p;
  }

  private static Map<String, Object> agent(String name, String login, long handled, long talk, long ready, long reserved, long busy, long wrap, long notReady,
      Double qaSum, long qaCount, Double csatSum, long csatCount) {
    Map<String, Object> row = new HashMap<>();
    row.put("agentName", name + " (" + login + ")");
    row.put("login", login);
    row.put("branchName", "总行");
    row.put("handled", handled);
    row.put("talkSeconds", talk);
    row.put("readyMs", ready);
    row.put("reservedMs", reserved);
    row.put("busyMs", busy);
    row.put("wrapMs", wrap);
    row.put("notReadyMs", notReady);
    row.put("qaSum", qaSum);
    row.put("qaCount", qaCount);
    row.put("csatSum", csatSum);
    row.put("csatCount", csatCount);
    return row;
  }

  private static JRMapCollectionDataSource rows() {
    return new JRMapCollectionDataSource(List.<Map<String, ?>>of(
        agent("张伟", "agent1", 10, 1800, 3_600_000, 60_000, 1_800_000, 300_000, 900_000, 170d, 2, 9d, 2),
        agent("李娜", "agent2", 5, 600, 1_200_000, 0, 600_000, 150_000, 0, null, 0, null, 0),
        agent("赵敏", "agent3", 0, 0, 0, 0, 0, 0, 600_000, null, 0, null, 0)));
  }

  @Test
  void pdfHasChineseLabelsAgentRowsWeightedTotalsAndReasons() throws Exception {
    byte[] pdf = ReportRenderer.render("agent-performance", params(), rows(), Locale.SIMPLIFIED_CHINESE, ReportFormat.PDF);
    java.nio.file.Files.write(java.nio.file.Path.of("target", "agent-performance-sample.pdf"), pdf); // to look at
    String text = BranchComparisonTemplateTest.text(pdf).replaceAll("[ \\t]+", " ");
    assertTrue(text.contains("坐席绩效报表") && text.contains("未就绪时长（按原因）"), text);
    // agent1: AHT (1800 s talk + 300 s wrap) / 10 = 3:30; occupancy 2.1 M / 5.76 M ms = 36.5 %; quality 85; CSAT 4.5
    assertTrue(text.contains("张伟 (agent1) 总行 10 0:03:30 36.5% 1:51:00 1:00:00 0:01:00 0:30:00 0:05:00 0:15:00 85.0 4.50"), text);
    // total: AHT (2400 s + 450 s) / 15 = 3:10 (not the 3:00 average of the agents' AHTs); occupancy 2.85 M / 7.71 M ms
    assertTrue(text.contains("合计 15 0:03:10 37.0% 2:33:30 1:20:00 0:01:00 0:40:00 0:07:30 0:25:00 85.0 4.50"), text);
    // crosstab: 培训 sorts before 小休; agent1's row and the totals
    assertTrue(text.contains("张伟 (agent1) 0:05:00 0:10:00 0:15:00"), text);
    assertTrue(text.contains("合计 0:05:00 0:20:00 0:25:00"), text);
  }

  @Test
  void englishLabelsAndXlsxWithTheSameFigures() throws Exception {
    String text = BranchComparisonTemplateTest.text(ReportRenderer.render("agent-performance", params(), rows(), Locale.ENGLISH, ReportFormat.PDF));
    assertTrue(text.contains("Agent Performance") && text.contains("Occupancy") && text.contains("Total"), text);
    String sheets = new String(ReportRenderer.render("agent-performance", params(), rows(), Locale.SIMPLIFIED_CHINESE, ReportFormat.HTML), StandardCharsets.UTF_8);
    assertTrue(sheets.contains("0:03:10") && sheets.contains("2:33:30"), sheets);
  }

  @Test
  void emptyPeriodRenders() throws Exception {
    Map<String, Object> p = params();
    p.put("REASON_ROWS", List.of());
    String text = BranchComparisonTemplateTest.text(ReportRenderer.render("agent-performance", p, new JRMapCollectionDataSource(List.of()), Locale.SIMPLIFIED_CHINESE, ReportFormat.PDF));
    assertTrue(text.contains("所选期间内没有坐席数据"), text);
  }
}
