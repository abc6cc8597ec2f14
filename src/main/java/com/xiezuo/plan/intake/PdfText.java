package com.xiezuo.plan.intake;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * The text layer of a PDF notice (PDFBox, positions sorted so that columns read line by line, a task table put back
 * into its cells by {@link PdfTables}). A PDF
 * with a password, with too many pages, or without any text (a scan) is refused.
 */
final class PdfText {

  static final String SCANNED = "该 PDF 没有文字层（可能是扫描件），无法识别：请上传 Word 原件或可复制文字的 PDF";
  /** Fewer visible characters than this per page means images of pages, not text. */
  private static final int MIN_CHARACTERS_PER_PAGE = 10;

  private PdfText() {}

  /** {@code file} names the file in messages ("文件“通知.pdf”"). */
  static String read(String file, byte[] bytes) {
    MemoryUsageSetting memory = MemoryUsageSetting.setupMixed(IntakeLimits.PDF_MEMORY_BYTES, IntakeLimits.PDF_STORAGE_BYTES);
    try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(bytes), "", memory.streamCache)) {
      if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
        throw IntakeException.unreadable(file + "：" + FileKinds.ENCRYPTED);
      }
      int pages = document.getNumberOfPages();
      if (pages > IntakeLimits.MAX_PDF_PAGES) {
        throw IntakeException.tooLarge(file + "有 " + pages + " 页，超过 " + IntakeLimits.MAX_PDF_PAGES
            + " 页的上限：请只上传通知正文及其附件");
      }
      String text = PdfTables.text(PdfLines.of(document));
      if (text.length() > IntakeLimits.MAX_CHARACTERS) {
        throw IntakeException.tooLarge(file + "的文字超过 " + IntakeLimits.MAX_CHARACTERS + " 字，不像一份工作计划通知");
      }
      long visible = text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isISOControl(c)).count();
      if (visible < (long) MIN_CHARACTERS_PER_PAGE * Math.max(1, pages)) {
        throw IntakeException.unreadable(file + "：" + SCANNED);
      }
      return text;
    } catch (InvalidPasswordException e) {
      throw IntakeException.unreadable(file + "：" + FileKinds.ENCRYPTED);
    } catch (IntakeException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw OfficeFailures.unreadable(file, "不是有效的 PDF 文件", e);
    }
  }
}
