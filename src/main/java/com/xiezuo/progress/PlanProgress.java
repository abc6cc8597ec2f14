package com.xiezuo.progress;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.xiezuo.plan.PlanDetail;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.security.Viewer;
import java.util.List;
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

  public Stream<Row> rows() {
    return tasks.stream().flatMap(task -> task.unitTasks().stream().map(state -> new Row(task.task(), state)));
  }
}
