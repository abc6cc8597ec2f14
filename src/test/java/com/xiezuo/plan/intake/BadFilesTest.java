package com.xiezuo.plan.intake;

import static com.xiezuo.plan.intake.IntakeFiles.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.xiezuo.plan.parse.NoticeParseException;
import com.xiezuo.plan.parse.NoticeParser;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** Files intake will not read get a Chinese answer naming the file and why, never an exception of a library. */
class BadFilesTest {

  private final NoticeIntake intake = new NoticeIntake(new NoticeParser(), IntakeFiles.NO_DIRECTORY);

  private static byte[] checklist() {
    return IntakeFiles.xlsx(workbook -> {
      Sheet sheet = workbook.createSheet("清单");
      row(sheet, 0, "序号", "工作任务", "责任单位", "完成时限");
      row(sheet, 1, "1", "召开会议", "市委办公室", "6月底前");
    });
  }

  private IntakeException refusal(String fileName, byte[] bytes) {
    return catchThrowableOfType(IntakeException.class,
        () -> intake.read(fileName, bytes, 2023));
  }

  @Test
  void encryptedFilesOfEveryKind() {
    byte[] docx = IntakeFiles.docx(doc -> doc.createParagraph().createRun().setText("通知"));
    assertThat(refusal("清单.xlsx", IntakeFiles.encrypted(checklist())))
        .hasMessage("文件“清单.xlsx”：文件已加密，请去除密码后再上传");
    assertThat(refusal("通知.docx", IntakeFiles.encrypted(docx)))
        .hasMessage("文件“通知.docx”：文件已加密，请去除密码后再上传");
    assertThat(refusal("清单.xls", IntakeFiles.encryptedXls(workbook -> row(workbook.createSheet("清单"), 0, "序号"))))
        .hasMessage("文件“清单.xls”：文件已加密，请去除密码后再上传");
    assertThat(refusal("通知.pdf", IntakeFiles.encryptedPdf()))
        .hasMessage("文件“通知.pdf”：文件已加密，请去除密码后再上传");
  }

  @Test
  void aScannedPdfHasNoTextLayer() {
    assertThat(refusal("扫描件.pdf", IntakeFiles.scannedPdf())).hasMessage(
        "文件“扫描件.pdf”：该 PDF 没有文字层（可能是扫描件），无法识别：请上传 Word 原件或可复制文字的 PDF");
  }

  @Test
  void anOldWordDocumentIsToBeSavedAsDocx() {
    assertThat(refusal("通知.doc", IntakeFiles.oldWordDocument()))
        .hasMessageContaining("文件“通知.doc”是旧版 Word 文档（.doc）").hasMessageContaining("请在 Word 中另存为 .docx 后上传");
  }

  @Test
  void damagedFilesSayWhichFile() {
    byte[] xlsx = checklist();
    assertThat(refusal("清单.xlsx", Arrays.copyOf(xlsx, xlsx.length / 2)))
        .hasMessageContaining("文件“清单.xlsx”已损坏");
    assertThat(refusal("通知.pdf", Arrays.copyOf(IntakeFiles.noticePdf(), 2000)))
        .hasMessageContaining("文件“通知.pdf”").hasMessageContaining("不是有效的 PDF 文件");
    assertThat(refusal("通知.docx", "这不是 Word 文件".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("文件“通知.docx”已损坏，或不是它的扩展名所说的 .docx 文件");
    assertThat(refusal("空.xlsx", new byte[0])).hasMessageContaining("文件“空.xlsx”是空的");
  }

  @Test
  void zipBombsHugeFilesAndTooManyPagesOrParagraphsAreRefusedAsTooLarge() {
    IntakeException bomb = refusal("清单.xlsx", IntakeFiles.zipBomb(110));
    assertThat(bomb.status()).isEqualTo(413);
    assertThat(bomb).hasMessageContaining("解压后超过 100 MB（可能是“压缩炸弹”）");

    IntakeException huge = refusal("大文件.pdf", new byte[IntakeLimits.MAX_FILE_BYTES + 1]);
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge).hasMessageContaining("文件“大文件.pdf”过大（20.0 MB）：上限为 20 MB");

    assertThat(refusal("长文.pdf", IntakeFiles.blankPdf(IntakeLimits.MAX_PDF_PAGES + 1)))
        .hasMessageContaining("文件“长文.pdf”有 201 页，超过 200 页的上限");

    // varied text: a hundred thousand empty paragraphs compress so well that POI takes them for a zip bomb
    byte[] manyParagraphs = IntakeFiles.docx(doc -> {
      for (int i = 0; i <= IntakeLimits.MAX_PARAGRAPHS; i++) {
        doc.createParagraph().createRun().setText(String.valueOf(i % 997));
      }
    });
    assertThat(refusal("通知.docx", manyParagraphs)).hasMessageContaining("文件“通知.docx”的段落超过 100000 个");

    Random random = new Random(7);
    byte[] muchText = IntakeFiles.docx((XWPFDocument doc) -> {
      for (int i = 0; i <= IntakeLimits.MAX_CHARACTERS / 1000; i++) {
        StringBuilder line = new StringBuilder();
        random.ints(1000, 0x4e00, 0x9fa5).forEach(line::appendCodePoint);
        doc.createParagraph().createRun().setText(line.toString());
      }
    });
    assertThat(refusal("通知.docx", muchText)).hasMessageContaining("的文字超过 500000 字");
  }

  @Test
  void otherFormatsAreNamed() {
    assertThat(refusal("通知.rtf", "{\\rtf1\\ansi 通知}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("RTF 格式：请在 Word 中另存为 .docx 后上传");
    assertThat(refusal("图片.zip", IntakeFiles.zipOf("photo.jpg")))
        .hasMessageContaining("是 ZIP 压缩包，但不是 Word（.docx）或 Excel（.xlsx）文件");
  }

  /** Damage anywhere in a real file is a Chinese refusal (or, where it hits nothing that matters, a reading). */
  @Test
  void damageAnywhereIsNeverALibraryException() {
    byte[] docx = IntakeFiles.docx(doc -> IntakeFiles.paragraphs(doc, "2023 年工作要点\n一、组织领导\n1．召开会议。（责任单位：市委办公室）"));
    Map<String, byte[]> files = Map.of("清单.xlsx", checklist(), "通知.docx", docx,
        "通知.pdf", IntakeFiles.noticePdf(), "清单.xls", IntakeFiles.xls(workbook -> row(workbook.createSheet("清单"), 0,
            "序号", "工作任务", "责任单位", "完成时限")));
    Random random = new Random(2023);
    files.forEach((name, original) -> {
      for (int attempt = 0; attempt < 40; attempt++) {
        byte[] damaged = original.clone();
        int start = 8 + random.nextInt(damaged.length - 8);
        for (int i = start; i < Math.min(damaged.length, start + 1 + random.nextInt(64)); i++) {
          damaged[i] = (byte) random.nextInt(256);
        }
        try {
          intake.read(name, damaged, 2023);
        } catch (IntakeException | NoticeParseException expected) {
          assertThat(expected.getMessage()).as(name).containsPattern("[\\u4e00-\\u9fa5]");
        } catch (RuntimeException e) {
          throw new AssertionError(name + " damaged at byte " + start + " gave " + e, e);
        }
      }
    });
  }
}
