package com.xiezuo.progress;

import com.xiezuo.execution.AssignmentStatus;
import java.time.LocalDate;

/** A kind of unit task a count stands for (on the dashboard, in exports) and the list behind it: one predicate makes both, so they always agree. */
public enum TaskBucket {
  ALL("单位任务"),
  DONE("已办结"),
  GREEN("正常推进"),
  YELLOW("即将到期"),
  RED("已逾期"),
  CANCELLED("已撤销"),
  DUE30("30 天内到期");

  public static final int DUE_DAYS = 30;

  private final String label;

  TaskBucket(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean holds(PlanProgress.Row row, LocalDate today) {
    String status = row.unitTask().status();
    return switch (this) {
      case ALL -> true;
      case DONE -> AssignmentStatus.COMPLETED.name().equals(status);
      case CANCELLED -> AssignmentStatus.CANCELLED.name().equals(status);
      case GREEN -> StatusLight.GREEN.name().equals(row.unitTask().light());
      case YELLOW -> StatusLight.YELLOW.name().equals(row.unitTask().light());
      case RED -> StatusLight.RED.name().equals(row.unitTask().light());
      case DUE30 -> row.unitTask().isActive() && !row.task().deadline().isBefore(today)
          && !row.task().deadline().isAfter(today.plusDays(DUE_DAYS));
    };
  }
}
