package com.xiezuo.home;

import com.xiezuo.plan.PlanSummary;
import com.xiezuo.progress.TaskBucket;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** 本单位任务一览: every task of one unit in a plan, its state, next due date and the steps open in Tasklist. */
public record UnitOverview(PlanSummary plan, String unitId, String unitName, Map<TaskBucket, Integer> counts,
    List<Item> items) {

  public record Item(PlanDashboard.Line line, LocalDate nextDue, String nextDueWhat, List<OpenStep> openSteps) {}

  /** A step waiting in Tasklist; {@code link} is null for one another unit or leadership works on (review, sign-off). */
  public record OpenStep(String name, String link) {}
}
