package com.xiezuo.plan.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.xiezuo.plan.parse.NoticeParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A checklist whose cell holds 32,000 brackets (what a cell can take) is read or refused in linear time, whichever
 * column it is in. The bound is generous: each reading now takes well under a second; the header and unit-name
 * patterns this replaces backtracked over every bracket and took over half a minute for one cell.
 */
class HostileWorkbookCellsTest {

  private static final Duration GUARD = Duration.ofSeconds(20);
  private static final List<String> HEADER = List.of("序号", "重点工作", "具体事项", "完成时限", "责任单位", "备注", "协议指标");
  private static final List<String> ROW = List.of("1", "加强组织领导", "签订协议。", "10 月底前", "市财政局", "", "投入不少于 1 亿元");

  private final NoticeIntake intake = new NoticeIntake(new NoticeParser(), IntakeFiles.NO_DIRECTORY);

  @ParameterizedTest(name = "32,000 × {0} in every column")
  @ValueSource(strings = {"（", "(", "一"})
  void aCellOfRepeatedBracketsIsReadQuickly(String character) throws IOException {
    List<byte[]> books = new java.util.ArrayList<>();
    for (int column = 0; column < HEADER.size(); column++) {
      books.add(workbookWith(column, character.repeat(32_000)));
    }
    assertTimeoutPreemptively(GUARD, () -> {
      for (byte[] book : books) {
        try {
          assertThat(intake.read("清单.xlsx", book, 2031).plan().tasks()).hasSizeLessThanOrEqualTo(1);
        } catch (IntakeException refused) {
          assertThat(refused.getMessage()).isNotBlank();
        }
      }
    });
  }

  private static byte[] workbookWith(int column, String cell) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var sheet = book.createSheet("清单");
      Row header = sheet.createRow(0);
      Row task = sheet.createRow(1);
      for (int i = 0; i < HEADER.size(); i++) {
        header.createCell(i).setCellValue(HEADER.get(i));
        task.createCell(i).setCellValue(i == column ? cell : ROW.get(i));
      }
      book.write(out);
      return out.toByteArray();
    }
  }
}
