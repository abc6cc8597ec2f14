package com.xiezuo.supervision.bulletin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The figures a bulletin states, per unit and per indicator: every unit task of the round counted once as done, on
 * track, at risk or overdue; its indicators against the allocated targets; the round's notices and cards.
 */
public record BulletinFigures(List<UnitFigures> units, List<IndicatorFigure> indicators) {

  /**
   * One unit's row. A unit task is done when it is finished, overdue when an overdue finding of the round stands on
   * it, at risk when any other finding stands or its card is not green, and on track otherwise.
   */
  public record UnitFigures(String unitId, String unitName, boolean district, int tasks, int done, int onTrack,
      int atRisk, int overdue, int indicators, int indicatorsMet, int rectificationsIssued, int rectificationsClosed,
      int redCards, int yellowCards) {}

  /** A unit's indicator: its allocated target and what its ledger holds. */
  public record IndicatorFigure(String unitId, String unitName, String taskNumber, String label, String measure,
      String comparator, BigDecimal target, BigDecimal actual) {

    /** Reached: at least the target, or for a ceiling ("不超过") at most it. */
    public boolean met() {
      return "<=".equals(comparator) ? actual.compareTo(target) <= 0 : actual.compareTo(target) >= 0;
    }

    /** Percent of the target reached, to one decimal; null for a target of zero. */
    public BigDecimal rate() {
      return target.signum() == 0 ? null
          : actual.multiply(BigDecimal.valueOf(100)).divide(target, 1, RoundingMode.HALF_UP);
    }
  }

  public List<UnitFigures> districts() {
    return units.stream().filter(UnitFigures::district).toList();
  }

  public List<UnitFigures> others() {
    return units.stream().filter(unit -> !unit.district()).toList();
  }

  /** The sum of one column over every unit. */
  public int total(ToIntFunction<UnitFigures> column) {
    return units.stream().mapToInt(column).sum();
  }

  public List<IndicatorFigure> indicatorsOf(String unitId) {
    return indicators.stream().filter(indicator -> indicator.unitId().equals(unitId)).toList();
  }
}
