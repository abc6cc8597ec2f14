package com.xiezuo.execution;

import static com.xiezuo.workflow.ProcessVariables.DEADLINE;

import com.xiezuo.workflow.Deadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Who a unit task belongs to and where it goes, read from the assignment in the database by process instance, so
 * no variable sent with a form can redirect it ("unitTaskRouting" in unitTask.bpmn).
 */
@Component("unitTaskRouting")
public class UnitTaskRouting {

  private final UnitAssignments assignments;
  private final UnitTaskData data;

  public UnitTaskRouting(UnitAssignments assignments, UnitTaskData data) {
    this.assignments = assignments;
    this.data = data;
  }

  public UnitAssignment assignment(DelegateExecution execution) {
    return of(execution.getProcessInstanceId());
  }

  public UnitAssignment assignment(DelegateTask task) {
    return of(task.getProcessInstanceId());
  }

  private UnitAssignment of(String processInstanceId) {
    return assignments.ofProcessInstance(processInstanceId)
        .orElseThrow(() -> new IllegalStateException("no assignment for unit task " + processInstanceId));
  }

  public String unitId(DelegateExecution execution) {
    return assignment(execution).unitId();
  }

  public String leadUnitId(DelegateExecution execution) {
    return leadUnitId(assignment(execution));
  }

  /** The unit leading the assignment's plan task (the assignment's own unit if it leads, or none is stored). */
  public String leadUnitId(UnitAssignment assignment) {
    return data.leadAssignment(assignment.planTaskId()).flatMap(assignments::find).map(UnitAssignment::unitId)
        .orElse(assignment.unitId());
  }

  public boolean isCoUnit(DelegateExecution execution) {
    return !assignment(execution).isLead();
  }

  /** Whether the task's deadline (as it stands now, after any extension) has passed. */
  public boolean deadlinePassed(DelegateExecution execution) {
    return !DEADLINE.get(execution).after(Deadlines.now());
  }
}
