package com.xiezuo.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The parser keeps its accuracy on every gold notice: the figures of ParserAccuracy, each at least 0.98. */
class ParserAccuracyTest {

  @ParameterizedTest
  @FieldSource("com.xiezuo.plan.parse.ParserAccuracy#GOLD_FILES")
  void parsesTheGoldNoticeAccurately(String gold) throws IOException {
    ParserAccuracy.Score score = ParserAccuracy.score(gold);
    assertThat(score.taskRecall()).as("tasks found %s", score.misses()).isGreaterThanOrEqualTo(0.98);
    assertThat(score.unitPrecision()).as("unit precision %s", score.misses()).isGreaterThanOrEqualTo(0.98);
    assertThat(score.unitRecall()).as("unit recall %s", score.misses()).isGreaterThanOrEqualTo(0.98);
    assertThat(score.leadAccuracy()).as("lead accuracy %s", score.misses()).isGreaterThanOrEqualTo(0.98);
    assertThat(score.deadlineAccuracy()).as("deadline accuracy %s", score.misses()).isGreaterThanOrEqualTo(0.98);
    assertThat(score.indicatorRecall()).as("indicator recall %s", score.misses()).isGreaterThanOrEqualTo(0.98);
    assertThat(score.indicatorPrecision()).as("indicator precision %s", score.misses()).isGreaterThanOrEqualTo(0.95);
    assertThat(score.taskCountExact()).as("no task missing or extra %s", score.misses()).isTrue();
    assertThat(score.headerAccuracy()).as("header %s", score.misses()).isEqualTo(1.0);
  }
}
