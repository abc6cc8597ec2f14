package com.xiezuo.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlineParserTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "10 月底前, 2023-10-31, false",
      "10月底前, 2023-10-31, false",
      "全年实施, 2023-12-31, true",
      "1-11 月, 2023-11-30, false",
      "1－11月, 2023-11-30, false",
      "2019 年 11 月, 2019-11-30, false",
      "11 月 15 日前, 2023-11-15, false",
      "2 月底前, 2023-02-28, false",
      "上半年, 2023-06-30, false",
      "第三季度, 2023-09-30, false",
      "2024 年 6 月 30 日前, 2024-06-30, false",
      "12 月 20 日前, 2023-12-20, false",
      "2023.9.30, 2023-09-30, false",
      "2023-09-30, 2023-09-30, false",
      "2023/9/30 前, 2023-09-30, false",
      "2023.09, 2023-09-30, false",
      "2023 年 6 月上旬, 2023-06-10, false",
      "2023年6月中旬前, 2023-06-20, false",
      "三季度末, 2023-09-30, false",
      "每季度, 2023-12-31, false",
  })
  void readsTheDeadlinesNoticesPrint(String text, LocalDate date, boolean yearRound) {
    var deadline = DeadlineParser.parse(NoticeText.cleanLine(text), 2023).orElseThrow();
    assertThat(deadline.date()).isEqualTo(date);
    assertThat(deadline.yearRound()).isEqualTo(yearRound);
  }

  @ParameterizedTest
  @CsvSource({"尽快", "按要求", "''"})
  void statesNoDeadlineWhereThereIsNone(String text) {
    assertThat(DeadlineParser.parse(text, 2023)).isEmpty();
  }
}
