package com.xiezuo.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bodies made to stall a parser (repeated brackets, endless label lines) are read or refused in linear time. The
 * bound is generous — a linear reading takes well under a second, the quadratic one this replaces took minutes.
 */
class HostileNoticesTest {

  private static final Duration GUARD = Duration.ofSeconds(15);

  static Stream<Arguments> bodies() {
    return Stream.of(
        Arguments.of("40,000 repeated characters", (Supplier<String>) () -> "一、" + "啊".repeat(40_000)),
        Arguments.of("200,000 opening brackets", (Supplier<String>) () -> "一、" + "（".repeat(200_000)),
        Arguments.of("30,000 label lines in one item", (Supplier<String>) () -> "2031年工作要点\n一、重点任务\n1.工作\n"
            + "牵头单位：市发改委\n".repeat(30_000)),
        Arguments.of("a 40,000-unit list", (Supplier<String>) () -> "2031年工作要点\n一、重点任务\n1.工作（责任单位："
            + "市发改委、".repeat(40_000) + "）"),
        Arguments.of("250,000 short lines", (Supplier<String>) () -> "x\n".repeat(250_000)),
        Arguments.of("80,000 label lines without a task", (Supplier<String>) () -> "牵头单位：\n".repeat(80_000)),
        Arguments.of("100,000 counts", (Supplier<String>) () -> "2031年工作要点\n一、重点任务\n1.工作，培训"
            + "1个".repeat(100_000)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void isReadOrRefusedQuickly(String name, Supplier<String> body) {
    String text = body.get();
    assertTimeoutPreemptively(GUARD, () -> {
      try {
        ParsedPlan plan = new NoticeParser().parse(text, 2031);
        assertThat(plan.tasks()).hasSizeLessThanOrEqualTo(ParsedPlan.MAX_TASKS);
      } catch (NoticeParseException refused) {
        assertThat(refused.getMessage()).isNotBlank();
      }
    });
  }

  @org.junit.jupiter.api.Test
  void moreTasksThanAPlanHoldsAreRefused() {
    StringBuilder notice = new StringBuilder("2031年工作要点\n一、重点任务\n");
    for (int i = 1; i <= 600; i++) {
      notice.append(i).append(".工作").append(i).append("（责任单位：市发改委）\n");
    }
    assertThatThrownBy(() -> new NoticeParser().parse(notice.toString(), 2031))
        .isInstanceOf(NoticeParseException.class).hasMessageContaining("识别出 600 项任务").hasMessageContaining("上限 500");
  }
}
