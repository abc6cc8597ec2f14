package com.xiezuo.progress;

import com.xiezuo.execution.AssignmentStatus;
import com.xiezuo.reminder.ReminderSettings;
import java.time.LocalDate;

/** A unit task at a glance: green on track, yellow due within the reminder window, red overdue; grey when ended. */
public enum StatusLight {
  GREEN("正常"),
  YELLOW("即将到期"),
  RED("已逾期"),
  GREY("已结束");

  private final String label;

  StatusLight(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static StatusLight of(String status, boolean overdue, LocalDate deadline, LocalDate today,
      ReminderSettings settings) {
    if (!AssignmentStatus.ACTIVE.name().equals(status)) {
      return GREY;
    }
    if (overdue || today.isAfter(deadline)) {
      return RED;
    }
    return settings.isInWindow(deadline, today) ? YELLOW : GREEN;
  }
}
