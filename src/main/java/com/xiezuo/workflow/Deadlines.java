package com.xiezuo.workflow;

import com.xiezuo.XiezuoApplication;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Dates the way the plan means them: "10 月底前" is due at the end of 10-31, Shanghai time. */
public final class Deadlines {

  public static final ZoneId ZONE = ZoneId.of(XiezuoApplication.TIME_ZONE);

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

  private Deadlines() {}

  public static Date endOfDay(LocalDate date) {
    return Date.from(date.atTime(LocalTime.of(23, 59, 59)).atZone(ZONE).toInstant());
  }

  public static Date at(LocalDate date, LocalTime time) {
    return Date.from(date.atTime(time).atZone(ZONE).toInstant());
  }

  public static LocalDate toLocalDate(Date date) {
    return date.toInstant().atZone(ZONE).toLocalDate();
  }

  /** Now, as the engine sees it (tests move the engine clock). */
  public static Date now() {
    return ClockUtil.getCurrentTime();
  }

  /** "2026-09-01 10:00" in the city's time, as pages and forms show a moment. */
  public static String minute(Instant instant) {
    return MINUTE.format(instant);
  }

  /**
   * A date as a form or page sends it: "2026-10-31", also with a time after it (a date picker may add one); empty
   * when blank or not a date, for the caller to say so in its own words.
   */
  public static Optional<LocalDate> typedDate(String typed) {
    if (typed == null || typed.isBlank()) {
      return Optional.empty();
    }
    String text = typed.strip();
    try {
      return Optional.of(LocalDate.parse(text.substring(0, Math.min(10, text.length()))));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  public static LocalDate today() {
    return toLocalDate(now());
  }
}
