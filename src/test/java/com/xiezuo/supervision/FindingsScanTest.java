package com.xiezuo.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.decomposition.IndicatorRow;
import com.xiezuo.execution.AssignmentStatus;
import com.xiezuo.execution.PlanExecutionFacts.AssignmentFacts;
import com.xiezuo.execution.PlanExecutionFacts.Indicator;
import com.xiezuo.execution.PlanExecutionFacts.Milestone;
import com.xiezuo.execution.ReportPeriods;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.plan.PlanDetail;
import com.xiezuo.plan.PlanMilestone;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each reason a round lists a unit task, with the figures it states — the expected findings written out first, for
 * a plan of 2026 looked at on 1 October (day 273 of the year).
 */
class FindingsScanTest {

  static final LocalDate AS_OF = LocalDate.of(2026, 10, 1);
  static final FindingsScan SCAN = new FindingsScan(new ReportPeriods(Period.ofMonths(1)), 15);

  static final PlanDetail.Task FUNDS_TASK = task(1, "1", LocalDate.of(2026, 12, 31));
  static final PlanDetail.Task LABOUR_TASK = task(2, "2", LocalDate.of(2026, 6, 30));
  static final IndicatorRow FUNDS = new IndicatorRow(11, "1", "财政援助资金投入", "不少于 4.2 亿元", ">=",
      new BigDecimal("420000000"), "元", null);
  static final IndicatorRow SHARE = new IndicatorRow(12, "1", "产业发展资金比例", "55%", ">=", new BigDecimal("55"), "%",
      null);

  @Test
  void aTaskPastItsDeadlineIsOverdueSayingByHowManyDays() {
    List<Finding> findings = scan(facts(assignment(1, LABOUR_TASK, "hrss", AssignmentStatus.ACTIVE),
        LocalDate.of(2026, 3, 2), allMonths(3, 5), false, List.of(), List.of()));
    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.reason()).isEqualTo(FindingReason.OVERDUE);
      assertThat(finding.detail()).isEqualTo("截止日期 2026-06-30，已逾期 93 天，未报完成");
      assertThat(finding.referenceDate()).isEqualTo(LocalDate.of(2026, 6, 30));
    });
  }

  @Test
  void aMissingReportForTheLastEndedPeriodIsFoundWithHowManyAreMissing() {
    List<Finding> findings = scan(facts(assignment(2, FUNDS_TASK, "doumen", AssignmentStatus.ACTIVE),
        LocalDate.of(2026, 5, 10), Set.of(LocalDate.of(2026, 5, 31), LocalDate.of(2026, 7, 31)), false, List.of(),
        List.of()));
    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.reason()).isEqualTo(FindingReason.NO_REPORT);
      assertThat(finding.detail()).isEqualTo("2026 年 9 月进展未报送（应于 2026-09-30 前报送），累计 3 期未报");
      assertThat(finding.referenceDate()).isEqualTo(LocalDate.of(2026, 9, 30));
    });
    assertThat(scan(facts(assignment(2, FUNDS_TASK, "doumen", AssignmentStatus.ACTIVE), LocalDate.of(2026, 9, 20),
        Set.of(LocalDate.of(2026, 9, 30)), false, List.of(), List.of()))).as("the last period reported").isEmpty();
    assertThat(scan(facts(assignment(2, FUNDS_TASK, "doumen", AssignmentStatus.ACTIVE), LocalDate.of(2026, 10, 1),
        Set.of(), false, List.of(), List.of()))).as("handed out today: no period has ended yet").isEmpty();
  }

  @Test
  void anAmountBelowItsTimeProportionalShareBeyondTheToleranceIsBehindWithTheFigures() {
    // 273 of 364 days = 75 %; 1.68 亿 of 4.2 亿 = 40 %: 35 points behind
    List<Finding> findings = scan(facts(assignment(3, FUNDS_TASK, "jinwan", AssignmentStatus.ACTIVE),
        LocalDate.of(2026, 3, 2), allMonths(3, 9), false,
        List.of(new Indicator(FUNDS, new BigDecimal("420000000"), new BigDecimal("168000000")),
            new Indicator(SHARE, new BigDecimal("55"), BigDecimal.ZERO)), List.of()));
    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.reason()).isEqualTo(FindingReason.BEHIND_SCHEDULE);
      assertThat(finding.detail()).isEqualTo("1 财政援助资金投入：台账 1.68 亿元，为本单位目标 4.2 亿元的 40%；"
          + "时间已过 75%（2026-01-01 至 2026-12-31），序时进度应达 3.15 亿元");
      assertThat(finding.expected()).isEqualByComparingTo("315000000");
      assertThat(finding.actual()).isEqualByComparingTo("168000000");
    });
  }

  @Test
  void withinTheToleranceARatioAndAReportedCompletionAreNotBehind() {
    AssignmentFacts sixtyPercent = facts(assignment(3, FUNDS_TASK, "jinwan", AssignmentStatus.ACTIVE),
        LocalDate.of(2026, 3, 2), allMonths(3, 9), false,
        List.of(new Indicator(FUNDS, new BigDecimal("420000000"), new BigDecimal("252000000"))), List.of());
    assertThat(scan(sixtyPercent)).as("75 % of the time, 60 % done: 15 points, within the tolerance").isEmpty();
    AssignmentFacts reported = facts(assignment(3, FUNDS_TASK, "jinwan", AssignmentStatus.ACTIVE),
        LocalDate.of(2026, 3, 2), Set.of(), true,
        List.of(new Indicator(FUNDS, new BigDecimal("420000000"), BigDecimal.ZERO)), List.of());
    assertThat(scan(reported)).as("completion reported: neither a report nor the schedule is chased").isEmpty();
  }

  @Test
  void aMilestonePastItsDateAndNotMarkedDoneIsMissed() {
    PlanMilestone meeting = new PlanMilestone(31, LocalDate.of(2026, 9, 15), "召开联席会议");
    PlanMilestone later = new PlanMilestone(32, LocalDate.of(2026, 11, 15), "完成年度总结");
    PlanMilestone done = new PlanMilestone(33, LocalDate.of(2026, 4, 30), "签订协议");
    List<Finding> findings = scan(facts(assignment(4, FUNDS_TASK, "rrb", AssignmentStatus.ACTIVE),
        LocalDate.of(2026, 3, 2), allMonths(3, 9), false, List.of(),
        List.of(new Milestone(meeting, false), new Milestone(later, false), new Milestone(done, true))));
    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.reason()).isEqualTo(FindingReason.MISSED_MILESTONE);
      assertThat(finding.detail()).isEqualTo("节点“召开联席会议”应于 2026-09-15 前完成，尚未标记完成");
    });
  }

  @Test
  void finishedAndCancelledTasksAreLeftAlone() {
    assertThat(scan(facts(assignment(5, LABOUR_TASK, "hrss", AssignmentStatus.COMPLETED), LocalDate.of(2026, 3, 2),
        Set.of(), false, List.of(), List.of()))).isEmpty();
    assertThat(scan(facts(assignment(6, LABOUR_TASK, "health", AssignmentStatus.CANCELLED), LocalDate.of(2026, 3, 2),
        Set.of(), false, List.of(), List.of()))).isEmpty();
  }

  private static List<Finding> scan(AssignmentFacts facts) {
    return SCAN.scan(2026, Map.of(FUNDS_TASK.id(), FUNDS_TASK, LABOUR_TASK.id(), LABOUR_TASK), List.of(facts), AS_OF);
  }

  private static AssignmentFacts facts(UnitAssignment assignment, LocalDate handedOut, Set<LocalDate> reported,
      boolean completionReported, List<Indicator> indicators, List<Milestone> milestones) {
    return new AssignmentFacts(assignment, handedOut, reported, completionReported, indicators, milestones);
  }

  private static Set<LocalDate> allMonths(int from, int to) {
    return java.util.stream.IntStream.rangeClosed(from, to)
        .mapToObj(month -> java.time.YearMonth.of(2026, month).atEndOfMonth())
        .collect(java.util.stream.Collectors.toSet());
  }

  private static UnitAssignment assignment(long id, PlanDetail.Task task, String unit, AssignmentStatus status) {
    return new UnitAssignment(id, 1, task.id(), task.number(), unit, UnitAssignment.LEAD, (int) id,
        "plan/2026/1/task/" + task.number() + "/unit/" + unit, "pi-" + id, status, false);
  }

  private static PlanDetail.Task task(long id, String number, LocalDate deadline) {
    return new PlanDetail.Task(id, number, "章节", "任务" + number, "内容", deadline, "年底前", false, "ACTIVE", List.of(),
        List.of(), List.of());
  }
}
