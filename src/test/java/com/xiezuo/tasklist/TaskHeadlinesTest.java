package com.xiezuo.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.plan.change.ChangeProposal;
import com.xiezuo.plan.change.ChangeType;
import com.xiezuo.plan.change.PlanChangeService;
import com.xiezuo.support.Api;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.XiezuoSpringTest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a unit's Tasklist shows of its work: named rows with plan, number and unit, and what the task is about. */
@XiezuoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskHeadlinesTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired PlanImportService importer;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired PlanChangeService changes;
  @LocalServerPort int port;

  private PlanSummary plan;

  @BeforeAll
  void aPlanAtWork() {
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
    plan = LifecycleFixture.importPlan(importer, false);
    ProcessDriver driver = new ProcessDriver(managementService, historyService, plan.processInstanceId());
    LifecycleFixture.approve(taskService, plan);
    driver.runDueJobs();
  }

  @AfterAll
  void resetClock() {
    ProcessDriver.resetClock();
  }

  /** The rows of a shared filter as Tasklist asks for them (HAL, with the filter's variable columns embedded). */
  private List<JsonNode> rows(String user, String filterName) throws Exception {
    String id = filterService.createFilterQuery().filterName(filterName).singleResult().getId();
    Api.Response response = Api.as(port, user).get("/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=50",
        "application/hal+json");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<JsonNode> rows = new ArrayList<>();
    JSON.readTree(response.body()).path("_embedded").path("task").forEach(rows::add);
    return rows.stream().filter(row -> row.path("name").asText().contains("强化劳务协作")
        || row.path("name").asText().contains("保持资金投入")).filter(row -> mine(row)).toList();
  }

  private boolean mine(JsonNode row) {
    return taskService.createTaskQuery().taskId(row.path("id").asText()).processInstanceBusinessKeyLike(
        "plan/2023/" + plan.id() + "/%").count() > 0;
  }

  @Test
  void aUnitSeesItsTaskNamedWithNumberAndTitleAndDescribed() throws Exception {
    List<JsonNode> rows = rows("hrss", TasklistFilterSetup.UNIT_TASKS);
    assertThat(rows).extracting(row -> row.path("name").asText()).containsExactly("签收任务｜2 强化劳务协作");
    String description = rows.get(0).path("description").asText();
    assertThat(description).contains("工作计划：生命周期测试计划", "责任单位：市人力资源和社会保障局（牵头单位）",
        "完成时限：2023-06-30（6 月底前）", "任务内容：稳岗就业。");
  }

  @Test
  void theFilterColumnsAreFilledForTheUnitItself() throws Exception {
    JsonNode row = rows("hrss", TasklistFilterSetup.UNIT_TASKS).get(0);
    List<String> columns = new ArrayList<>();
    row.path("_embedded").path("variable").forEach(variable -> columns.add(variable.path("name").asText() + "="
        + variable.path("value").asText()));
    assertThat(columns).contains("planTitle=生命周期测试计划", "taskNumber=2", "unitName=市人力资源和社会保障局");
  }

  @Test
  void theCityBureausRowsCanBeToldApart() throws Exception {
    List<String> names = rows("rrb", TasklistFilterSetup.UNIT_TASKS).stream().map(row -> row.path("name").asText())
        .toList();
    assertThat(names).containsExactly("签收任务｜1 保持资金投入");
  }

  @Test
  void anApprovedAdjustmentRenamesAndRedescribesTheOpenTasks() throws Exception {
    PlanSummary adjusted = LifecycleFixture.importPlan(importer, false);
    ProcessDriver driver = new ProcessDriver(managementService, historyService, adjusted.processInstanceId());
    LifecycleFixture.approve(taskService, adjusted);
    driver.runDueJobs();
    changes.propose(adjusted.id(), new ChangeProposal("2", ChangeType.ADJUST, "按省里口径调整", null, "组织劳务输出",
        "组织脱贫劳动力赴粤就业。"), "demo");
    taskService.complete(taskService.createTaskQuery().processInstanceId(adjusted.processInstanceId())
        .taskDefinitionKey("userTask_approveChange").singleResult().getId(), Map.of("changeDecision", "approve"));
    driver.runDueJobs();
    var open = taskService.createTaskQuery().processInstanceBusinessKey(
        "plan/2023/" + adjusted.id() + "/task/2/unit/hrss").singleResult();
    assertThat(open.getName()).isEqualTo("签收任务｜2 组织劳务输出");
    assertThat(open.getDescription()).contains("任务内容：组织脱贫劳动力赴粤就业。").doesNotContain("稳岗就业");
  }
}
