package com.xiezuo.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Layout variants real notices use, each in a small notice of its own. */
class NoticeParserTest {

  private final NoticeParser parser = new NoticeParser();

  private ParsedTask only(String notice, int year) {
    List<ParsedTask> tasks = parser.parse(notice, year).tasks();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  @Test
  void fullWidthItemDotsHalfWidthSectionsAndLabelledLeadAndCoUnits() {
    String notice = """
        二、重点任务
        (一)产业协作
        1．共建园区。推动园区提质增效。（牵头单位：区发展改革局；配合单位：区商务局、各镇（街道）；完成时限：9月底前）
        2．招商引资。新增落地企业 3 家以上。（牵头单位：区投资促进局；完成时限：全年）
        (二)劳务协作
        1．稳岗就业。帮助转移就业不低于 500 人。（牵头单位：区人社局；配合单位：区乡村振兴局）
        """;
    List<ParsedTask> tasks = parser.parse(notice, 2024).tasks();
    assertThat(tasks).extracting(ParsedTask::number).containsExactly("1.1", "1.2", "2.1");
    ParsedTask first = tasks.get(0);
    assertThat(first.section()).isEqualTo("产业协作");
    assertThat(first.title()).isEqualTo("共建园区");
    assertThat(first.leadUnit()).isEqualTo("区发展改革局");
    assertThat(first.coUnits()).containsExactly("区商务局", "各镇（街道）");
    assertThat(first.deadline()).isEqualTo(LocalDate.of(2024, 9, 30));
    assertThat(tasks.get(1).yearRound()).isTrue();
    assertThat(tasks.get(2).deadline()).as("no deadline: year end").isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(tasks.get(2).deadlineText()).isNull();
  }

  @Test
  void chineseNumberedTopSectionsAsTasksWithLeadThenCoSentence() {
    String notice = """
        一、加强组织领导。召开专题会议不少于 2 次。区委办牵头，区政府办、区乡村振兴局配合。
        二、做好总结。年底前形成总结报告。（区乡村振兴局）
        """;
    List<ParsedTask> tasks = parser.parse(notice, 2024).tasks();
    assertThat(tasks).extracting(ParsedTask::number).as("numbers as printed").containsExactly("一", "二");
    assertThat(tasks.get(0).leadUnit()).isEqualTo("区委办");
    assertThat(tasks.get(0).coUnits()).containsExactly("区政府办", "区乡村振兴局");
    assertThat(tasks.get(0).content()).doesNotContain("牵头");
    assertThat(tasks.get(1).leadUnit()).as("bare trailing list").isEqualTo("区乡村振兴局");
  }

  @Test
  void subItemsAreTasksOfTheirOwnNumberedUnderTheirItem() {
    String notice = """
        二、重点工作任务
        （一）助力巩固拓展脱贫攻坚成果
        5.强化劳务协作
        （1）持续共建就业基地。（责任单位：市人社局、各结对区；完成时限：12 月底前）
        （2）加大劳务输出力度。（时间：1-11 月；责任单位：市国资委）
        6.强化消费协作。建好专馆。（责任单位：市商务局；完成时限：全年实施）
        """;
    List<ParsedTask> tasks = parser.parse(notice, 2023).tasks();
    assertThat(tasks).extracting(ParsedTask::number).containsExactly("5(1)", "5(2)", "6");
    assertThat(tasks.get(0).title()).isEqualTo("强化劳务协作");
    assertThat(tasks.get(0).coUnits()).containsExactly("各结对区");
    assertThat(tasks.get(1).deadline()).isEqualTo(LocalDate.of(2023, 11, 30));
  }

  @Test
  void pdfTextWithPageNumbersBrokenWordsAndFullWidthDigits() {
    String notice = """
        三、主要任务

        1.落 实医疗帮扶。选派医生不少于 １０ 名，６月底前完成

        首批派驻。（责任单位：区卫生健



        — ６ —

        康局、区人社局；完成时限：１０ 月底前）

        - 10 -

        2.强化宣传。（责任单位：区委宣传部）
        """;
    List<ParsedTask> tasks = parser.parse(notice, 2024).tasks();
    ParsedTask task = tasks.get(0);
    assertThat(task.title()).isEqualTo("落实医疗帮扶");
    assertThat(task.leadUnit()).isEqualTo("区卫生健康局");
    assertThat(task.coUnits()).containsExactly("区人社局");
    assertThat(task.deadline()).isEqualTo(LocalDate.of(2024, 10, 31));
    assertThat(task.indicators()).singleElement().satisfies(i -> assertThat(i.value()).isEqualByComparingTo("10"));
    assertThat(task.milestones()).singleElement()
        .satisfies(m -> assertThat(m.date()).isEqualTo(LocalDate.of(2024, 6, 30)));
    assertThat(tasks).hasSize(2);
  }

  @Test
  void headerGivesTitleIssuerDocumentNumberAndYear() {
    String notice = """
        珠委农组〔2023〕4 号
        关于印发《珠海市 2023 年东西部协作
        工作要点》的通知
        各区：
        现将《珠海市 2023 年东西部协作工作要点》印发给你们。
        中共珠海市委农村工作领导小组
        2023 年 5 月 6 日
        一、重点任务
        1.完善机制。（责任单位：市乡村振兴局）
        """;
    ParsedPlan plan = parser.parse(notice, null);
    assertThat(plan.title()).isEqualTo("珠海市 2023 年东西部协作工作要点");
    assertThat(plan.year()).isEqualTo(2023);
    assertThat(plan.issuer()).isEqualTo("中共珠海市委农村工作领导小组");
    assertThat(plan.docNumber()).isEqualTo("珠委农组〔2023〕4 号");
  }

  @Test
  void emptyTextIsRefused() {
    assertThatThrownBy(() -> parser.parse("  \n ", 2023)).isInstanceOf(NoticeParseException.class)
        .hasMessageContaining("为空");
  }

  @Test
  void textWithoutTasksIsRefusedSayingWhatIsMissing() {
    assertThatThrownBy(() -> parser.parse("各位同事：本周五下午召开会议，请准时参加。", 2023))
        .isInstanceOf(NoticeParseException.class).hasMessageContaining("未识别出任何任务");
  }

  @Test
  void binaryGarbageIsRefused() {
    String garbage = new String(new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 3, 4, 5, 0, 0, 7, 8, 9, 0, 1, 2, 3},
        java.nio.charset.StandardCharsets.UTF_8).repeat(20);
    assertThatThrownBy(() -> parser.parse(garbage, 2023)).isInstanceOf(NoticeParseException.class)
        .hasMessageContaining("不是可读的文本");
  }

  @Test
  void anOversizedTextIsRefused() {
    assertThatThrownBy(() -> parser.parse("一".repeat(NoticeParser.MAX_CHARACTERS + 1), 2023))
        .isInstanceOf(NoticeParseException.class).hasMessageContaining("过长");
  }

  @Test
  void theZhuhaiSeedGives32LeafTasks() throws Exception {
    String notice = new String(getClass().getClassLoader().getResourceAsStream("seeds/zhuhai-2023-notice.txt")
        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    ParsedPlan plan = parser.parse(notice, 2023);
    assertThat(plan.tasks()).hasSize(32);
    assertThat(plan.tasks().get(2).indicators()).extracting(ParsedIndicator::name)
        .containsExactly("财政援助资金投入", "产业发展资金比例");
  }
}
