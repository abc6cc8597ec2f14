package com.xiezuo.home;

import com.xiezuo.execution.PlanExecutionFacts;
import com.xiezuo.plan.PlanMilestone;
import com.xiezuo.progress.PlanProgress;
import com.xiezuo.progress.PlanProgressQuery;
import com.xiezuo.progress.TaskBucket;
import com.xiezuo.security.Viewer;
import com.xiezuo.workflow.AsSystem;
import com.xiezuo.workflow.Deadlines;
import com.xiezuo.workflow.ElementIds.UnitTask;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/** 本单位任务一览: one unit's tasks of a plan with their next date and the steps waiting in Tasklist. */
@Component
public class UnitOverviews {

  /** Steps of a unit's task that the lead unit or leadership work on, not the unit itself. */
  static final Set<String> OTHERS_STEPS = Set.of(UnitTask.LEAD_REVIEW, UnitTask.SIGN_OFF);

  private final PlanProgressQuery progress;
  private final PlanExecutionFacts facts;
  private final DashboardQuery dashboards;
  private final TaskService taskService;
  private final AsSystem asSystem;

  UnitOverviews(PlanProgressQuery progress, PlanExecutionFacts facts, DashboardQuery dashboards,
      TaskService taskService, AsSystem asSystem) {
    this.progress = progress;
    this.facts = facts;
    this.dashboards = dashboards;
    this.taskService = taskService;
    this.asSystem = asSystem;
  }

  /** One unit's tasks of the plan; the caller has checked the viewer may see that unit. */
  public Optional<UnitOverview> of(long planId, String unitId, Viewer viewer) {
    Map<String, String> names = dashboards.unitNames();
    if (!names.containsKey(unitId)) {
      return Optional.empty();
    }
    return progress.of(planId).map(plan -> {
      LocalDate today = Deadlines.today();
      List<PlanProgress.Row> rows = plan.rows().filter(row -> row.unitTask().unitId().equals(unitId)).toList();
      Map<TaskBucket, Integer> counts = new EnumMap<>(TaskBucket.class);
      for (TaskBucket bucket : TaskBucket.values()) {
        counts.put(bucket, PlanProgress.count(rows, bucket, today));
      }
      Map<Long, PlanExecutionFacts.AssignmentFacts> byAssignment = facts.ofPlan(planId).stream()
          .filter(unitFacts -> unitFacts.assignment().unitId().equals(unitId))
          .collect(Collectors.toMap(unitFacts -> unitFacts.assignment().id(), unitFacts -> unitFacts));
      Map<String, List<UnitOverview.OpenStep>> steps = openSteps(rows, unitId, viewer);
      List<UnitOverview.Item> items = rows.stream().map(row -> {
        PlanDashboard.Line line = DashboardQuery.line(row, names);
        if (!row.unitTask().isActive()) {
          return new UnitOverview.Item(line, null, null, List.of());
        }
        List<UnitOverview.OpenStep> open = steps.getOrDefault(row.unitTask().processInstanceId(), List.of());
        return nextMilestone(byAssignment.get(line.assignmentId()), row.task().deadline())
            .map(milestone -> new UnitOverview.Item(line, milestone.date(), "节点：" + milestone.text(), open))
            .orElse(new UnitOverview.Item(line, row.task().deadline(), "完成时限", open));
      }).toList();
      return new UnitOverview(plan.plan(), unitId, names.get(unitId), counts, items);
    });
  }

  /** The earliest milestone not yet done before the deadline, if any. */
  private static Optional<PlanMilestone> nextMilestone(PlanExecutionFacts.AssignmentFacts unitFacts,
      LocalDate deadline) {
    if (unitFacts == null) {
      return Optional.empty();
    }
    return unitFacts.milestones().stream().filter(milestone -> !milestone.done())
        .map(PlanExecutionFacts.Milestone::milestone)
        .filter(milestone -> milestone.date() != null && milestone.date().isBefore(deadline))
        .min(Comparator.comparing(PlanMilestone::date));
  }

  /** The open steps, linked to Tasklist only for whoever works them: the unit its own, leadership its sign-off. */
  private Map<String, List<UnitOverview.OpenStep>> openSteps(List<PlanProgress.Row> rows, String unitId, Viewer viewer) {
    String[] instances = rows.stream().filter(row -> row.unitTask().isActive() && row.unitTask().processInstanceId() != null)
        .map(row -> row.unitTask().processInstanceId()).toArray(String[]::new);
    if (instances.length == 0) {
      return Map.of();
    }
    // the viewer's right to this unit was checked; the query names the instances, so it runs as the system
    return asSystem.call(() -> taskService.createTaskQuery().processInstanceIdIn(instances).orderByTaskCreateTime()
        .asc().list()).stream().collect(Collectors.groupingBy(task -> task.getProcessInstanceId(),
            Collectors.mapping(task -> new UnitOverview.OpenStep(task.getName(),
                worksOn(viewer, unitId, task.getTaskDefinitionKey())
                    ? HomeQuery.TASKLIST + task.getId() + "&forceDisplayTask=true" : null), Collectors.toList())));
  }

  static boolean worksOn(Viewer viewer, String unitId, String step) {
    if (UnitTask.SIGN_OFF.equals(step)) {
      return viewer.leadership();
    }
    return !OTHERS_STEPS.contains(step) && viewer.memberOf(unitId);
  }
}
