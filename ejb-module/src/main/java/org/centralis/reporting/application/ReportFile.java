package org.centralis.reporting.application;

/** The archived file of a finished run, as stored. */
public record ReportFile(byte[] content, String contentType, String fileName, String sha256) {

  public ReportFile {
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }
}
