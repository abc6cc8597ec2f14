package com.xiezuo.plan.intake;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/** The files offices send, made in the test with the same libraries that write them (POI, PDFBox). */
public final class IntakeFiles {

  /** An intake review against an empty unit directory: every unit is unknown to it. */
  public static final IntakeReview NO_DIRECTORY =
      IntakeReview.against(new com.xiezuo.directory.DirectorySnapshot(java.util.List.of(), java.util.List.of()));

  private IntakeFiles() {}

  public static byte[] xlsx(Consumer<Workbook> fill) {
    return write(new XSSFWorkbook(), fill);
  }

  public static byte[] xls(Consumer<Workbook> fill) {
    return write(new HSSFWorkbook(), fill);
  }

  private static byte[] write(Workbook workbook, Consumer<Workbook> fill) {
    try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      fill.accept(workbook);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A sheet row; null leaves a cell out. */
  public static void row(Sheet sheet, int index, String... cells) {
    Row row = sheet.getRow(index) == null ? sheet.createRow(index) : sheet.getRow(index);
    for (int c = 0; c < cells.length; c++) {
      if (cells[c] != null) {
        row.createCell(c).setCellValue(cells[c]);
      }
    }
  }

  public static void merge(Sheet sheet, String range) {
    sheet.addMergedRegion(CellRangeAddress.valueOf(range));
  }

  public static byte[] docx(Consumer<XWPFDocument> fill) {
    try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      fill.accept(document);
      document.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void paragraphs(XWPFDocument document, String text) {
    for (String line : text.split("\n")) {
      document.createParagraph().createRun().setText(line);
    }
  }

  /** A Word table; a cell "<<" spans into the cell left of it, "^^" is merged down from the cell above. */
  public static XWPFTable table(XWPFDocument document, String[]... rows) {
    XWPFTable table = document.createTable();
    for (int r = 0; r < rows.length; r++) {
      XWPFTableRow row = r == 0 ? table.getRow(0) : table.createRow();
      while (row.getTableCells().size() > 1) {
        row.removeCell(row.getTableCells().size() - 1);
      }
      XWPFTableCell previous = null;
      for (int c = 0; c < rows[r].length; c++) {
        String value = rows[r][c];
        if ("<<".equals(value) && previous != null) {
          CTTcPr pr = tcPr(previous);
          int span = pr.isSetGridSpan() ? pr.getGridSpan().getVal().intValue() : 1;
          (pr.isSetGridSpan() ? pr.getGridSpan() : pr.addNewGridSpan()).setVal(BigInteger.valueOf(span + 1));
          continue;
        }
        XWPFTableCell cell = c == 0 ? row.getCell(0) : row.addNewTableCell();
        if ("^^".equals(value)) {
          tcPr(cell).addNewVMerge();
        } else {
          cell.setText(value);
          if (r + 1 < rows.length && c < rows[r + 1].length && "^^".equals(rows[r + 1][c])) {
            tcPr(cell).addNewVMerge().setVal(STMerge.RESTART);
          }
        }
        previous = cell;
      }
    }
    return table;
  }

  private static CTTcPr tcPr(XWPFTableCell cell) {
    return cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
  }

  /** An Office file protected with a password to open, as Office writes it (an OLE2 container). */
  public static byte[] encrypted(byte[] ooxml) {
    try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.standard);
      Encryptor encryptor = info.getEncryptor();
      encryptor.confirmPassword("mima2023");
      try (OutputStream data = encryptor.getDataStream(fs)) {
        data.write(ooxml);
      }
      fs.writeFilesystem(out);
      return out.toByteArray();
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An .xls with a password to open. */
  public static byte[] encryptedXls(Consumer<Workbook> fill) {
    Biff8EncryptionKey.setCurrentUserPassword("mima2023");
    try {
      return xls(fill);
    } finally {
      Biff8EncryptionKey.setCurrentUserPassword(null);
    }
  }

  /** An old Word document: an OLE2 container with a WordDocument stream. */
  public static byte[] oldWordDocument() {
    try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      fs.createDocument(new ByteArrayInputStream(new byte[4096]), "WordDocument");
      fs.writeFilesystem(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A few KB that inflate to {@code megabytes} of spaces inside what looks like a workbook. */
  public static byte[] zipBomb(int megabytes) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
      zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] spaces = new byte[1024 * 1024];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < megabytes; i++) {
        zip.write(spaces);
      }
      zip.finish();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A ZIP holding the named (empty) entries. */
  public static byte[] zipOf(String... names) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String name : names) {
        zip.putNextEntry(new ZipEntry(name));
      }
      zip.finish();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The notice printed to PDF by a browser (src/test/resources/intake/notice-pdf.html): a real text layer. */
  public static byte[] noticePdf() {
    return resource("/intake/notice.pdf");
  }

  /** A 任务分工表 published as PDF, printed by Chromium from task-table-pdf.html. */
  public static byte[] taskTablePdf() {
    return resource("/intake/task-table.pdf");
  }

  /** The same table with its cells centred vertically and one unit a line in a cell. */
  public static byte[] centredTaskTablePdf() {
    return resource("/intake/task-table-centred.pdf");
  }

  private static byte[] resource(String name) {
    try (InputStream in = IntakeFiles.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Pages that are pictures of text, as a scanner makes them: no text layer. */
  public static byte[] scannedPdf() {
    return pdf(document -> {
      try {
        BufferedImage scan = new BufferedImage(600, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scan.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 800);
        g.setColor(Color.BLACK);
        for (int y = 80; y < 760; y += 30) {
          g.fillRect(60, y, 480, 8);
        }
        g.dispose();
        PDImageXObject image = LosslessFactory.createFromImage(document, scan);
        for (int p = 0; p < 2; p++) {
          PDPage page = new PDPage();
          document.addPage(page);
          try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  public static byte[] blankPdf(int pages) {
    return pdf(document -> {
      for (int p = 0; p < pages; p++) {
        document.addPage(new PDPage());
      }
    });
  }

  /** The notice PDF with a password to open. */
  public static byte[] encryptedPdf() {
    try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(noticePdf());
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "mima2023", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] pdf(Consumer<PDDocument> fill) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      fill.accept(document);
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
