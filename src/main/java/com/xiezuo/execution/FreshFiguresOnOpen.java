package com.xiezuo.execution;

import com.xiezuo.workflow.AsSystem;
import com.xiezuo.workflow.ElementIds.UnitTask;
import com.xiezuo.workflow.TaskFormOpening;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The completion and review forms show the figures as they are when the form is opened: a lead unit's 配合单位贡献
 * includes what its co-units booked since its step began. Written in the opener's own request, into its own
 * instance, never from a co-unit's transaction.
 */
@Component
public class FreshFiguresOnOpen implements TaskFormOpening {

  private static final Set<String> WITH_FIGURES = Set.of(UnitTask.REPORT_COMPLETION, UnitTask.LEAD_REVIEW, UnitTask.SIGN_OFF);

  private final TaskService taskService;
  private final UnitAssignments assignments;
  private final FormFigures formFigures;
  private final AsSystem asSystem;

  public FreshFiguresOnOpen(TaskService taskService, UnitAssignments assignments, FormFigures formFigures,
      AsSystem asSystem) {
    this.taskService = taskService;
    this.assignments = assignments;
    this.formFigures = formFigures;
    this.asSystem = asSystem;
  }

  @Override
  public void opening(String taskId) {
    Task task = asSystem.call(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
    if (task == null || !WITH_FIGURES.contains(task.getTaskDefinitionKey())) {
      return;
    }
    assignments.ofProcessInstance(task.getProcessInstanceId()).ifPresent(formFigures::refresh);
  }
}
