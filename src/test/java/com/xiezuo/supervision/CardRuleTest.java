package com.xiezuo.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Card transitions as supervision offices run them: red steps down to yellow, then green a round later. */
class CardRuleTest {

  static final Finding OVERDUE = Finding.of(1, "hrss", "2", FindingReason.OVERDUE, "已逾期 3 天", LocalDate.of(2026, 6, 30));
  static final Finding NO_REPORT = Finding.of(1, "hrss", "2", FindingReason.NO_REPORT, "9 月未报", LocalDate.of(2026, 9, 30));
  static final Finding BEHIND = Finding.of(1, "hrss", "2", FindingReason.BEHIND_SCHEDULE, "低于序时进度", null);

  @Test
  void overdueIsRedThenOnceCaughtUpYellowThenGreen() {
    CardRule.Decision first = CardRule.decide(null, null, List.of(OVERDUE, NO_REPORT), null);
    assertThat(first).isEqualTo(new CardRule.Decision(CardColor.RED, "逾期未完成"));
    CardRule.Decision second = CardRule.decide(first.color(), null, List.of(), null);
    assertThat(second.color()).as("red steps down, not straight to green").isEqualTo(CardColor.YELLOW);
    assertThat(second.reason()).contains("上轮红牌").contains("降为黄牌");
    assertThat(CardRule.decide(second.color(), null, List.of(), null))
        .isEqualTo(new CardRule.Decision(CardColor.GREEN, "按计划推进"));
  }

  @Test
  void otherFindingsAndANearDeadlineAreYellowNamingTheReasons() {
    assertThat(CardRule.decide(CardColor.GREEN, null, List.of(NO_REPORT, BEHIND, NO_REPORT), null))
        .isEqualTo(new CardRule.Decision(CardColor.YELLOW, "未按期报送进展、指标低于序时进度"));
    assertThat(CardRule.decide(CardColor.RED, null, List.of(BEHIND), null).reason()).isEqualTo("指标低于序时进度");
    assertThat(CardRule.decide(CardColor.GREEN, null, List.of(), LocalDate.of(2026, 10, 31)))
        .isEqualTo(new CardRule.Decision(CardColor.YELLOW, "临近截止日期（2026-10-31）"));
  }

  @Test
  void aRedCardRaisedByHandStaysRedWhateverTheRecordSays() {
    assertThat(CardRule.decide(CardColor.GREEN, "项目严重滞后，群众反映强烈", List.of(), null))
        .isEqualTo(new CardRule.Decision(CardColor.RED, "督查人员亮红牌：项目严重滞后，群众反映强烈"));
  }
}
