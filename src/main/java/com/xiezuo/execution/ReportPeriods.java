package com.xiezuo.execution;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Progress-report periods of a unit task ({@code xiezuo.reports.period}, default P1M = calendar months, each due at
 * its month end); the last period ends before the task deadline, where the completion report takes over.
 */
@Component
public class ReportPeriods {

  private final Period period;

  public ReportPeriods(@Value("${xiezuo.reports.period:P1M}") Period period) {
    if (period.isZero() || period.isNegative()) {
      throw new IllegalStateException("xiezuo.reports.period must be positive, e.g. P1M or P14D");
    }
    this.period = period;
  }

  /** The end of the first period after {@code after}, or null when the deadline comes first. */
  public LocalDate next(LocalDate after, LocalDate deadline) {
    LocalDate end = isMonthly() ? YearMonth.from(after).atEndOfMonth() : after.plus(period);
    if (isMonthly() && !end.isAfter(after)) {
      end = YearMonth.from(after).plusMonths(1).atEndOfMonth();
    }
    return end.isBefore(deadline) ? end : null;
  }

  /** Every period end from {@code from} up to (not including) the deadline. */
  public List<LocalDate> all(LocalDate from, LocalDate deadline) {
    List<LocalDate> ends = new ArrayList<>();
    LocalDate end = next(from.minusDays(1), deadline);
    while (end != null) {
      ends.add(end);
      end = next(end, deadline);
    }
    return ends;
  }

  public String label(LocalDate end) {
    return isMonthly() ? end.getYear() + " 年 " + end.getMonthValue() + " 月" : "截至 " + end + " 的一期";
  }

  private boolean isMonthly() {
    return period.equals(Period.ofMonths(1));
  }
}
