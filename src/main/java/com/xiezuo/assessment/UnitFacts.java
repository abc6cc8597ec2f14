package com.xiezuo.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What the year's record holds for one unit, counted as the index system reads it, with the facts behind every count
 * (which tasks, reports, notices, cards and bulletins), each pointing at its record.
 */
public record UnitFacts(String unitId, String unitName, boolean district, int leadTasks, int coTasks, int leadDone,
    int coDone, int lateTasks, int indicatorCount, BigDecimal indicatorAttainment, int stretchReached,
    int missingReports, int emptyReports, int lateReports, int overdueRectifications, int redCards, int yellowCards,
    int praised, int criticised, List<Fact> facts) {

  /** One fact behind a count: the component it counts for, what kind of record, its id, and what it says. */
  public record Fact(String component, String kind, long recordId, String text) {

    /** The kind of record in words: a unit task, a card on one, a rectification notice, a bulletin. */
    public String kindLabel() {
      return switch (kind) {
        case "TASK" -> "单位任务";
        case "CARD" -> "督查亮牌（单位任务）";
        case "RECTIFICATION" -> "整改通知";
        case "BULLETIN" -> "督查通报";
        default -> kind;
      };
    }
  }

  /** Lead tasks count 1, co-unit tasks {@code coWeight}. */
  public BigDecimal weightedTasks(BigDecimal coWeight) {
    return BigDecimal.valueOf(leadTasks).add(coWeight.multiply(BigDecimal.valueOf(coTasks)));
  }

  /** Weighted done over weighted tasks; null for a unit with no tasks. */
  public BigDecimal completionRatio(BigDecimal coWeight) {
    BigDecimal tasks = weightedTasks(coWeight);
    if (tasks.signum() == 0) {
      return null;
    }
    BigDecimal done = BigDecimal.valueOf(leadDone).add(coWeight.multiply(BigDecimal.valueOf(coDone)));
    return done.divide(tasks, 6, RoundingMode.HALF_UP);
  }
}
