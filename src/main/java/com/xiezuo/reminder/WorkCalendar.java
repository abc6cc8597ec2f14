package com.xiezuo.reminder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Chinese working days: weekends and public holidays are off, make-up working days (调休上班) are on. One file per
 * year (holidays/2023.yml …, plus any under {@code xiezuo.holidays.location}); a year without a file counts
 * weekends only, and says so in the log.
 */
@Component
public class WorkCalendar {

  private static final Logger LOG = LoggerFactory.getLogger(WorkCalendar.class);

  record YearFile(int year, List<String> holidays, List<String> workdays) {}

  private final Set<LocalDate> holidays = new HashSet<>();
  private final Set<LocalDate> workdays = new HashSet<>();
  private final Set<Integer> years = new TreeSet<>();
  private final Set<Integer> warned = new HashSet<>();

  public WorkCalendar(@Value("${xiezuo.holidays.location:classpath*:holidays/*.yml}") String location) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(location)) {
        try (InputStream in = resource.getInputStream()) {
          YearFile file = yaml.readValue(in, YearFile.class);
          file.holidays().forEach(entry -> holidays.addAll(dates(entry, resource)));
          file.workdays().forEach(entry -> workdays.addAll(dates(entry, resource)));
          years.add(file.year());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read holiday calendars at " + location, e);
    }
    LOG.info("Holiday calendars loaded for {}", years);
  }

  private static List<LocalDate> dates(String entry, Resource resource) {
    String[] range = entry.trim().split("\\.\\.");
    LocalDate from = LocalDate.parse(range[0].trim());
    LocalDate to = range.length > 1 ? LocalDate.parse(range[1].trim()) : from;
    if (to.isBefore(from)) {
      throw new IllegalStateException("holiday range " + entry + " in " + resource + " ends before it starts");
    }
    return from.datesUntil(to.plusDays(1)).toList();
  }

  public boolean isWorkingDay(LocalDate date) {
    if (!years.contains(date.getYear()) && warned.add(date.getYear())) {
      LOG.warn("No holiday calendar for {}: counting weekends only (add holidays/{}.yml)", date.getYear(), date.getYear());
    }
    if (workdays.contains(date)) {
      return true;
    }
    if (holidays.contains(date)) {
      return false;
    }
    return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /** The working day {@code days} working days before {@code date} (the date itself not counted). */
  public LocalDate workingDaysBefore(LocalDate date, int days) {
    LocalDate day = date;
    int counted = 0;
    while (counted < days) {
      day = day.minusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  public Set<Integer> years() {
    return years;
  }
}
