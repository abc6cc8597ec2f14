package com.xiezuo.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.support.Api;
import com.xiezuo.support.XiezuoSpringTest;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@XiezuoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;
  @LocalServerPort int port;

  private String hrssTask;
  private String financeTask;

  /** One task for 市人力资源和社会保障局 (hrss) and one for 市财政局 (finance), like unit tasks of a plan. */
  @BeforeAll
  void twoUnitsWithATaskEach() {
    repositoryService.createDeployment().name("security-probe")
        .addModelInstance("securityProbe.bpmn", Bpmn.createExecutableProcess("securityProbe").name("权限探针")
            .camundaHistoryTimeToLive(1)
            .startEvent().userTask("userTask_probe").name("单位任务").camundaCandidateGroups("${unitId}")
            .endEvent().done())
        .deploy();
    hrssTask = startFor("hrss");
    financeTask = startFor("finance");
  }

  private String startFor(String unitId) {
    String instance = runtimeService.startProcessInstanceByKey("securityProbe", Map.of("unitId", unitId)).getId();
    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    return task.getId();
  }

  @Test
  void anonymousRequestsAreRefusedWith401() {
    Api anonymous = Api.anonymous(port);
    assertThat(anonymous.get("/engine-rest/task").status()).isEqualTo(401);
    assertThat(anonymous.get("/engine-rest/process-definition").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/units").status()).isEqualTo(401);
    assertThat(anonymous.postJson("/api/plans/import", "{}").status()).isEqualTo(401);
  }

  @Test
  void wrongPasswordIsRefusedOnBothApis() {
    Api impostor = Api.as(port, "hrss-wrong");
    assertThat(impostor.get("/engine-rest/task").status()).isEqualTo(401);
    assertThat(impostor.get("/api/units").status()).isEqualTo(401);
  }

  @Test
  void ourPagesSendAnonymousVisitorsToTheLoginPage() {
    Api.Response home = Api.anonymous(port).get("/");
    assertThat(home.status()).isEqualTo(302);
    assertThat(home.location()).endsWith("/login");
  }

  @Test
  void aUnitListsOnlyItsOwnTasksOverRest() {
    String hrssList = Api.as(port, "hrss").get("/engine-rest/task?processDefinitionKey=securityProbe").body();
    assertThat(hrssList).contains(hrssTask).doesNotContain(financeTask);
    String financeList = Api.as(port, "finance").get("/engine-rest/task?processDefinitionKey=securityProbe").body();
    assertThat(financeList).contains(financeTask).doesNotContain(hrssTask);
  }

  @Test
  void aUnitSeesOnlyItsOwnTasksInTheTasklistFilter() {
    String filterId = filterService.createFilterQuery().filterName("本单位待办").singleResult().getId();
    Api.Response list = Api.as(port, "hrss").get("/engine-rest/filter/" + filterId + "/list");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains(hrssTask).doesNotContain(financeTask);
  }

  @Test
  void aUnitCannotReadClaimOrCompleteAnotherUnitsTask() {
    Api hrss = Api.as(port, "hrss");
    assertThat(hrss.get("/engine-rest/task/" + financeTask).status()).isIn(403, 404);
    assertThat(hrss.postJson("/engine-rest/task/" + financeTask + "/claim", "{\"userId\":\"hrss\"}").status())
        .isIn(403, 404);
    assertThat(hrss.postJson("/engine-rest/task/" + financeTask + "/complete", "{}").status()).isIn(403, 404);
    assertThat(taskService.createTaskQuery().taskId(financeTask).singleResult()).as("finance task still open")
        .isNotNull().extracting(Task::getAssignee).isNull();
  }

  @Test
  void aUnitClaimsAndCompletesItsOwnTask() {
    String ownTask = startFor("hrss");
    Api hrss = Api.as(port, "hrss");
    assertThat(hrss.postJson("/engine-rest/task/" + ownTask + "/claim", "{\"userId\":\"hrss\"}").status()).isEqualTo(204);
    assertThat(hrss.postJson("/engine-rest/task/" + ownTask + "/complete", "{}").status()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(ownTask).count()).isZero();
  }

  @Test
  void aColleagueClaimingATaskAlreadyClaimedGetsAConflictNotAnError() {
    String ownTask = startFor("hrss");
    if (identityService.createUserQuery().userId("hrssColleague").count() == 0) {
      var colleague = identityService.newUser("hrssColleague");
      colleague.setPassword("hrssColleague");
      ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identityService).saveUser(colleague, true);
      identityService.createMembership("hrssColleague", "hrss");
    }
    assertThat(Api.as(port, "hrss").postJson("/engine-rest/task/" + ownTask + "/claim", "{\"userId\":\"hrss\"}")
        .status()).isEqualTo(204);
    Api.Response second = Api.as(port, "hrssColleague").postJson("/engine-rest/task/" + ownTask + "/claim",
        "{\"userId\":\"hrssColleague\"}");
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.body()).contains("任务已由“hrss”签收");
  }

  @Test
  void aUnitCannotSeeTheCoordinatorsPlanReview() {
    String list = Api.as(port, "hrss").get("/engine-rest/task?taskDefinitionKey=userTask_reviewPlan").body();
    assertThat(list).isEqualTo("[]");
    String coordinatorList = Api.as(port, "demo").get("/engine-rest/task?taskDefinitionKey=userTask_reviewPlan").body();
    assertThat(coordinatorList).contains("审核工作计划");
  }
}
