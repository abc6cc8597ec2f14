package com.xiezuo.progress;

import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.plan.PlanDetail;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.reminder.ReminderSettings;
import com.xiezuo.workflow.Deadlines;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The one read of a plan's progress: the plan through the plan feature, every unit task through execution, lights
 * computed in memory — a fixed number of queries whatever the plan's size.
 */
@Service
public class PlanProgressQuery {

  private final PlanRepository plans;
  private final UnitAssignments assignments;
  private final UnitDirectory directory;
  private final ReminderSettings reminderSettings;

  public PlanProgressQuery(PlanRepository plans, UnitAssignments assignments, UnitDirectory directory,
      ReminderSettings reminderSettings) {
    this.plans = plans;
    this.assignments = assignments;
    this.directory = directory;
    this.reminderSettings = reminderSettings;
  }

  public Optional<PlanProgress> of(long planId) {
    return plans.find(planId, directory.snapshot()).map(detail -> {
      Map<Long, List<UnitAssignment>> byTask = assignments.ofPlan(planId).stream()
          .collect(Collectors.groupingBy(UnitAssignment::planTaskId, LinkedHashMap::new, Collectors.toList()));
      LocalDate today = Deadlines.today();
      List<PlanProgress.TaskProgress> tasks = detail.tasks().stream()
          .map(task -> new PlanProgress.TaskProgress(task, byTask.getOrDefault(task.id(), List.of()).stream()
              .map(assignment -> state(task, assignment, today)).toList()))
          .toList();
      return new PlanProgress(detail.plan(), tasks);
    });
  }

  private UnitTaskState state(PlanDetail.Task task, UnitAssignment assignment, LocalDate today) {
    StatusLight light = StatusLight.of(assignment.status().name(), assignment.overdue(), task.deadline(), today,
        reminderSettings);
    return new UnitTaskState(assignment.id(), assignment.unitId(), assignment.role(), assignment.status().name(),
        assignment.overdue(), light.name(), light.label(), assignment.businessKey(), assignment.processInstanceId());
  }
}
