package com.xiezuo.assessment;

import static com.xiezuo.workflow.ProcessVariables.ASSESSMENT_ID;
import static com.xiezuo.workflow.ProcessVariables.INNOVATION_CLAIMS;
import static com.xiezuo.workflow.ProcessVariables.UNIT_ID;

import com.xiezuo.workflow.AsSystem;
import com.xiezuo.workflow.ElementIds.SelfAssessment;
import com.xiezuo.workflow.TaskFormOpening;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The self-assessment form shows the unit's claims as they stand when it is opened, not when the task began. */
@Component
public class ClaimsOnOpen implements TaskFormOpening {

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final InnovationClaims claims;
  private final AsSystem asSystem;

  public ClaimsOnOpen(TaskService taskService, RuntimeService runtimeService, InnovationClaims claims,
      AsSystem asSystem) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.claims = claims;
    this.asSystem = asSystem;
  }

  @Override
  public void opening(String taskId) {
    asSystem.run(() -> {
      Task task = taskService.createTaskQuery().taskId(taskId).taskDefinitionKey(SelfAssessment.SUBMIT).singleResult();
      if (task != null) {
        String instance = task.getProcessInstanceId();
        Long assessmentId = (Long) runtimeService.getVariable(instance, ASSESSMENT_ID.name());
        String unitId = (String) runtimeService.getVariable(instance, UNIT_ID.name());
        runtimeService.setVariable(instance, INNOVATION_CLAIMS.name(), claims.summary(assessmentId, unitId));
      }
    });
  }
}
