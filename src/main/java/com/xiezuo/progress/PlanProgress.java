package com.xiezuo.progress;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.xiezuo.plan.PlanDetail;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.security.Viewer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A plan with the state of every unit task under each of its tasks, as GET /api/plans/{id} and the plan page show it. */
public record PlanProgress(PlanSummary plan, List<TaskProgress> tasks) {

  /** A plan task (its fields at the top level in JSON) with its unit tasks in fan-out order, the lead first. */
  public record TaskProgress(@JsonUnwrapped PlanDetail.Task task, List<UnitTaskState> unitTasks) {}

  /** One row per unit task, in plan order. */
  public record Row(PlanDetail.Task task, UnitTaskState unitTask) {}

  /**
   * What a viewer may see of it: coordinators, leadership and supervisors every unit task; unit staff only their own
   * units' (how far other units are is not theirs to see).
   */
  public PlanProgress visibleTo(Viewer viewer) {
    if (viewer.seesEveryUnit()) {
      return this;
    }
    return new PlanProgress(plan, tasks.stream().map(task -> new TaskProgress(task.task(), task.unitTasks().stream()
        .filter(state -> viewer.memberOf(state.unitId())).toList())).toList());
  }

  /** Each unit's completion, in the order of {@code names} (the directory's), units without tasks left out. */
  public List<UnitRate> unitRates(Map<String, String> names, LocalDate today) {
    Map<String, List<Row>> byUnit = rows().filter(row -> !TaskBucket.CANCELLED.holds(row, today))
        .collect(Collectors.groupingBy(row -> row.unitTask().unitId(), LinkedHashMap::new, Collectors.toList()));
    List<UnitRate> rates = new ArrayList<>();
    names.forEach((unitId, name) -> {
      List<Row> own = byUnit.get(unitId);
      if (own != null) {
        rates.add(new UnitRate(unitId, name, own.size(), count(own, TaskBucket.DONE, today),
            count(own, TaskBucket.RED, today), count(own, TaskBucket.DUE30, today)));
      }
    });
    return rates;
  }

  public static int count(List<Row> rows, TaskBucket bucket, LocalDate today) {
    return (int) rows.stream().filter(row -> bucket.holds(row, today)).count();
  }

  public Stream<Row> rows() {
    return tasks.stream().flatMap(task -> task.unitTasks().stream().map(state -> new Row(task.task(), state)));
  }
}
