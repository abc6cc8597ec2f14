package com.xiezuo.plan.intake;

import static com.xiezuo.plan.intake.IntakeFiles.paragraphs;
import static com.xiezuo.plan.intake.IntakeFiles.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.xiezuo.plan.parse.NoticeParser;
import com.xiezuo.plan.parse.ParsedPlan;
import com.xiezuo.plan.parse.ParsedTask;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/** Notices as Word documents and PDFs: the same plan as their text, or the task table they carry. */
class WordAndPdfNoticesTest {

  private final NoticeParser parser = new NoticeParser();
  private final NoticeIntake intake = new NoticeIntake(parser, IntakeFiles.NO_DIRECTORY);

  static final String HEADER = """
      珠海市乡村振兴局文件
      珠乡振〔2024〕9 号
      关于印发《珠海市 2024 年东西部协作工作要点》的通知
      各有关单位：
      现将《珠海市 2024 年东西部协作工作要点》印发给你们，请认真贯彻落实。
      珠海市乡村振兴局
      2024 年 3 月 15 日""";

  private static List<String> summary(ParsedPlan plan) {
    return plan.tasks().stream().map(task -> task.number() + "|" + task.title() + "|" + task.leadUnit() + "|"
        + task.coUnits() + "|" + task.deadline()).toList();
  }

  @Test
  void aWordNoticeReadsAsItsText() throws IOException {
    String text = Files.readString(Path.of("src/test/resources/notices/doumen-2025-notice.txt"), StandardCharsets.UTF_8);
    NoticeIntake.Result read = intake.read("斗门区工作计划.docx", IntakeFiles.docx(doc -> paragraphs(doc, text)), (Integer) null);
    ParsedPlan asText = parser.parse(text, null);
    assertThat(read.kind()).isEqualTo(FileKind.DOCX);
    assertThat(read.plan().title()).isEqualTo(asText.title());
    assertThat(read.plan().docNumber()).isEqualTo("斗乡振〔2025〕7 号");
    assertThat(summary(read.plan())).isEqualTo(summary(asText)).hasSize(12);
    assertThat(read.notes()).containsExactly("读取 Word 文档的正文");
  }

  @Test
  void numbersWordDrawsForListsAreReadWithTheirParagraphs() {
    byte[] docx = IntakeFiles.docx(doc -> {
      paragraphs(doc, HEADER);
      XWPFNumbering numbering = doc.createNumbering();
      CTAbstractNum outline = CTAbstractNum.Factory.newInstance();
      outline.setAbstractNumId(BigInteger.ONE);
      level(outline, 0, STNumberFormat.CHINESE_COUNTING, "%1、");
      level(outline, 1, STNumberFormat.DECIMAL, "%2．");
      BigInteger list = numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(outline, numbering)));
      String[][] items = {
          {"0", "组织领导"},
          {"1", "召开联席会议。两地召开联席会议至少 2 次。（责任单位：市委办公室、市乡村振兴局；完成时限：6 月底前）"},
          {"1", "签订帮扶协议。（责任单位：市乡村振兴局；完成时限：3 月底前）"},
          {"0", "劳务协作"},
          {"1", "组织劳务输出。（责任单位：市人力资源和社会保障局，各结对区配合；完成时限：11 月底前）"}};
      for (String[] item : items) {
        var paragraph = doc.createParagraph();
        paragraph.setNumID(list);
        paragraph.setNumILvl(new BigInteger(item[0]));
        paragraph.createRun().setText(item[1]);
      }
    });
    NoticeIntake.Result read = intake.read("要点.docx", docx, (Integer) null);
    assertThat(read.plan().year()).isEqualTo(2024);
    assertThat(read.plan().tasks()).extracting(ParsedTask::section, ParsedTask::title, ParsedTask::leadUnit)
        .containsExactly(tuple("组织领导", "召开联席会议", "市委办公室"), tuple("组织领导", "签订帮扶协议", "市乡村振兴局"),
            tuple("劳务协作", "组织劳务输出", "市人力资源和社会保障局"));
    assertThat(read.plan().tasks()).extracting(ParsedTask::number).doesNotHaveDuplicates();
  }

  private static void level(CTAbstractNum outline, int level, STNumberFormat.Enum format, String text) {
    CTLvl lvl = outline.addNewLvl();
    lvl.setIlvl(BigInteger.valueOf(level));
    lvl.addNewStart().setVal(BigInteger.ONE);
    lvl.addNewNumFmt().setVal(format);
    lvl.addNewLvlText().setVal(text);
  }

  @Test
  void aTaskTableInAWordNoticeBecomesTheTaskListWithTheHeaderFromTheParagraphs() {
    byte[] docx = IntakeFiles.docx(doc -> {
      paragraphs(doc, HEADER);
      paragraphs(doc, "珠海市 2024 年东西部协作工作要点\n为深入推进东西部协作，制定本要点。");
      table(doc,
          new String[] {"联系人", "电话"},
          new String[] {"张三", "0756-1234567"});
      paragraphs(doc, "附件：重点任务分工表");
      table(doc,
          new String[] {"序号", "重点工作", "具体措施", "责任单位", "<<", "完成时限"},
          new String[] {"^^", "^^", "^^", "牵头单位", "配合单位", "^^"},
          new String[] {"1", "组织领导", "召开联席会议。两地召开联席会议至少 2 次。", "市委办公室", "市乡村振兴局", "6月底前"},
          new String[] {"2", "^^", "签订帮扶协议", "^^", "各结对区", "3月底前"},
          new String[] {"3", "产业合作", "共建产业园区", "市商务局", "", "全年实施"});
    });
    NoticeIntake.Result read = intake.read("要点.docx", docx, (Integer) null);
    assertThat(read.plan().title()).isEqualTo("珠海市 2024 年东西部协作工作要点");
    assertThat(read.plan().year()).isEqualTo(2024);
    assertThat(read.plan().docNumber()).isEqualTo("珠乡振〔2024〕9 号");
    assertThat(read.plan().issuer()).isEqualTo("珠海市乡村振兴局");
    assertThat(read.plan().tasks()).extracting(ParsedTask::number, ParsedTask::section, ParsedTask::leadUnit,
            ParsedTask::coUnits, ParsedTask::deadline)
        .containsExactly(
            tuple("1", "组织领导", "市委办公室", List.of("市乡村振兴局"), LocalDate.of(2024, 6, 30)),
            tuple("2", "组织领导", "市委办公室", List.of("各结对区"), LocalDate.of(2024, 3, 31)),
            tuple("3", "产业合作", "市商务局", List.of(), LocalDate.of(2024, 12, 31)));
    assertThat(read.notes()).first().asString().startsWith("读取第 2 个表格作为任务清单（文档共 2 个表格）");
  }

  @Test
  void aPdfNoticeIsReadFromItsTextLayer() {
    NoticeIntake.Result read = intake.read("消费帮扶方案.pdf", IntakeFiles.noticePdf(), (Integer) null);
    assertThat(read.kind()).isEqualTo(FileKind.PDF);
    assertThat(read.plan().title()).isEqualTo("珠海市 2024 年东西部协作消费帮扶工作方案");
    assertThat(read.plan().docNumber()).isEqualTo("珠乡振〔2024〕9 号");
    assertThat(read.plan().tasks()).extracting(ParsedTask::title, ParsedTask::leadUnit, ParsedTask::deadline)
        .containsExactly(
            tuple("建设消费帮扶专馆", "市商务局", LocalDate.of(2024, 6, 30)),
            tuple("组织产销对接活动", "市商务局", LocalDate.of(2024, 10, 31)),
            tuple("开展消费帮扶宣传月活动", "市委网信办", LocalDate.of(2024, 9, 30)),
            tuple("推动国企采购", "市国资委", LocalDate.of(2024, 12, 31)));
  }

  @Test
  void aTaskTablePublishedAsPdfIsPutBackIntoItsCells() {
    NoticeIntake.Result read = intake.read("任务分工表.pdf", IntakeFiles.taskTablePdf(), (Integer) null);
    assertThat(read.plan().title()).isEqualTo("金湾区 2024 年东西部协作工作任务分工表");
    assertThat(read.plan().tasks()).extracting(ParsedTask::number, ParsedTask::section, ParsedTask::leadUnit,
        ParsedTask::coUnits, ParsedTask::deadline)
        .containsExactly(
            tuple("1", "资金项目", "区财政局", List.of("区农业农村局"), LocalDate.of(2024, 10, 31)),
            tuple("2", "资金项目", "区农业农村局", List.of("区财政局", "区发展和改革局", "各镇（街道）"),
                LocalDate.of(2024, 9, 30)),
            tuple("3", "产业与就业", "区投资促进局", List.of(), LocalDate.of(2024, 12, 31)),
            tuple("4", "产业与就业", "区人社局", List.of("各镇（街道）"), LocalDate.of(2024, 11, 30)),
            tuple("5", "产业与就业", "区人社局", List.of("区教育局"), LocalDate.of(2024, 9, 30)),
            tuple("6", "产业与就业", "区商务局", List.of("区机关事务中心", "区农业农村局", "各镇（街道）"),
                LocalDate.of(2024, 12, 31)),
            tuple("7", "产业与就业", "区委宣传部", List.of(), LocalDate.of(2024, 11, 30)));
    assertThat(read.plan().tasks().get(0).content()).as("a wrapped cell is one text")
        .contains("拨付进度不低于 50%，确保资金早拨付、项目早见效");
  }

  @Test
  void cellsCentredVerticallyBelongToTheRowOfTheirNumber() {
    NoticeIntake.Result top = intake.read("任务分工表.pdf", IntakeFiles.taskTablePdf(), (Integer) null);
    NoticeIntake.Result centred = intake.read("任务分工表.pdf", IntakeFiles.centredTaskTablePdf(), (Integer) null);
    assertThat(centred.plan().tasks()).extracting(ParsedTask::number, ParsedTask::content, ParsedTask::leadUnit,
        ParsedTask::coUnits, ParsedTask::deadline)
        .as("a wrapped cell above its row's number is that row's; one unit a line is a list")
        .containsExactlyElementsOf(top.plan().tasks().stream().map(task -> tuple(task.number(), task.content(),
            task.leadUnit(), task.coUnits(), task.deadline())).toList());
  }

  @Test
  void plainTextStillReadsAndAGbkTextFileToo() throws IOException {
    String text = Files.readString(Path.of("src/test/resources/notices/doumen-2025-notice.txt"), StandardCharsets.UTF_8);
    ParsedPlan asText = parser.parse(text, null);
    assertThat(summary(intake.read(null, text.getBytes(StandardCharsets.UTF_8), (Integer) null).plan()))
        .isEqualTo(summary(asText));
    assertThat(summary(intake.read("计划.txt", text.getBytes("GB18030"), (Integer) null).plan()))
        .isEqualTo(summary(asText));
  }
}
