package com.xiezuo.execution;

import static com.xiezuo.workflow.ProcessVariables.DEADLINE;
import static com.xiezuo.workflow.ProcessVariables.DEADLINE_TEXT;

import com.xiezuo.workflow.Deadlines;
import com.xiezuo.workflow.ProcessKeys;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Moves a running unit task to a new deadline: the open tasks' due dates change in place (claims stay), and the
 * deadline watch of the process is told, so its timer (and every reminder timed from the deadline) is armed anew.
 */
@Component
public class UnitTaskSchedule {

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final UnitAssignments assignments;

  public UnitTaskSchedule(RuntimeService runtimeService, TaskService taskService, UnitAssignments assignments) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.assignments = assignments;
  }

  /** Tasks due on the old deadline move with it; a progress report keeps its period's due date. */
  public void moveDeadline(UnitAssignment assignment, LocalDate oldDeadline, LocalDate deadline, String deadlineText) {
    String instance = assignment.processInstanceId();
    if (instance == null || runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 0) {
      return;
    }
    Date due = Deadlines.endOfDay(deadline);
    runtimeService.setVariable(instance, DEADLINE.name(), due);
    runtimeService.setVariable(instance, DEADLINE_TEXT.name(), deadlineText);
    for (Task task : taskService.createTaskQuery().processInstanceId(instance).list()) {
      if (task.getDueDate() != null && Deadlines.toLocalDate(task.getDueDate()).equals(oldDeadline)) {
        taskService.setDueDate(task.getId(), due);
      }
    }
    if (!deadline.isBefore(Deadlines.today())) {
      assignments.clearOverdue(assignment.id());
    }
    if (runtimeService.createExecutionQuery().processInstanceId(instance)
        .messageEventSubscriptionName(ProcessKeys.MESSAGE_DEADLINE_MOVED).count() > 0) {
      runtimeService.createMessageCorrelation(ProcessKeys.MESSAGE_DEADLINE_MOVED).processInstanceId(instance)
          .correlateWithResult();
    }
  }

  /** Ends a unit task cleanly (its process reaches "任务已取消") when the plan task is cancelled. */
  public void cancel(UnitAssignment assignment) {
    String instance = assignment.processInstanceId();
    if (instance != null && runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
      runtimeService.createMessageCorrelation(ProcessKeys.MESSAGE_UNIT_TASK_CANCELLED)
          .processInstanceId(instance).correlateWithResult();
    } else if (assignment.status() == AssignmentStatus.ACTIVE) {
      assignments.setStatus(assignment.id(), AssignmentStatus.CANCELLED);
    }
  }
}
