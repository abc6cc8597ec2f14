package com.xiezuo.plan.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.directory.DirectorySnapshot;
import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitGroup;
import com.xiezuo.directory.UnitKind;
import com.xiezuo.plan.parse.ParsedTask;
import com.xiezuo.plan.parse.TaskReview;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Intake flags what a coordinator must look at: no units, no stated deadline, units the directory lacks. */
class IntakeReviewTest {

  private final DirectorySnapshot directory = new DirectorySnapshot(
      List.of(new Unit("finance", "市财政局", UnitKind.CITY_DEPARTMENT, null, List.of(), List.of()),
          new Unit("hrss", "市人力资源和社会保障局", UnitKind.CITY_DEPARTMENT, null, List.of(), List.of("市人社局"))),
      List.of(new UnitGroup("各结对区", "", List.of("finance"))));

  private ParsedTask task(String lead, List<String> co, String deadlineText, boolean yearRound) {
    return new ParsedTask("1", null, "任务", null, lead, co, LocalDate.of(2024, 12, 31), deadlineText, yearRound,
        List.of(), List.of());
  }

  @Test
  void aTaskWithKnownUnitsAndADeadlineIsSure() {
    TaskReview review = IntakeReview.review(task("市财政局", List.of("市人社局", "各结对区"), "10 月底前", false), directory);
    assertThat(review.flagged()).isFalse();
    assertThat(review.confidence()).isEqualTo(1.0);
  }

  @Test
  void aTaskWithoutUnitsOrDeadlineIsFlaggedWithBothReasons() {
    TaskReview review = IntakeReview.review(task(null, List.of(), null, false), directory);
    assertThat(review.attention()).containsExactly("未识别出责任单位", "未写明完成时限（暂按年底）");
    assertThat(review.confidence()).isEqualTo(0.3);
  }

  @Test
  void unitsTheDirectoryDoesNotKnowAreNamed() {
    TaskReview review = IntakeReview.review(task("市财政局", List.of("市文旅局"), null, true), directory);
    assertThat(review.attention()).containsExactly("单位名录中没有：市文旅局");
    assertThat(review.confidence()).isEqualTo(0.85);
  }
}
