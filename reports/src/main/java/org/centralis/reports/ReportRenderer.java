package org.centralis.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Pattern;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.export.HtmlExporter;
import net.sf.jasperreports.engine.export.JRPdfExporter;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.util.JRSwapFile;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleHtmlExporterOutput;
import net.sf.jasperreports.export.SimpleHtmlReportConfiguration;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimplePdfExporterConfiguration;
import net.sf.jasperreports.export.SimplePdfReportConfiguration;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;

/**
 * Fills a template compiled at build time ({@code reports/<code>.jasper} on the class path) and exports it. Memory stays
 * bounded: filled pages beyond a few are swapped to a temporary file, and the data comes from whatever streaming
 * {@link JRDataSource} the caller gives (a JDBC result set in the application). The output is not byte-stable across
 * renders (the PDF carries its creation time): the application archives the bytes and serves those.
 */
public final class ReportRenderer {

  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,63}");
  private static final int PAGES_IN_MEMORY = 20;

  private ReportRenderer() {}

  /** True if the build compiled a template with this catalog code. */
  public static boolean hasTemplate(String code) {
    return CODE.matcher(code).matches() && ReportRenderer.class.getClassLoader().getResource(resource(code)) != null;
  }

  /** SHA-256 of the compiled template: recorded with each run, so a re-render can prove it used the same template. */
  public static String templateVersion(String code) {
    try (InputStream in = open(code)) {
      return sha256(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Fills the template with the data and parameters, in the locale's language (zh_CN by default, en via the template's
   * resource bundle), and exports it.
   */
  public static byte[] render(String code, Map<String, Object> parameters, JRDataSource data, Locale locale, ReportFormat format) {
    Path swapDir = null;
    JRSwapFileVirtualizer virtualizer = null;
    try (InputStream in = open(code)) {
      JasperReport template = (JasperReport) JRLoader.loadObject(in);
      swapDir = Files.createTempDirectory("centralis-report-");
      virtualizer = new JRSwapFileVirtualizer(PAGES_IN_MEMORY, new JRSwapFile(swapDir.toString(), 4096, 64), true);
      Map<String, Object> params = new HashMap<>(parameters);
      params.put(JRParameter.REPORT_LOCALE, locale == null ? Locale.SIMPLIFIED_CHINESE : locale);
      params.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("Asia/Shanghai"));
      params.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
      JasperPrint print = JasperFillManager.fillReport(template, params, data);
      virtualizer.setReadOnly(true);
      return export(print, format);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JRException e) {
      throw new IllegalStateException("report " + code + " failed: " + e.getMessage(), e);
    } finally {
      if (virtualizer != null) {
        virtualizer.cleanup();
      }
      if (swapDir != null) {
        swapDir.toFile().delete();
      }
    }
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] export(JasperPrint print, ReportFormat format) throws JRException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (format) {
      case PDF -> {
        JRPdfExporter pdf = new JRPdfExporter();
        pdf.setExporterInput(new SimpleExporterInput(print));
        pdf.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
        config.setMetadataTitle(print.getName());
        config.setMetadataCreator("Centralis");
        config.setTagged(true);
        pdf.setConfiguration(config);
        SimplePdfReportConfiguration report = new SimplePdfReportConfiguration();
        report.setForceLineBreakPolicy(false);
        pdf.setConfiguration(report);
        pdf.exportReport();
      }
      case XLSX -> {
        JRXlsxExporter xlsx = new JRXlsxExporter();
        xlsx.setExporterInput(new SimpleExporterInput(print));
        xlsx.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimpleXlsxReportConfiguration config = new SimpleXlsxReportConfiguration();
        config.setOnePagePerSheet(false);
        config.setDetectCellType(true);
        config.setRemoveEmptySpaceBetweenRows(true);
        config.setWhitePageBackground(false);
        xlsx.setConfiguration(config);
        xlsx.exportReport();
      }
      case HTML -> {
        HtmlExporter html = new HtmlExporter();
        html.setExporterInput(new SimpleExporterInput(print));
        html.setExporterOutput(new SimpleHtmlExporterOutput(out, StandardCharsets.UTF_8.name()));
        SimpleHtmlReportConfiguration config = new SimpleHtmlReportConfiguration();
        config.setEmbedImage(true); // one self-contained file: the chart travels as a data: URI
        html.setConfiguration(config);
        html.exportReport();
      }
      default -> throw new IllegalArgumentException(String.valueOf(format));
    }
    return out.toByteArray();
  }

  private static InputStream open(String code) {
    InputStream in = hasTemplate(code) ? ReportRenderer.class.getClassLoader().getResourceAsStream(resource(code)) : null;
    if (in == null) {
      throw new IllegalArgumentException("no compiled template for report " + code);
    }
    return in;
  }

  private static String resource(String code) {
    return "reports/" + code + ".jasper";
  }
}
