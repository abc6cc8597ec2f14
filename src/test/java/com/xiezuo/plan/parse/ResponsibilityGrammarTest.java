package com.xiezuo.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Units, deadlines and numbers wherever and however a notice writes them, each in a small notice of its own. */
class ResponsibilityGrammarTest {

  private final NoticeParser parser = new NoticeParser();

  private List<ParsedTask> tasks(String notice) {
    return parser.parse(notice, 2024).tasks();
  }

  @Test
  void labelsOnLinesOfTheirOwnWithACoUnitListWrappedOntoTheNextLine() {
    List<ParsedTask> tasks = tasks("""
        二、重点任务
        （一）稳定劳务输出。帮助协作地区农村劳动力到广东就业不少于 800 人。
        牵头单位：区人力资源和社会保障局
        配合单位：区农业农村局、区总工会、各镇（街
        道）
        完成时限：2024年11月底前
        （二）开展技能培训。
        责任单位：区人社局、区教育局
        """);
    assertThat(tasks).extracting(ParsedTask::number).containsExactly("（一）", "（二）");
    ParsedTask first = tasks.get(0);
    assertThat(first.leadUnit()).isEqualTo("区人力资源和社会保障局");
    assertThat(first.coUnits()).containsExactly("区农业农村局", "区总工会", "各镇（街道）");
    assertThat(first.deadline()).isEqualTo(LocalDate.of(2024, 11, 30));
    assertThat(first.content()).doesNotContain("牵头单位").doesNotContain("完成时限");
    assertThat(tasks.get(1).leadUnit()).isEqualTo("区人社局");
    assertThat(tasks.get(1).deadlineText()).as("no deadline line").isNull();
  }

  @Test
  void unitsNamedInsideSentencesWithMarkers() {
    List<ParsedTask> tasks = tasks("""
        二、主要任务
        1、落实资金。财政帮扶资金由区财政局负责统筹拨付，区农业农村局配合做好项目对接。
        2、选派干部。区委组织部等负责，选派党政干部 2 名到协作地区挂职。
        3、稳岗服务。开展暖心关爱活动，由区人社局牵头，区总工会、区妇联、
        各镇配合，稳岗率保持在 90% 以上。
        4、结对帮扶。推动村企结对，由各镇负责，区农业农村局统筹指导。
        5、主要负责同志带队。各镇负责同志年内赴协作地区调研。（区委办）
        """);
    assertThat(tasks.get(0).leadUnit()).isEqualTo("区财政局");
    assertThat(tasks.get(0).coUnits()).containsExactly("区农业农村局");
    assertThat(tasks.get(1).leadUnit()).as("等 adds nobody").isEqualTo("区委组织部");
    assertThat(tasks.get(1).coUnits()).isEmpty();
    assertThat(tasks.get(2).leadUnit()).isEqualTo("区人社局");
    assertThat(tasks.get(2).coUnits()).containsExactly("区总工会", "区妇联", "各镇");
    assertThat(tasks.get(3).leadUnit()).isEqualTo("各镇");
    assertThat(tasks.get(3).coUnits()).containsExactly("区农业农村局");
    assertThat(tasks.get(4).leadUnit()).as("负责同志 is a person, not a role").isEqualTo("区委办");
    assertThat(tasks.get(4).coUnits()).isEmpty();
  }

  @Test
  void bracketsInsideAParagraphCountOnlyWhenTheyHoldUnits() {
    ParsedTask task = tasks("""
        二、重点任务
        1.推动教育医疗结对。推动区内学校、医院与协作地区结对（区教育局牵头，区卫健局配合），新增结对学校 5 所。
        2.建设专区。在商超设立消费帮扶专区（专柜）不少于 15 个，面向企业（单位）开放。（区商务局、区市场监管局）
        """).get(1);
    assertThat(task.leadUnit()).isEqualTo("区商务局");
    assertThat(task.coUnits()).as("（专柜） and （单位） are words").containsExactly("区市场监管局");
  }

  @Test
  void commasPartTheFieldsOfABracket() {
    List<ParsedTask> tasks = tasks("""
        一、产业协作
        1.共建园区。（牵头单位：市商务局，配合单位：市农业农村局、各结对区）
        2.稳岗就业。（市人社局牵头，市教育局、市总工会配合，10 月底前完成）
        """);
    assertThat(tasks.get(0).coUnits()).containsExactly("市农业农村局", "各结对区");
    assertThat(tasks.get(1).leadUnit()).isEqualTo("市人社局");
    assertThat(tasks.get(1).coUnits()).containsExactly("市教育局", "市总工会");
    assertThat(tasks.get(1).deadline()).isEqualTo(LocalDate.of(2024, 10, 31));
  }

  @Test
  void unitsOnAHeadingApplyToTheItemsUnderItThatNameNone() {
    List<ParsedTask> tasks = tasks("""
        二、重点任务
        （一）产业协作（牵头单位：区投资促进局；配合单位：各镇）
        1.引导企业投资。组织企业考察对接。
        2.规范市场。开展质量抽检。（区市场监管局负责）
        （二）劳务协作（责任单位：区人社局）
        1.开展招聘。举办招聘会 3 场。
        """);
    assertThat(tasks).extracting(ParsedTask::number).containsExactly("1.1", "1.2", "2.1");
    assertThat(tasks.get(0).section()).isEqualTo("产业协作");
    assertThat(tasks.get(0).leadUnit()).isEqualTo("区投资促进局");
    assertThat(tasks.get(0).coUnits()).containsExactly("各镇");
    assertThat(tasks.get(1).leadUnit()).isEqualTo("区市场监管局");
    assertThat(tasks.get(1).coUnits()).as("its own units only").isEmpty();
    assertThat(tasks.get(2).leadUnit()).isEqualTo("区人社局");
  }

  @Test
  void numbersAsPrintedAndPrefixedWhereSubsectionsRestart() {
    List<ParsedTask> tasks = tasks("""
        一、产业协作
        （一）共建园区。（区商务局）
        （二）招商引资。（区投资促进局）
        二、劳务协作
        （一）稳岗就业。（区人社局）
        第三条 加强宣传。（区委宣传部）
        """);
    assertThat(tasks).extracting(ParsedTask::number).containsExactly("一（一）", "一（二）", "二（一）", "第三条");
  }

  @Test
  void aWordTableCopiedWithTabs() {
    String tab = "\t";
    List<ParsedTask> tasks = tasks(String.join("\n",
        "关于印发 2024 年重点任务清单的通知",
        String.join(tab, "序号", "重点任务", "具体措施", "责任单位", "完成时限"),
        "一、产业协作",
        String.join(tab, "1", "共建产业园", "新增入园企业 3 家", "区工信局、区商务局", "2024年9月底前"),
        String.join(tab, "2", "招商推介", "举办推介会 2 场", "区投资促进局", "", "下半年"),
        "二、劳务协作",
        String.join(tab, "3", "技能培训", "培训农村劳动力 500 人次", "区人社局", "全年")));
    assertThat(tasks).extracting(ParsedTask::number).containsExactly("1", "2", "3");
    assertThat(tasks.get(0).section()).isEqualTo("产业协作");
    assertThat(tasks.get(0).leadUnit()).isEqualTo("区工信局");
    assertThat(tasks.get(0).coUnits()).containsExactly("区商务局");
    assertThat(tasks.get(1).deadline()).isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(tasks.get(2).section()).isEqualTo("劳务协作");
    assertThat(tasks.get(2).yearRound()).isTrue();
    assertThat(tasks.get(2).indicators()).singleElement()
        .satisfies(i -> assertThat(i.comparator() + i.value().toPlainString() + i.unit()).isEqualTo(">=500人次"));
  }

  @Test
  void aTableWithOneCellPerLineAndSeparateLeadAndCoColumns() {
    List<ParsedTask> tasks = tasks("""
        2024年东西部协作任务分工表
        序号
        工作任务
        牵头单位
        配合单位
        完成时间
        1
        足额拨付财政帮扶资金 9800 万元，5 月底前拨付进度
        不低于 50%
        区财政局
        区农业农村局
        2024年10月底前
        2
        在市级以上媒体刊发宣传稿件 15 篇
        区委宣传部
        11月底前
        """);
    assertThat(tasks).hasSize(2);
    assertThat(tasks.get(0).leadUnit()).isEqualTo("区财政局");
    assertThat(tasks.get(0).coUnits()).containsExactly("区农业农村局");
    assertThat(tasks.get(0).deadline()).isEqualTo(LocalDate.of(2024, 10, 31));
    assertThat(tasks.get(0).indicators()).extracting(i -> i.comparator() + i.value().toPlainString())
        .containsExactly("=98000000", ">=50");
    assertThat(tasks.get(1).leadUnit()).as("an empty 配合单位 cell leaves no line").isEqualTo("区委宣传部");
    assertThat(tasks.get(1).coUnits()).isEmpty();
  }

  @Test
  void quantitiesWithoutComparatorWordsAndNumbersThatOnlyDescribe() {
    ParsedTask task = tasks("""
        二、重点任务
        1.资金与培训。安排财政帮扶资金 11.7 亿元，培训农村劳动力 500 人次，引导 10 家企业到协作地区投资，
        力争达到 15 家，推动区内 8 个镇与协作地区乡镇结对。（区农业农村局）
        """).get(0);
    assertThat(task.indicators()).extracting(i -> i.comparator() + " " + i.value().toPlainString() + " " + i.unit()
        + (i.stretch() == null ? "" : " 力争 " + i.stretch().toPlainString()))
        .containsExactly("= 1170000000 元", ">= 500 人次", ">= 10 家 力争 15");
  }

  @Test
  void theDirectoryMakesAUnitOfANameTheGrammarDoesNotKnow() {
    String notice = """
        二、重点任务
        1.消费帮扶。组织采购协作地区农产品。（格力电器、区商务局）
        """;
    assertThat(parser.parse(notice, 2024).tasks().get(0).leadUnit()).as("without the directory").isNull();
    ParsedTask known = parser.parse(notice, 2024, Lexicon.of(List.of("格力电器"))).tasks().get(0);
    assertThat(known.leadUnit()).isEqualTo("格力电器");
    assertThat(known.coUnits()).containsExactly("区商务局");
  }

  @Test
  void theSignOffAfterTheLastTaskIsNotPartOfIt() {
    ParsedPlan plan = parser.parse("""
        2025年东西部协作工作要点
        一、重点任务
        1. 建立调度机制。（市财政局牵头，于2025年6月完成）

        珠海市乡村振兴局
        2025年3月10日
        """, null);
    ParsedTask task = plan.tasks().get(0);
    assertThat(task.deadline()).isEqualTo(LocalDate.of(2025, 6, 30));
    assertThat(task.content()).doesNotContain("珠海市乡村振兴局");
    assertThat(plan.issuer()).isEqualTo("珠海市乡村振兴局");
  }

  @Test
  void aDateTheParserCannotReadKeepsTheUnitsAndIsFlagged() {
    ParsedTask task = tasks("""
        一、重点任务
        1. 推进医疗协作。（市卫生健康局牵头，市教育局配合，于近期完成）
        """).get(0);
    assertThat(task.leadUnit()).isEqualTo("市卫生健康局");
    assertThat(task.coUnits()).containsExactly("市教育局");
    assertThat(task.review().attention()).containsExactly("无法识别完成时限“于近期完成”（暂按年底）");
  }

  @Test
  void itemNumbersPastNinetyNineAndTitlesWithoutAFullStop() {
    List<ParsedTask> tasks = tasks("""
        一、重点任务
        99. 第九十九项。（市委统战部）
        100. 加大财政援助资金投入力度（责任单位：市财政局；完成时限：2024.9.30）
        """);
    assertThat(tasks).extracting(ParsedTask::number).containsExactly("99", "100");
    assertThat(tasks.get(0).coUnits()).as("100 is an item of its own").isEmpty();
    assertThat(tasks.get(1).title()).isEqualTo("加大财政援助资金投入力度");
    assertThat(tasks.get(1).deadline()).isEqualTo(LocalDate.of(2024, 9, 30));
  }

  @Test
  void aDeadlineClosingTheUnitSentenceIsTheTasks() {
    List<ParsedTask> tasks = tasks("""
        一、重点任务
        1.推动产业合作。由市商务局牵头，市工业和信息化局、各结对区按职责分工负责，10月底前完成。
        2.开展培训。培训 500 人次。由市人社局负责，6月底前完成。
        """);
    assertThat(tasks).extracting(ParsedTask::deadline).containsExactly(LocalDate.of(2024, 10, 31), LocalDate.of(2024, 6, 30));
    assertThat(tasks.get(0).coUnits()).containsExactly("市工业和信息化局", "各结对区");
    assertThat(tasks.get(1).review()).as("a deadline read is no doubt").isNull();
  }
}
