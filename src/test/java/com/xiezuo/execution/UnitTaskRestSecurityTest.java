package com.xiezuo.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.support.Api;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.XiezuoSpringTest;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A unit working its real unit tasks over the engine's REST API (as Tasklist does): it completes its own tasks with
 * its form fields, but cannot pose as another unit or the lead unit, nor act on another unit's task.
 */
@XiezuoSpringTest
class UnitTaskRestSecurityTest {

  @Autowired ProcessEngine engine;
  @Autowired PlanImportService importer;
  @Autowired UnitAssignments assignments;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;

  private PlanSummary plan;

  @BeforeEach
  void planInProgress() {
    BpmnAwareTests.init(engine);
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
    plan = LifecycleFixture.importPlan(importer, false);
    LifecycleFixture.approve(taskService, plan);
    new ProcessDriver(managementService, historyService, plan.processInstanceId()).runDueJobs();
  }

  @AfterEach
  void resetClock() {
    ProcessDriver.resetClock();
  }

  private UnitAssignment unit(String unitId) {
    return assignments.ofPlan(plan.id()).stream().filter(a -> a.unitId().equals(unitId) && a.taskNumber().equals("2"))
        .findFirst().orElseThrow();
  }

  private Task open(UnitAssignment assignment, String key) {
    return taskService.createTaskQuery().processInstanceId(assignment.processInstanceId()).taskDefinitionKey(key)
        .singleResult();
  }

  private static String acceptBody(String extraVariables) {
    return "{\"variables\":{\"taskAccepted\":{\"value\":true}" + extraVariables + "}}";
  }

  @Test
  void aUnitCannotRewriteWhoItIsOrWhereItsWorkGoes() {
    UnitAssignment workGroup = unit("zunyiWorkGroup");
    Api unit = Api.as(port, "zunyiWorkGroup");
    String accept = open(workGroup, "userTask_acceptTask").getId();

    Api.Response asLead = unit.postJson("/engine-rest/task/" + accept + "/complete",
        acceptBody(",\"unitRole\":{\"value\":\"LEAD\"}"));
    assertThat(asLead.status()).isEqualTo(403);
    assertThat(asLead.body()).contains("不能写入“unitRole”");
    Api.Response otherAssignment = unit.postJson("/engine-rest/task/" + accept + "/submit-form",
        acceptBody(",\"assignmentId\":{\"value\":" + unit("hrss").id() + "}"));
    assertThat(otherAssignment.status()).isEqualTo(403);
    assertThat(unit.send("PUT", "/engine-rest/process-instance/" + workGroup.processInstanceId() + "/variables/unitId",
        "{\"value\":\"hrss\"}").status()).isEqualTo(403);
    assertThat(unit.postJson("/engine-rest/message", "{\"messageName\":\"deadlineMoved\"}").status()).isEqualTo(403);
    assertThat(open(workGroup, "userTask_acceptTask")).as("still waiting for a proper acceptance").isNotNull();

    Api.Response proper = unit.postJson("/engine-rest/task/" + accept + "/complete",
        acceptBody(",\"unitName\":{\"value\":\"市驻遵义工作组\"},\"unitRoleLabel\":{\"value\":\"配合单位\"}"));
    assertThat(proper.status()).as(proper.body()).isEqualTo(204);
    assertThat(open(workGroup, "userTask_reportCompletion")).isNotNull();
  }

  @Test
  void aUnitCannotActOnAnotherUnitsTask() {
    String hrssAccept = open(unit("hrss"), "userTask_acceptTask").getId();
    Api workGroup = Api.as(port, "zunyiWorkGroup");
    assertThat(workGroup.postJson("/engine-rest/task/" + hrssAccept + "/complete", acceptBody("")).status())
        .isIn(403, 404);
    assertThat(workGroup.postJson("/engine-rest/task/" + hrssAccept + "/claim", "{\"userId\":\"zunyiWorkGroup\"}")
        .status()).isIn(403, 404);
    assertThat(taskService.createTaskQuery().taskId(hrssAccept).singleResult()).as("untouched").isNotNull();
    assertThat(taskService.createTaskQuery().taskId(hrssAccept).singleResult().getAssignee()).isNull();
  }

  /** The process routes by the assignment stored by Xiezuo, so even a changed variable sends nothing astray. */
  @Test
  void tasksGoToTheStoredUnitsWhateverTheVariablesSay() {
    UnitAssignment workGroup = unit("zunyiWorkGroup");
    runtimeService.setVariable(workGroup.processInstanceId(), "unitId", "finance");
    runtimeService.setVariable(workGroup.processInstanceId(), "unitRole", "LEAD");
    runtimeService.setVariable(workGroup.processInstanceId(), "leadUnitId", "finance");
    complete(open(workGroup, "userTask_acceptTask"), withVariables("taskAccepted", true));
    Task completion = open(workGroup, "userTask_reportCompletion");
    assertThat(groups(completion)).containsExactly("zunyiWorkGroup");
    complete(completion, withVariables("completionSummary", "输送劳动力 200 人，完成全年任务。"));
    Task review = open(workGroup, "userTask_leadReview");
    assertThat(review).as("a co-unit's completion goes to the lead unit").isNotNull();
    assertThat(groups(review)).containsExactly("hrss");
  }

  private List<String> groups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(Objects::nonNull).toList();
  }
}
