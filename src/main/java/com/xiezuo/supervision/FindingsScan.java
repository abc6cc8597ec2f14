package com.xiezuo.supervision;

import com.xiezuo.execution.AssignmentStatus;
import com.xiezuo.execution.PlanExecutionFacts.AssignmentFacts;
import com.xiezuo.execution.PlanExecutionFacts.Indicator;
import com.xiezuo.execution.PlanExecutionFacts.Milestone;
import com.xiezuo.execution.ReportPeriods;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.plan.PlanDetail;
import com.xiezuo.workflow.Quantities;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is behind on the open unit tasks of a plan as of a day, from the record alone (no state of its own, so the same
 * data always gives the same findings):
 * <ul>
 *   <li>past the deadline and not finished;</li>
 *   <li>no progress report for the last period that ended before the day (a period handed out on or after its start);
 *   </li>
 *   <li>an amount or count below its time-proportional share (序时进度) of the unit's own target by more than the
 *   tolerance — time runs from 1 January of the plan year to the task's deadline; ratios are left out, they are not
 *   reached pro rata;</li>
 *   <li>a milestone whose date passed and that the unit has not marked done.</li>
 * </ul>
 */
public class FindingsScan {

  private final ReportPeriods periods;
  private final int tolerancePoints;

  public FindingsScan(ReportPeriods periods, int tolerancePoints) {
    this.periods = periods;
    this.tolerancePoints = tolerancePoints;
  }

  public List<Finding> scan(int planYear, Map<Long, PlanDetail.Task> tasksById, List<AssignmentFacts> facts,
      LocalDate asOf) {
    List<Finding> findings = new ArrayList<>();
    for (AssignmentFacts fact : facts) {
      UnitAssignment assignment = fact.assignment();
      PlanDetail.Task task = tasksById.get(assignment.planTaskId());
      if (task == null || assignment.status() != AssignmentStatus.ACTIVE) {
        continue;
      }
      LocalDate deadline = task.deadline();
      if (deadline.isBefore(asOf)) {
        long late = ChronoUnit.DAYS.between(deadline, asOf);
        findings.add(Finding.of(assignment.id(), assignment.unitId(), assignment.taskNumber(), FindingReason.OVERDUE,
            "截止日期 " + deadline + "，已逾期 " + late + " 天" + (fact.completionReported() ? "（已报完成，待审核）" : "，未报完成"),
            deadline));
      }
      if (!fact.completionReported()) {
        missingReport(fact, deadline, asOf).ifPresent(findings::add);
        findings.addAll(behindSchedule(fact, planYear, deadline, asOf));
      }
      for (Milestone milestone : fact.milestones()) {
        if (!milestone.done() && milestone.milestone().date().isBefore(asOf)) {
          findings.add(Finding.of(assignment.id(), assignment.unitId(), assignment.taskNumber(),
              FindingReason.MISSED_MILESTONE, "节点“" + milestone.milestone().text() + "”应于 "
                  + milestone.milestone().date() + " 前完成，尚未标记完成", milestone.milestone().date()));
        }
      }
    }
    return findings;
  }

  private Optional<Finding> missingReport(AssignmentFacts fact, LocalDate deadline, LocalDate asOf) {
    if (fact.handedOutOn() == null) {
      return Optional.empty();
    }
    List<LocalDate> ended = periods.all(fact.handedOutOn(), deadline).stream().filter(end -> end.isBefore(asOf))
        .toList();
    if (ended.isEmpty()) {
      return Optional.empty();
    }
    LocalDate last = ended.get(ended.size() - 1);
    if (fact.reportedPeriods().contains(last)) {
      return Optional.empty();
    }
    long missing = ended.stream().filter(end -> !fact.reportedPeriods().contains(end)).count();
    UnitAssignment assignment = fact.assignment();
    return Optional.of(Finding.of(assignment.id(), assignment.unitId(), assignment.taskNumber(),
        FindingReason.NO_REPORT, periods.label(last) + "进展未报送（应于 " + last + " 前报送）"
            + (missing > 1 ? "，累计 " + missing + " 期未报" : ""), last));
  }

  private List<Finding> behindSchedule(AssignmentFacts fact, int planYear, LocalDate deadline, LocalDate asOf) {
    LocalDate start = LocalDate.of(planYear, 1, 1);
    long span = ChronoUnit.DAYS.between(start, deadline);
    if (span <= 0 || !asOf.isAfter(start)) {
      return List.of();
    }
    BigDecimal elapsed = BigDecimal.valueOf(Math.min(span, ChronoUnit.DAYS.between(start, asOf)))
        .divide(BigDecimal.valueOf(span), 6, RoundingMode.HALF_UP);
    List<Finding> findings = new ArrayList<>();
    for (Indicator indicator : fact.indicators()) {
      if (indicator.indicator().isRatio() || indicator.target().signum() <= 0) {
        continue;
      }
      BigDecimal reached = indicator.standing().divide(indicator.target(), 6, RoundingMode.HALF_UP);
      BigDecimal gap = elapsed.subtract(reached).multiply(BigDecimal.valueOf(100));
      if (gap.compareTo(BigDecimal.valueOf(tolerancePoints)) <= 0) {
        continue;
      }
      String unit = indicator.indicator().unit();
      BigDecimal expected = asPrinted(indicator.target().multiply(elapsed), unit);
      UnitAssignment assignment = fact.assignment();
      findings.add(new Finding(assignment.id(), assignment.unitId(), assignment.taskNumber(),
          FindingReason.BEHIND_SCHEDULE, indicator.indicator().label() + "：台账 "
              + Quantities.format(indicator.standing(), unit) + "，为本单位目标 " + Quantities.format(indicator.target(), unit)
              + "的 " + percent(reached) + "；时间已过 " + percent(elapsed) + "（" + start + " 至 " + deadline
              + "），序时进度应达 " + Quantities.format(expected, unit), expected, indicator.standing(), null));
    }
    return findings;
  }

  /** Rounded as an office would print it: to 0.01 亿 or 0.01 万 for large amounts and counts, else two decimals. */
  static BigDecimal asPrinted(BigDecimal value, String unit) {
    BigDecimal step = new BigDecimal("0.01");
    if ("元".equals(unit) || "人".equals(unit) || "人次".equals(unit)) {
      if (value.abs().compareTo(new BigDecimal("100000000")) >= 0) {
        step = new BigDecimal("1000000");
      } else if (value.abs().compareTo(new BigDecimal("10000")) >= 0) {
        step = new BigDecimal("100");
      }
    }
    return value.divide(step, 0, RoundingMode.HALF_UP).multiply(step).stripTrailingZeros();
  }

  private static String percent(BigDecimal fraction) {
    return fraction.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).toPlainString() + "%";
  }
}
