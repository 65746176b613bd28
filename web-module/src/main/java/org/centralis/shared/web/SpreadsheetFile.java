package org.centralis.shared.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.function.Consumer;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/** An export as a page's download button serves it ({@code p:fileDownload}). */
public final class SpreadsheetFile {

  private SpreadsheetFile() {}

  public static StreamedContent of(String baseName, Spreadsheet.Format format, Consumer<OutputStream> writer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.accept(out);
    byte[] bytes = out.toByteArray();
    return DefaultStreamedContent.builder()
        .name(Spreadsheet.fileName(baseName, format))
        .contentType(format.contentType)
        .contentLength((long) bytes.length)
        .stream(() -> new ByteArrayInputStream(bytes))
        .build();
  }
}
