package org.centralis.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class SpreadsheetTest {

  @Test
  void csvQuotesWhatNeedsItAndDefusesFormulas() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Spreadsheet.write(Spreadsheet.Format.CSV, "s", List.of("工单号", "主题"),
        List.of(List.of("T1", "a,b"), List.of("T2", "say \"hi\""), List.of("T3", "=SUM(A1)"), List.of("T4", "-1")), out);
    assertEquals("\uFEFF工单号,主题\r\nT1,\"a,b\"\r\nT2,\"say \"\"hi\"\"\"\r\nT3,'=SUM(A1)\r\nT4,'-1\r\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void xlsxIsAWorkbookOfTextCellsWithABoldHeader() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Spreadsheet.write(Spreadsheet.Format.XLSX, "工单", List.of("A", "B"), List.of(List.of("<x>&", "=1+1")), out);
    List<String> names = new ArrayList<>();
    String sheet = null;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        names.add(e.getName());
        if (e.getName().equals("xl/worksheets/sheet1.xml")) {
          sheet = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    assertEquals(List.of("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml"), names);
    assertTrue(sheet.contains("<c r=\"A1\" t=\"inlineStr\" s=\"1\"><is><t xml:space=\"preserve\">A</t></is></c>"), sheet);
    assertTrue(sheet.contains("<c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">&lt;x&gt;&amp;</t></is></c>"), sheet);
    assertTrue(sheet.contains(">=1+1<") && !sheet.contains("<f>"), "text, not a formula");
  }

  @Test
  void columnNamesGoPastZ() {
    assertEquals("A", Spreadsheet.column(0));
    assertEquals("Z", Spreadsheet.column(25));
    assertEquals("AA", Spreadsheet.column(26));
    assertEquals("AZ", Spreadsheet.column(51));
    assertEquals("BA", Spreadsheet.column(52));
  }
}
