package com.xiezuo.home;

import com.xiezuo.plan.PlanSummary;
import com.xiezuo.progress.UnitRate;
import com.xiezuo.progress.TaskBucket;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A plan at a glance, as far as the viewer may see it: unit tasks by state, completion month by month against what
 * was due, the next deadlines, overdue work by unit, each unit's completion rate, indicator attainment against the
 * targets and signed shares, and for those who see every unit the latest supervision round and the assessment.
 */
public record PlanDashboard(PlanSummary plan, LocalDate asOf, boolean wholePlan, Map<TaskBucket, Integer> counts,
    List<Month> completion, List<Line> dueSoon, List<UnitCount> overdueByUnit, List<UnitRate> units,
    List<IndicatorBar> indicators, Supervision supervision, Ranking ranking) {

  /** One unit task as a list shows it. */
  public record Line(long assignmentId, String taskNumber, String taskTitle, String unitId, String unitName,
      String roleLabel, String statusLabel, String light, String lightLabel, LocalDate deadline) {}

  /** Completed by the end of a month against due by then (cancelled work counts in neither). */
  public record Month(String label, int due, int done) {}

  public record UnitCount(String unitId, String unitName, int count) {}

  /**
   * An indicator's target and what the ledger shows so far; per unit with its signed share. {@code leadUnitId} is
   * set when the headline is the lead unit's consolidated ledger (the list behind it is that unit's entries).
   */
  public record IndicatorBar(long indicatorId, String taskNumber, String name, String unit, BigDecimal target,
      BigDecimal achieved, boolean ratio, String leadUnitId, List<UnitShare> shares) {
    public int percent() {
      return target == null || target.signum() == 0 ? 0
          : achieved.multiply(BigDecimal.valueOf(100)).divide(target, 0, java.math.RoundingMode.DOWN).intValue();
    }
  }

  public record UnitShare(String unitId, String unitName, BigDecimal target, BigDecimal achieved) {}

  /** The latest supervision round: its findings and cards; the plan's rectification notices. */
  public record Supervision(long roundId, int number, LocalDate asOf, String statusLabel, int findings, int red,
      int yellow, int green, int rectificationsOpen, int rectificationsOverdue, int rectificationsClosed) {}

  /** The latest published assessment's district ranking; without one, where the latest version stands (no ranking). */
  public record Ranking(long assessmentId, int version, String statusLabel, boolean published, List<Ranked> districts) {}

  public record Ranked(String unitName, Integer rank, BigDecimal total, String grade) {}
}
