package com.xiezuo.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.xiezuo.decomposition.AllocationEntry;
import com.xiezuo.decomposition.Allocations;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.support.Api;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.WebSession;
import com.xiezuo.support.XiezuoSpringTest;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What one unit writes, another cannot read: each district's share of the decomposition and its answer to it live in
 * that district's own confirmation instance, so neither the runtime nor any history endpoint shows them to another
 * district; the app's own figures answer per role; and guessing another unit's values tells nothing.
 */
@XiezuoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitPrivacyTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired PlanImportService importer;
  @Autowired Allocations allocations;
  @Autowired UnitAssignments assignments;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;

  private PlanSummary decomposing;
  private PlanSummary working;

  @BeforeAll
  void onePlanOutWithTheDistrictsAndOneAtWork() {
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
    decomposing = LifecycleFixture.importPlan(importer, true);
    LifecycleFixture.approve(taskService, decomposing);
    long funds = allocations.indicators(decomposing.id()).get(0).id();
    allocations.save(decomposing.id(), List.of(new AllocationEntry(funds, "doumen", new BigDecimal("220000000"), "元"),
        new AllocationEntry(funds, "jinwan", new BigDecimal("200000000"), "元")), "coordinator");
    taskService.complete(proposal(decomposing).getId(), Map.of("allocationReady", true, "allocationRounding", 0));

    working = LifecycleFixture.importPlan(importer, true);
    ProcessDriver driver = new ProcessDriver(managementService, historyService, working.processInstanceId());
    LifecycleFixture.approve(taskService, working);
    long workingFunds = allocations.indicators(working.id()).get(0).id();
    allocations.save(working.id(), List.of(new AllocationEntry(workingFunds, "doumen", new BigDecimal("420000000"), "元")), "coordinator");
    taskService.complete(proposal(working).getId(), Map.of("allocationReady", true, "allocationRounding", 0));
    LifecycleFixture.everyUnitConfirms(taskService, driver, working);
    taskService.complete(taskService.createTaskQuery().taskDefinitionKey("userTask_signOffAllocation")
        .processInstanceBusinessKey(key(working)).singleResult().getId(), Map.of("approvalDecision", "approve"));
    driver.runDueJobs();
  }

  @AfterAll
  void resetClock() {
    ProcessDriver.resetClock();
  }

  private Task proposal(PlanSummary plan) {
    return taskService.createTaskQuery().taskDefinitionKey("userTask_proposeAllocation")
        .processInstanceBusinessKey(key(plan)).singleResult();
  }

  private static String key(PlanSummary plan) {
    return PlanImportService.businessKey(plan.year(), plan.id());
  }

  private Task confirmation(String unitId) {
    return taskService.createTaskQuery().taskDefinitionKey("userTask_confirmAllocation").taskCandidateGroup(unitId)
        .processInstanceBusinessKey(key(decomposing)).singleResult();
  }

  private JsonNode get(String user, String path) throws Exception {
    Api.Response response = Api.as(port, user).get(path);
    assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void aDistrictReadsItsOwnShareAndAnswerOnly() throws Exception {
    Task doumen = confirmation("doumen");
    Task jinwan = confirmation("jinwan");
    assertThat(doumen.getProcessInstanceId()).as("one instance per district").isNotEqualTo(jinwan.getProcessInstanceId());

    assertThat(Api.as(port, "doumen").postJson("/engine-rest/task/" + jinwan.getId() + "/complete",
        "{\"variables\":{\"allocationDecision\":{\"value\":\"object\"},\"objectionReason\":{\"value\":\"冒名异议\"}}}")
        .status()).as("no answer in another district's name").isEqualTo(403);
    assertThat(Api.as(port, "doumen").postJson("/engine-rest/engine/default/task/" + doumen.getId() + "/complete",
        "{\"variables\":{\"allocationDecision\":{\"value\":\"object\"},\"objectionReason\":{\"value\":\"冒名异议\"},"
            + "\"allocationUnitId\":{\"value\":\"jinwan\"}}}").status()).isEqualTo(403);
    Api.Response own = Api.as(port, "doumen").postJson("/engine-rest/task/" + doumen.getId() + "/submit-form",
        "{\"variables\":{\"allocationDecision\":{\"value\":\"object\"},\"objectionReason\":{\"value\":\"斗门区财力紧张，建议调减\"},"
            + "\"unitName\":{\"value\":\"金湾区\"}}}");
    assertThat(own.status()).as(own.body()).isEqualTo(204);
    assertThat(allocations.responses(decomposing.id(), 1)).singleElement().satisfies(response -> {
      assertThat(response.unitId()).isEqualTo("doumen");
      assertThat(response.respondedBy()).isEqualTo("doumen");
    });
    assertThat(confirmation("jinwan")).as("金湾区's task untouched").isNotNull();

    for (String variable : List.of("unitAllocation", "objectionReason", "allocationDecision", "allocationSummary")) {
      for (String endpoint : List.of("/engine-rest/history/variable-instance", "/engine-rest/history/detail",
          "/engine-rest/engine/default/history/variable-instance", "/engine-rest/variable-instance")) {
        String path = endpoint + "?variableName=" + variable;
        assertThat(get("jinwan", path).toString()).as("金湾区 reads " + path)
            .doesNotContain("斗门区", doumen.getProcessInstanceId());
      }
    }
    String shares = "/engine-rest/history/variable-instance?variableName=unitAllocation&processInstanceId=";
    assertThat(get("doumen", shares + doumen.getProcessInstanceId())).singleElement()
        .satisfies(share -> assertThat(share.path("value").asText()).contains("2.2 亿元"));
    assertThat(get("doumen", shares + jinwan.getProcessInstanceId())).isEmpty();
    assertThat(get("doumen", "/engine-rest/history/variable-instance?variableName=allocationSummary"))
        .as("the whole table is not a district's to read").isEmpty();
    assertThat(get("supervisor", "/engine-rest/history/variable-instance?variableName=unitAllocation"))
        .as("nor a supervisor's before sign-off").isEmpty();
    assertThat(get("coordinator", "/engine-rest/history/variable-instance?variableName=objectionReason").toString())
        .contains("斗门区财力紧张");
    assertThat(get("leader", "/engine-rest/history/variable-instance?variableName=objectionReason&processInstanceId="
        + doumen.getProcessInstanceId()).toString()).contains("斗门区财力紧张");
  }

  @Test
  void theDecompositionTableIsReadByRole() throws Exception {
    String path = "/api/plans/" + decomposing.id() + "/allocations";
    JsonNode doumen = get("doumen", path).path("parts");
    assertThat(doumen.toString()).contains("doumen").doesNotContain("jinwan");
    assertThat(get("coordinator", path).path("parts").toString()).contains("doumen", "jinwan");
    assertThat(get("leader", path).path("parts").toString()).contains("doumen", "jinwan");
    Api.Response supervisor = Api.as(port, "supervisor").get(path);
    assertThat(supervisor.status()).isEqualTo(403);
    assertThat(supervisor.body()).contains("签批前");
    assertThat(get("hrss", path).path("parts").size()).as("a unit without a share sees none").isZero();

    String page = "/plans/" + decomposing.id() + "/allocation";
    assertThat(WebSession.logIn(port, "doumen").get(page).status()).isEqualTo(403);
    assertThat(WebSession.logIn(port, "supervisor").get(page).status()).isEqualTo(403);
    assertThat(WebSession.logIn(port, "leader").get(page).status()).isEqualTo(200);
  }

  @Test
  void aUnitSeesOnlyItsOwnUnitTasksOfThePlan() throws Exception {
    String path = "/api/plans/" + working.id();
    List<String> doumen = new java.util.ArrayList<>();
    get("doumen", path).path("tasks").forEach(task -> task.path("unitTasks")
        .forEach(state -> doumen.add(state.path("unitId").asText())));
    assertThat(doumen).isNotEmpty().containsOnly("doumen");
    List<String> coordinator = new java.util.ArrayList<>();
    get("demo", path).path("tasks").forEach(task -> task.path("unitTasks")
        .forEach(state -> coordinator.add(state.path("unitId").asText())));
    assertThat(coordinator).contains("doumen", "hrss", "finance", "zunyiWorkGroup");

    String page = WebSession.logIn(port, "doumen").get("/plans/" + working.id()).body();
    long ownAssignments = assignments.ofPlan(working.id()).stream().filter(a -> a.unitId().equals("doumen")).count();
    assertThat(page.split("href=\"/execution/", -1).length - 1).as("unit-task links on the plan page")
        .isEqualTo((int) ownAssignments);
    assertThat(page).doesNotContain("指标分解表")
        .as("targets as printed").contains("财政援助资金投入：不少于 4.2 亿元", "产业发展资金比例：不少于 55%，力争 60%");
  }

  @Test
  void indicatorFiguresAnswerPerRole() throws Exception {
    String path = "/api/plans/" + working.id() + "/indicators";
    JsonNode lead = get("finance", path);
    assertThat(lead).hasSize(2);
    assertThat(lead.get(0).path("byUnit").has("doumen")).as("the lead reads its co-units").isTrue();
    assertThat(lead.get(0).path("achieved").isNumber()).isTrue();
    JsonNode coUnit = get("doumen", path);
    assertThat(coUnit).hasSize(2);
    assertThat(coUnit.get(0).path("byUnit").fieldNames()).toIterable().containsExactly("doumen");
    assertThat(coUnit.get(0).path("achieved").isNull()).as("the lead's ledger is the lead's").isTrue();
    assertThat(get("zunyiWorkGroup", path)).as("not responsible for task 1").isEmpty();
    assertThat(get("supervisor", path).get(0).path("byUnit").size()).isGreaterThan(1);
  }

  @Test
  void guessingAnotherUnitsValuesTellsNothing() {
    UnitAssignment coUnit = assignments.ofPlan(working.id()).stream()
        .filter(a -> a.unitId().equals("zunyiWorkGroup")).findFirst().orElseThrow();
    String task = taskService.createTaskQuery().processInstanceId(coUnit.processInstanceId()).singleResult().getId();
    Api other = Api.as(port, "finance");
    Api.Response right = other.postJson("/engine-rest/task/" + task + "/complete",
        "{\"variables\":{\"unitId\":{\"value\":\"zunyiWorkGroup\"},\"taskAccepted\":{\"value\":true}}}");
    Api.Response wrong = other.postJson("/engine-rest/task/" + task + "/complete",
        "{\"variables\":{\"unitId\":{\"value\":\"somewhereElse\"},\"taskAccepted\":{\"value\":true}}}");
    assertThat(right.status()).isEqualTo(403);
    assertThat(wrong.status()).isEqualTo(right.status());
    assertThat(wrong.body()).isEqualTo(right.body());
  }
}
