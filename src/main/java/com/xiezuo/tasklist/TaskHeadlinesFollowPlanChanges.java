package com.xiezuo.tasklist;

import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.plan.change.PlanTaskChanged;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** After a plan change the open tasks of the changed plan task say what it is now (after the unit tasks followed). */
@Component
class TaskHeadlinesFollowPlanChanges {

  private final UnitAssignments assignments;
  private final RuntimeService runtimeService;
  private final TaskService taskService;

  TaskHeadlinesFollowPlanChanges(UnitAssignments assignments, RuntimeService runtimeService, TaskService taskService) {
    this.assignments = assignments;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
  }

  @EventListener
  @Order(Ordered.LOWEST_PRECEDENCE)
  void changed(PlanTaskChanged change) {
    for (UnitAssignment assignment : assignments.ofTask(change.planTaskId())) {
      if (assignment.processInstanceId() == null) {
        continue;
      }
      for (Task task : taskService.createTaskQuery().processInstanceId(assignment.processInstanceId()).list()) {
        Map<String, Object> variables = runtimeService.getVariables(task.getExecutionId());
        TaskHeadlines.Values values = variable -> variable.get(variables);
        task.setName(TaskHeadlines.name(TaskHeadlines.baseName(task.getName()), values, task.getTaskDefinitionKey()));
        task.setDescription(TaskHeadlines.description(values));
        taskService.saveTask(task);
      }
    }
  }
}
