package com.xiezuo.plan.intake;

import static com.xiezuo.plan.intake.IntakeFiles.merge;
import static com.xiezuo.plan.intake.IntakeFiles.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.xiezuo.plan.parse.NoticeParser;
import com.xiezuo.plan.parse.ParsedTask;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;

/** Checklists as offices lay them out, read as the review page and the API read them. */
class SpreadsheetLayoutsTest {

  private final NoticeIntake intake = new NoticeIntake(new NoticeParser(), IntakeFiles.NO_DIRECTORY);

  private NoticeIntake.Result read(byte[] file) {
    return intake.read("任务分工表.xlsx", file, (Integer) null);
  }

  /** A division-of-work table: merged title, 重点工作 merged down over its sub-items, 牵头单位 merged down too. */
  private static void divisionOfWork(Sheet sheet) {
    row(sheet, 0, "珠海市2023年东西部协作工作任务分工表");
    merge(sheet, "A1:F1");
    row(sheet, 1, "序号", "重点\n工作", "具体措施", "牵头单位", "配合单位", "完成\n时限");
    row(sheet, 2, "1", "组织领导", "召开联席会议。两地召开联席会议至少 2 次。", "市委办公室", "市乡村振兴局", "6月底前");
    row(sheet, 3, "2", null, "签订帮扶协议", null, "各结对区", "3月底前");
    row(sheet, 4, "3", "产业合作", "共建产业园区。新增入园企业 2 家以上。", "市商务局", "市国资委\n珠海华发集团", "全年实施");
    merge(sheet, "B3:B4");
    merge(sheet, "D3:D4");
  }

  @Test
  void aMergedTitleGivesTitleAndYearAndMergedDownCellsApplyToEachRow() {
    NoticeIntake.Result read = read(IntakeFiles.xlsx(workbook -> divisionOfWork(workbook.createSheet("分工表"))));
    assertThat(read.plan().title()).isEqualTo("珠海市2023年东西部协作工作任务分工表");
    assertThat(read.plan().year()).isEqualTo(2023);
    assertThat(read.sheet()).isEqualTo("分工表");
    assertThat(read.notes()).first().isEqualTo("读取工作表“分工表”");
    assertThat(read.plan().tasks()).extracting(ParsedTask::number, ParsedTask::section, ParsedTask::leadUnit)
        .containsExactly(tuple("1", "组织领导", "市委办公室"), tuple("2", "组织领导", "市委办公室"),
            tuple("3", "产业合作", "市商务局"));
    ParsedTask first = read.plan().tasks().get(0);
    assertThat(first.title()).isEqualTo("召开联席会议");
    assertThat(first.coUnits()).containsExactly("市乡村振兴局");
    assertThat(first.deadline()).isEqualTo(LocalDate.of(2023, 6, 30));
    assertThat(first.indicators()).extracting(indicator -> indicator.value().intValue()).containsExactly(2);
    assertThat(read.plan().tasks().get(1).coUnits()).containsExactly("各结对区");
    assertThat(read.plan().tasks().get(2).coUnits()).as("one unit a line").containsExactly("市国资委", "珠海华发集团");
    assertThat(read.plan().tasks().get(2).yearRound()).isTrue();
    assertThat(read.rows()).containsEntry("1", 3).containsEntry("3", 5);
    assertThat(read.doubts()).isEmpty();
  }

  @Test
  void aTwoRowHeaderWithAMergedUnitsCellAboveLeadAndCoColumns() {
    NoticeIntake.Result read = read(IntakeFiles.xlsx(workbook -> {
      Sheet sheet = workbook.createSheet("Sheet1");
      row(sheet, 0, "附件");
      row(sheet, 1, "2024年东西部协作重点任务清单");
      row(sheet, 2, "序号", "重点任务", "责任单位", null, "完成时间");
      row(sheet, 3, "序号", "重点任务", "牵头单位", "配合单位", "完成时间");
      merge(sheet, "A3:A4");
      merge(sheet, "B3:B4");
      merge(sheet, "C3:D3");
      merge(sheet, "E3:E4");
      row(sheet, 4, "1", "开展劳务协作", "市人力资源和社会保障局", "各结对区", "11 月底前");
    }));
    assertThat(read.plan().title()).as("附件 is no title").isEqualTo("2024年东西部协作重点任务清单");
    assertThat(read.plan().year()).isEqualTo(2024);
    assertThat(read.plan().tasks()).singleElement().satisfies(task -> {
      assertThat(task.leadUnit()).isEqualTo("市人力资源和社会保障局");
      assertThat(task.coUnits()).containsExactly("各结对区");
      assertThat(task.deadline()).isEqualTo(LocalDate.of(2024, 11, 30));
    });
  }

  @Test
  void oneTextColumnWithSectionsFromChineseNumeralsAndRowsAcrossTheTable() {
    NoticeIntake.Result read = read(IntakeFiles.xlsx(workbook -> {
      Sheet sheet = workbook.createSheet("清单");
      row(sheet, 0, "2023 年东西部协作工作清单");
      row(sheet, 1, "序号", "工作任务", "责任部门", "时间节点", "备注");
      row(sheet, 2, "一、", "加强组织领导");
      row(sheet, 3, "1", "召开专题会议", "市委办公室牵头，市乡村振兴局配合", "10月底前", "提供会议纪要");
      row(sheet, 4, "二、产业合作");
      merge(sheet, "A5:E5");
      row(sheet, 5, "2", "引导企业投资", "市商务局", "全年", null);
    }));
    assertThat(read.plan().tasks()).extracting(ParsedTask::number, ParsedTask::section, ParsedTask::title)
        .containsExactly(tuple("1", "加强组织领导", "召开专题会议"), tuple("2", "产业合作", "引导企业投资"));
    ParsedTask first = read.plan().tasks().get(0);
    assertThat(first.leadUnit()).isEqualTo("市委办公室");
    assertThat(first.coUnits()).containsExactly("市乡村振兴局");
    assertThat(first.content()).isEqualTo("\n备注：提供会议纪要");
  }

  @Test
  void rowsWithoutNumbersAreNumberedInOrder() {
    NoticeIntake.Result read = read(IntakeFiles.xlsx(workbook -> {
      Sheet sheet = workbook.createSheet("清单");
      row(sheet, 0, "2023年任务清单");
      row(sheet, 1, "工作内容", "责任单位", "完成时限");
      row(sheet, 2, "召开联席会议", "市委办公室", "6月底前");
      row(sheet, 3, "签订协议", "市乡村振兴局", "3月底前");
      row(sheet, 4, "组织劳务输出", "市人力资源和社会保障局", "11月底前");
    }));
    assertThat(read.plan().tasks()).extracting(ParsedTask::number).containsExactly("1", "2", "3");
    assertThat(read.doubts()).isEmpty();
  }

  @Test
  void aNumberMergedDownOverSubItemsAndNumbersRestartingInEverySection() {
    NoticeIntake.Result merged = intake.read("清单.xlsx", IntakeFiles.xlsx(workbook -> {
      Sheet sheet = workbook.createSheet("清单");
      row(sheet, 0, "序号", "重点工作", "具体事项", "责任单位", "完成时限");
      row(sheet, 1, "1", "组织领导", "召开会议", "市委办公室", "6月底前");
      row(sheet, 2, null, null, "签订协议", "市乡村振兴局", "3月底前");
      row(sheet, 3, "2", "劳务协作", "组织劳务输出", "市人力资源和社会保障局", "11月底前");
      merge(sheet, "A2:A3");
      merge(sheet, "B2:B3");
    }), 2023);
    assertThat(merged.plan().tasks()).extracting(ParsedTask::number, ParsedTask::section)
        .containsExactly(tuple("1(1)", "组织领导"), tuple("1(2)", "组织领导"), tuple("2", "劳务协作"));
    NoticeIntake.Result restarted = intake.read("清单.xlsx", IntakeFiles.xlsx(workbook -> {
      Sheet sheet = workbook.createSheet("清单");
      row(sheet, 0, "序号", "工作任务", "责任单位", "完成时限");
      row(sheet, 1, "一", "组织领导");
      row(sheet, 2, "1", "召开会议", "市委办公室", "6月底前");
      row(sheet, 3, "2", "签订协议", "市乡村振兴局", "3月底前");
      row(sheet, 4, "二", "劳务协作");
      row(sheet, 5, "1", "组织劳务输出", "市人力资源和社会保障局", "11月底前");
    }), 2023);
    assertThat(restarted.plan().tasks()).extracting(ParsedTask::number).containsExactly("1.1", "1.2", "2.1");
  }

  @Test
  void theFirstSheetWithATaskTableIsRead() {
    NoticeIntake.Result read = intake.read("清单.xlsx", IntakeFiles.xlsx(workbook -> {
      row(workbook.createSheet("填表说明"), 0, "请按要求填写，不得改动表头。");
      divisionOfWork(workbook.createSheet("任务分工"));
      row(workbook.createSheet("单位名录"), 0, "单位", "联系人");
    }), 2023);
    assertThat(read.sheet()).isEqualTo("任务分工");
    assertThat(read.notes()).first().asString()
        .isEqualTo("读取工作表“任务分工”（共 3 个工作表；“填表说明”中没有任务表）");
    assertThat(read.plan().tasks()).hasSize(3);
  }

  @Test
  void theOldXlsFormatWithMergedCells() {
    NoticeIntake.Result read = read(IntakeFiles.xls(workbook -> divisionOfWork(workbook.createSheet("分工表"))));
    assertThat(read.kind()).isEqualTo(FileKind.XLS);
    assertThat(read.plan().tasks()).extracting(ParsedTask::section, ParsedTask::leadUnit)
        .containsExactly(tuple("组织领导", "市委办公室"), tuple("组织领导", "市委办公室"), tuple("产业合作", "市商务局"));
  }

  @Test
  void aMissingOrUnreadableDeadlineEndsWithThePlanYearAndIsFlagged() {
    NoticeIntake.Result read = read(IntakeFiles.xlsx(workbook -> {
      Sheet sheet = workbook.createSheet("清单");
      row(sheet, 0, "2023年任务清单");
      row(sheet, 1, "序号", "工作任务", "责任单位", "完成时限");
      row(sheet, 2, "1", "召开会议", "市委办公室", "尽快");
      row(sheet, 3, "2", "签订协议", "市乡村振兴局");
    }));
    assertThat(read.plan().tasks()).extracting(ParsedTask::deadline)
        .containsExactly(LocalDate.of(2023, 12, 31), LocalDate.of(2023, 12, 31));
    assertThat(read.plan().tasks().get(0).deadlineText()).isEqualTo("尽快");
    assertThat(read.notes()).contains(
        "第 3 行 任务 1 「完成时限」：无法识别完成时限“尽快”（如“10 月底前”“2023 年 11 月”）；暂定为 2023-12-31，请核对",
        "第 4 行 任务 2 「完成时限」：缺少完成时限；暂定为 2023-12-31，请核对");
    assertThat(read.plan().tasks()).allSatisfy(task -> assertThat(task.review().flagged()).isTrue());
    assertThat(read.plan().tasks().get(0).review().attention()).as("flagged where the task is listed, once")
        .containsExactly("无法识别完成时限“尽快”（如“10 月底前”“2023 年 11 月”）（暂按年底）",
            "单位名录中没有：市委办公室");
  }

  @Test
  void numericDatesAsSpreadsheetsWriteThem() {
    NoticeIntake.Result read = read(IntakeFiles.xlsx(workbook -> {
      Sheet sheet = workbook.createSheet("清单");
      row(sheet, 0, "2025年任务清单");
      row(sheet, 1, "序号", "工作任务", "责任单位", "完成时间");
      row(sheet, 2, "1", "召开会议", "市委办公室", "2025.9.30");
      row(sheet, 3, "2", "签订协议", "市乡村振兴局", "2025-12-31");
      row(sheet, 4, "3", "开展培训", "市人社局", "2025年6月上旬");
    }));
    assertThat(read.plan().tasks()).extracting(ParsedTask::deadline)
        .containsExactly(LocalDate.of(2025, 9, 30), LocalDate.of(2025, 12, 31), LocalDate.of(2025, 6, 10));
    assertThat(read.doubts()).isEmpty();
  }

  @Test
  void aMergeAcrossLeadAndCoColumnsIsRefusedNamingTheCell() {
    byte[] file = IntakeFiles.xlsx(workbook -> {
      Sheet sheet = workbook.createSheet("清单");
      row(sheet, 0, "2023年任务清单");
      row(sheet, 1, "序号", "具体事项", "完成时限", "牵头单位", "配合单位");
      row(sheet, 2, "1", "召开会议", "6月底前", "市委办公室", "市乡村振兴局");
      row(sheet, 3, "2", "签订协议", "3月底前", "市乡村振兴局、各结对区");
      merge(sheet, "D4:E4");
    });
    assertThatThrownBy(() -> read(file)).isInstanceOf(IntakeException.class)
        .hasMessageContaining("文件“任务分工表.xlsx”的工作表“清单”")
        .hasMessageContaining("单元格 D4:E4 横跨“牵头单位”“配合单位”两列，无法判断归属");
  }

  @Test
  void noRecognisableHeaderSaysWhatIsExpectedAndWhereItLooked() {
    byte[] file = IntakeFiles.xlsx(workbook -> {
      row(workbook.createSheet("汇总"), 0, "单位", "金额");
      row(workbook.createSheet("明细"), 0, "项目", "数量");
    });
    assertThatThrownBy(() -> read(file)).isInstanceOf(IntakeException.class)
        .hasMessageContaining("找不到任务清单的表头").hasMessageContaining("“汇总”“明细”")
        .hasMessageContaining("序号、工作任务").hasMessageContaining("责任单位（或 牵头单位 + 配合单位）");
  }

  @Test
  void moreRowsThanTheLimitAreRefusedNamingTheSheetAndRow() {
    byte[] file = IntakeFiles.xlsx(workbook -> {
      Sheet sheet = workbook.createSheet("清单");
      row(sheet, 0, "序号", "工作任务", "责任单位", "完成时限");
      for (int r = 1; r <= IntakeLimits.MAX_ROWS; r++) {
        row(sheet, r, String.valueOf(r), "任务" + r, "市委办公室", "6月底前");
      }
    });
    assertThatThrownBy(() -> intake.read("大表.xlsx", file, 2023)).isInstanceOfSatisfying(IntakeException.class,
        e -> assertThat(e.status()).isEqualTo(413))
        .hasMessageContaining("工作表“清单”在第 5001 行仍有内容，超过 5000 行的上限");
  }

  @Test
  void aFormulaErrorNamesItsCell() {
    byte[] file = IntakeFiles.xlsx(workbook -> {
      Sheet sheet = workbook.createSheet("清单");
      row(sheet, 0, "序号", "工作任务", "责任单位", "完成时限");
      row(sheet, 1, "1", "召开会议", "市委办公室");
      sheet.getRow(1).createCell(3).setCellFormula("1/0");
      workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
    });
    assertThatThrownBy(() -> intake.read("清单.xlsx", file, 2023)).isInstanceOf(IntakeException.class)
        .hasMessageContaining("第 2 行").hasMessageContaining("单元格 D2 是公式错误 #DIV/0!");
  }

  @Test
  void headerWordsAreRecognisedWhateverTheirSpacing() {
    assertThat(List.of("序 号", "工作\n任务", "责任单位（牵头单位列前）", "完成　时间", "协办单位"))
        .map(text -> HeaderRole.of(text).orElse(null))
        .containsExactly(HeaderRole.NUMBER, HeaderRole.TEXT, HeaderRole.UNITS, HeaderRole.DEADLINE, HeaderRole.CO);
  }
}
