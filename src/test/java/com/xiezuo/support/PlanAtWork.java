package com.xiezuo.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/** A plan's unit tasks worked in a test: find one by unit and task number, complete its open task of a kind. */
public record PlanAtWork(UnitAssignments assignments, TaskService taskService, long planId) {

  public UnitAssignment unit(String unitId, String taskNumber) {
    return assignments.ofPlan(planId).stream()
        .filter(a -> a.unitId().equals(unitId) && a.taskNumber().equals(taskNumber)).findFirst().orElseThrow();
  }

  public Task open(UnitAssignment assignment, String key) {
    return taskService.createTaskQuery().processInstanceId(assignment.processInstanceId()).taskDefinitionKey(key)
        .singleResult();
  }

  public void complete(UnitAssignment assignment, String key, Map<String, Object> variables) {
    Task task = open(assignment, key);
    assertThat(task).as(assignment.unitId() + " " + key).isNotNull();
    taskService.complete(task.getId(), variables);
  }
}
