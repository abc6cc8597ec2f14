package com.xiezuo.decomposition;

import java.math.BigDecimal;

/** An agreement indicator of a plan, as the decomposition table shows it. */
public record IndicatorRow(long id, String taskNumber, String name, String statement, String comparator,
    BigDecimal total, String unit, BigDecimal stretch) {

  /** Ratios ("%") are targets each unit meets; amounts and counts are split and must sum to the total. */
  public boolean isSplit() {
    return !"%".equals(unit);
  }

  public String label() {
    return taskNumber + " " + (name == null || name.isBlank() ? statement : name);
  }
}
