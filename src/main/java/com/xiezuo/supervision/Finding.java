package com.xiezuo.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One thing a round found behind on one unit task, with the figures it rests on: for a schedule the expected and
 * actual values, for a deadline, period or milestone the date that passed ({@code referenceDate}).
 */
public record Finding(long assignmentId, String unitId, String taskNumber, FindingReason reason, String detail,
    BigDecimal expected, BigDecimal actual, LocalDate referenceDate) {

  public static Finding of(long assignmentId, String unitId, String taskNumber, FindingReason reason, String detail,
      LocalDate referenceDate) {
    return new Finding(assignmentId, unitId, taskNumber, reason, detail, null, null, referenceDate);
  }
}
