package com.xiezuo.execution;

import static com.xiezuo.workflow.ProcessVariables.TASK_CONTENT;
import static com.xiezuo.workflow.ProcessVariables.TASK_TITLE;

import com.xiezuo.plan.change.PlanTaskChanged;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Every running unit task of a changed plan task follows the change, in the change's own transaction, first. */
@Component
class UnitTasksFollowPlanChanges {

  private final UnitAssignments assignments;
  private final UnitTaskSchedule schedule;
  private final RuntimeService runtimeService;

  UnitTasksFollowPlanChanges(UnitAssignments assignments, UnitTaskSchedule schedule, RuntimeService runtimeService) {
    this.assignments = assignments;
    this.schedule = schedule;
    this.runtimeService = runtimeService;
  }

  @EventListener
  @Order(0)
  void deadlineExtended(PlanTaskChanged.DeadlineExtended change) {
    active(change).forEach(assignment -> schedule.moveDeadline(assignment, change.oldDeadline(), change.newDeadline(),
        change.newDeadline() + "（" + change.deadlineText() + "）"));
  }

  @EventListener
  @Order(0)
  void cancelled(PlanTaskChanged.Cancelled change) {
    active(change).forEach(schedule::cancel);
  }

  @EventListener
  @Order(0)
  void adjusted(PlanTaskChanged.Adjusted change) {
    active(change).stream().filter(assignment -> assignment.processInstanceId() != null)
        .filter(assignment -> runtimeService.createProcessInstanceQuery()
            .processInstanceId(assignment.processInstanceId()).count() > 0)
        .forEach(assignment -> {
          if (change.newTitle() != null) {
            runtimeService.setVariable(assignment.processInstanceId(), TASK_TITLE.name(), change.newTitle());
          }
          if (change.newContent() != null) {
            runtimeService.setVariable(assignment.processInstanceId(), TASK_CONTENT.name(),
                UnitTaskStartListener.contentOf(change.newContent()));
          }
        });
  }

  private List<UnitAssignment> active(PlanTaskChanged change) {
    return assignments.ofTask(change.planTaskId()).stream()
        .filter(assignment -> assignment.status() == AssignmentStatus.ACTIVE).toList();
  }
}
