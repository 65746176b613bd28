package org.centralis.shared.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.centralis.shared.domain.InvalidInputException;

/**
 * A list as people open it in Excel or WPS: CSV (UTF-8 with a byte-order mark, so that Chinese shows without an import
 * dialog; RFC 4180 quoting) or XLSX (one sheet, text cells, the header row bold and frozen). Both stream row by row.
 *
 * <p>Cells a user typed are written so that a spreadsheet never runs them: text starting with {@code = + - @} or a
 * tab/carriage return gets a leading apostrophe in CSV (CSV/formula injection, OWASP), and XLSX cells are inline
 * strings, never formulas.
 */
public final class Spreadsheet {

  public enum Format {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    public final String contentType;
    public final String extension;

    Format(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }
  }

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(Formats.ZONE);

  private Spreadsheet() {}

  /** The file name people get, e.g. tickets-20261126-0815.xlsx (China time). */
  public static String fileName(String base, Format format) {
    return base + "-" + STAMP.format(Instant.now()) + "." + format.extension;
  }

  /** {@code xlsx} (also when absent) or {@code csv}; anything else is 400 {@code invalid-parameter}. */
  public static Format format(String value) {
    if (value == null || value.isBlank()) {
      return Format.XLSX;
    }
    try {
      return Format.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("format", "invalid-parameter", "format must be xlsx or csv", value);
    }
  }

  public static void write(Format format, String sheetName, List<String> header, List<List<String>> rows, OutputStream out) {
    try {
      if (format == Format.CSV) {
        csv(header, rows, out);
      } else {
        xlsx(sheetName, header, rows, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void csv(List<String> header, List<List<String>> rows, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write('\uFEFF');
    csvLine(w, header);
    for (List<String> row : rows) {
      csvLine(w, row);
    }
    w.flush();
  }

  private static void csvLine(Writer w, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      String v = defused(cells.get(i) == null ? "" : cells.get(i));
      boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
      w.write(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
    }
    w.write("\r\n");
  }

  /** A leading apostrophe before what a spreadsheet would read as a formula. */
  static String defused(String v) {
    return !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
  }

  private static void xlsx(String sheetName, List<String> header, List<List<String>> rows, OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
    entry(zip, w, "[Content_Types].xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "</Types>");
    entry(zip, w, "_rels/.rels",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>");
    entry(zip, w, "xl/workbook.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheets><sheet name=\"" + xml(sheetName) + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
    entry(zip, w, "xl/_rels/workbook.xml.rels",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
            + "</Relationships>");
    // style 0: normal; style 1: bold (the header)
    entry(zip, w, "xl/styles.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
            + "</styleSheet>");
    zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
    w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        + "<sheetData>");
    xlsxRow(w, 1, header, 1);
    int r = 2;
    for (List<String> row : rows) {
      xlsxRow(w, r++, row, 0);
    }
    w.write("</sheetData></worksheet>");
    w.flush();
    zip.closeEntry();
    zip.finish();
  }

  private static void xlsxRow(Writer w, int r, List<String> cells, int style) throws IOException {
    w.write("<row r=\"" + r + "\">");
    for (int c = 0; c < cells.size(); c++) {
      String v = cells.get(c);
      if (v == null || v.isEmpty()) {
        continue;
      }
      w.write("<c r=\"" + column(c) + r + "\" t=\"inlineStr\"" + (style == 0 ? "" : " s=\"" + style + "\"") + "><is><t xml:space=\"preserve\">");
      w.write(xml(v));
      w.write("</t></is></c>");
    }
    w.write("</row>");
  }

  /** A, B, …, Z, AA, AB, … */
  static String column(int index) {
    StringBuilder name = new StringBuilder();
    for (int i = index + 1; i > 0; i = (i - 1) / 26) {
      name.insert(0, (char) ('A' + (i - 1) % 26));
    }
    return name.toString();
  }

  private static void entry(ZipOutputStream zip, Writer w, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    w.write(content);
    w.flush();
    zip.closeEntry();
  }

  /** XML text: the five entities, and characters XML 1.0 does not allow dropped. */
  private static String xml(String v) {
    StringBuilder out = new StringBuilder(v.length());
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
            out.append(ch);
          }
        }
      }
    }
    return out.toString();
  }
}
