package org.centralis.shared.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStream;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.centralis.shared.web.Spreadsheet;

/** An export answered as a download: the file in the asked format and language, never cached. */
public final class SpreadsheetDownload {

  private SpreadsheetDownload() {}

  /** {@code lang}: {@code en…} for English, anything else (or nothing) for Simplified Chinese. */
  public static Locale locale(String lang) {
    return lang != null && lang.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
  }

  public static Response of(Spreadsheet.Format format, String baseName, BiConsumer<Spreadsheet.Format, OutputStream> writer) {
    StreamingOutput body = out -> writer.accept(format, out);
    return Response.ok(body, format.contentType)
        .header("Content-Disposition", "attachment; filename=\"" + Spreadsheet.fileName(baseName, format) + "\"")
        .header("Cache-Control", "private, no-store")
        .build();
  }
}
