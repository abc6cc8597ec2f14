package com.xiezuo.plan.parse;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deadlines as notices print them: "10 月底前" → 10-31 of the plan year; "全年实施" → 12-31, year-round;
 * "1-11 月" → 11-30; "2019 年 11 月" → 2019-11-30; "11 月 15 日前" → 11-15; "上半年" → 06-30; "2025.9.30" → 2025-09-30;
 * "每季度" (a recurring duty) → the year's end.
 */
public final class DeadlineParser {

  public record Deadline(LocalDate date, boolean yearRound) {}

  private static final Pattern YEAR_ROUND = Pattern.compile("全年|长期|常态化|持续推进");
  private static final Pattern FULL_DATE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
  /** "2025.9.30", "2025-09-30", "2025/9/30": dates as spreadsheets and forms write them. */
  private static final Pattern NUMERIC_DATE = Pattern.compile("(?<!\\d)(\\d{4})\\s*([./-])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{1,2})(?!\\d)");
  /** "2025.09", "2025-9": a year and month only. */
  private static final Pattern NUMERIC_MONTH = Pattern.compile("(?<!\\d)(\\d{4})\\s*[./-]\\s*(\\d{1,2})(?![\\d./-])");
  private static final Pattern YEAR_MONTH_RANGE = Pattern.compile(
      "(\\d{4})\\s*年\\s*(?:\\d{1,2}\\s*[-—~至到]\\s*)?(\\d{1,2})\\s*月(?:份)?\\s*(上旬|中旬|下旬|底|末)?");
  private static final Pattern PERIODIC = Pattern.compile("每季度|每月|每半年|按季度|按月|每年");
  private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
  private static final Pattern MONTH_RANGE = Pattern.compile("(\\d{1,2})\\s*[-—~至到]\\s*(\\d{1,2})\\s*月");
  private static final Pattern MONTH = Pattern.compile("(\\d{1,2})\\s*月(?:份)?\\s*(上旬|中旬|下旬|底|末)?");
  private static final Pattern QUARTER = Pattern.compile("第?([一二三四1-4])季度");

  private DeadlineParser() {}

  /** The deadline a text states, in the plan year unless it names its own year; empty if it states none. */
  public static Optional<Deadline> parse(String text, int planYear) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Matcher m = FULL_DATE.matcher(text);
    if (m.find()) {
      return date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), false);
    }
    m = NUMERIC_DATE.matcher(text);
    if (m.find()) {
      return date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), false);
    }
    m = YEAR_MONTH_RANGE.matcher(text);
    if (m.find()) {
      return withinMonth(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3));
    }
    m = NUMERIC_MONTH.matcher(text);
    if (m.find()) {
      return monthEnd(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), false);
    }
    m = MONTH_DAY.matcher(text);
    if (m.find()) {
      return date(planYear, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), false);
    }
    m = MONTH_RANGE.matcher(text);
    if (m.find()) {
      return monthEnd(planYear, Integer.parseInt(m.group(2)), false);
    }
    m = MONTH.matcher(text);
    if (m.find()) {
      return withinMonth(planYear, Integer.parseInt(m.group(1)), m.group(2));
    }
    if (YEAR_ROUND.matcher(text).find()) {
      return Optional.of(new Deadline(LocalDate.of(planYear, 12, 31), true));
    }
    m = QUARTER.matcher(text);
    if (m.find()) {
      int quarter = "一二三四".indexOf(m.group(1)) + 1;
      return monthEnd(planYear, quarter > 0 ? quarter * 3 : Integer.parseInt(m.group(1)) * 3, false);
    }
    if (text.contains("上半年")) {
      return monthEnd(planYear, 6, false);
    }
    if (text.contains("下半年") || text.contains("年底") || text.contains("年内") || text.contains("年末")
        || PERIODIC.matcher(text).find()) {
      return monthEnd(planYear, 12, false);
    }
    return Optional.empty();
  }

  /** "6 月上旬" is the 10th, "中旬" the 20th, otherwise the month's last day. */
  private static Optional<Deadline> withinMonth(int year, int month, String part) {
    if ("上旬".equals(part)) {
      return date(year, month, 10, false);
    }
    if ("中旬".equals(part)) {
      return date(year, month, 20, false);
    }
    return monthEnd(year, month, false);
  }

  private static Optional<Deadline> date(int year, int month, int day, boolean yearRound) {
    if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
      return Optional.empty();
    }
    return Optional.of(new Deadline(LocalDate.of(year, month, day), yearRound));
  }

  private static Optional<Deadline> monthEnd(int year, int month, boolean yearRound) {
    if (month < 1 || month > 12) {
      return Optional.empty();
    }
    return Optional.of(new Deadline(YearMonth.of(year, month).atEndOfMonth(), yearRound));
  }
}
