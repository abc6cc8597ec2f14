package com.xiezuo.reminder;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When reminders go out: {@code xiezuo.reminders.before} (default P7D,P1D) before each deadline, counted in
 * calendar days or, with {@code xiezuo.reminders.working-days=true}, in working days; sent at
 * {@code xiezuo.reminders.time} (09:00).
 */
@Component
public class ReminderSettings {

  private final List<Period> offsets;
  private final boolean workingDays;
  private final LocalTime time;
  private final WorkCalendar calendar;

  public ReminderSettings(@Value("${xiezuo.reminders.before:P7D,P1D}") String before,
      @Value("${xiezuo.reminders.working-days:false}") boolean workingDays,
      @Value("${xiezuo.reminders.time:09:00}") LocalTime time, WorkCalendar calendar) {
    this.offsets = Arrays.stream(before.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Period::parse)
        .sorted(Comparator.comparingInt(ReminderSettings::days).reversed()).toList();
    if (offsets.isEmpty() || offsets.stream().anyMatch(p -> p.isNegative() || p.isZero() || p.toTotalMonths() != 0)) {
      throw new IllegalStateException("xiezuo.reminders.before must list day periods such as P7D,P1D, not '" + before + "'");
    }
    this.workingDays = workingDays;
    this.time = time;
    this.calendar = calendar;
  }

  public List<Period> offsets() {
    return offsets;
  }

  public LocalTime time() {
    return time;
  }

  /** The day a reminder {@code offset} before {@code deadline} is due. */
  public LocalDate reminderDay(LocalDate deadline, Period offset) {
    return workingDays ? calendar.workingDaysBefore(deadline, days(offset)) : deadline.minus(offset);
  }

  /** Yellow: the earliest reminder of the deadline is due, the deadline not yet passed. */
  public boolean isInWindow(LocalDate deadline, LocalDate today) {
    return !today.isAfter(deadline) && !today.isBefore(reminderDay(deadline, offsets.get(0)));
  }

  public boolean workingDays() {
    return workingDays;
  }

  static int days(Period period) {
    return period.getDays();
  }
}
