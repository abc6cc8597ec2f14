package com.xiezuo.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.support.Api;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.XiezuoSpringTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The plan's state, its decomposition table and its changes over the API, with their refusals. */
@XiezuoSpringTest
class PlanLifecycleApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired PlanImportService importer;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;

  @Test
  void stateTableAndChangesOverTheApi() throws Exception {
    BpmnAwareTests.init(engine);
    PlanSummary plan = LifecycleFixture.importPlan(importer, true);
    Api demo = Api.as(port, "coordinator");
    String base = "/api/plans/" + plan.id();

    Api.Response early = demo.postJson(base + "/changes", "{\"taskNumber\":\"1\",\"type\":\"CANCEL\",\"reason\":\"x\"}");
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.body()).contains("审核中");

    ProcessDriver driver = new ProcessDriver(managementService, historyService, plan.processInstanceId());
    LifecycleFixture.approve(taskService, plan);

    JsonNode table = JSON.readTree(demo.get(base + "/allocations").body());
    long funds = table.path("indicators").get(0).path("id").asLong();
    Api.Response refused = demo.send("PUT", base + "/allocations",
        "[{\"indicatorId\":" + funds + ",\"unitId\":\"nowhere\",\"value\":-1,\"unit\":\"人\"}]");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("单位名录中没有", "非负数", "计量单位应为“元”");
    assertThat(Api.as(port, "doumen").send("PUT", base + "/allocations", "[]").status()).as("units may not edit")
        .isEqualTo(403);
    Api.Response notResponsible = demo.send("PUT", base + "/allocations",
        "[{\"indicatorId\":" + funds + ",\"unitId\":\"hrss\",\"value\":1,\"unit\":\"元\"}]");
    assertThat(notResponsible.status()).isEqualTo(400);
    assertThat(notResponsible.body()).contains("市人力资源和社会保障局不是任务 1 的责任单位");
    Api.Response saved = demo.send("PUT", base + "/allocations",
        "[{\"indicatorId\":" + funds + ",\"unitId\":\"doumen\",\"value\":420000000,\"unit\":\"元\"}]");
    assertThat(saved.status()).isEqualTo(200);
    assertThat(JSON.readTree(saved.body()).path("parts").path(String.valueOf(funds)).path("doumen").decimalValue())
        .isEqualByComparingTo("420000000");

    String instance = driver.family().stream().filter(id -> !id.equals(plan.processInstanceId())).findFirst().orElseThrow();
    complete(taskService.createTaskQuery().processInstanceId(instance).singleResult(),
        withVariables("allocationReady", true, "allocationRounding", 0));
    Api.Response whileConfirming = demo.send("PUT", base + "/allocations",
        "[{\"indicatorId\":" + funds + ",\"unitId\":\"doumen\",\"value\":1,\"unit\":\"元\"}]");
    assertThat(whileConfirming.status()).as("the table is out with the districts").isEqualTo(400);
    assertThat(whileConfirming.body()).contains("已发各单位确认");
    LifecycleFixture.everyUnitConfirms(taskService, driver, plan);
    complete(taskService.createTaskQuery().processInstanceId(instance).singleResult(),
        withVariables("approvalDecision", "approve"));
    driver.runDueJobs();

    JsonNode detail = JSON.readTree(demo.get(base).body());
    assertThat(detail.path("plan").path("status").asText()).isEqualTo("IN_PROGRESS");
    JsonNode second = detail.path("tasks").get(1);
    assertThat(second.path("deadline").asText()).isEqualTo("2023-06-30");
    assertThat(second.path("unitTasks")).hasSize(2);
    assertThat(second.path("unitTasks").get(0).path("unitId").asText()).isEqualTo("hrss");
    assertThat(second.path("unitTasks").get(0).path("status").asText()).isEqualTo("ACTIVE");
    JsonNode asHrss = JSON.readTree(Api.as(port, "hrss").get(base).body()).path("tasks").get(1).path("unitTasks");
    assertThat(asHrss).as("a unit sees its own unit task only").hasSize(1);
    assertThat(asHrss.get(0).path("unitId").asText()).isEqualTo("hrss");

    Api.Response unknown = demo.postJson(base + "/changes", "{\"taskNumber\":\"7\",\"type\":\"CANCEL\",\"reason\":\"x\"}");
    assertThat(unknown.status()).isEqualTo(400);
    Api.Response proposed = demo.postJson(base + "/changes",
        "{\"taskNumber\":\"2\",\"type\":\"EXTEND\",\"reason\":\"推迟招聘会\",\"newDeadline\":\"2023-08-31\"}");
    assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    assertThat(JSON.readTree(demo.get(base + "/changes").body()).get(0).path("status").asText()).isEqualTo("PROPOSED");
    Api.Response another = demo.postJson(base + "/changes", "{\"taskNumber\":\"2\",\"type\":\"CANCEL\",\"reason\":\"不再开展\"}");
    assertThat(another.status()).as("one open change per task").isEqualTo(409);
    assertThat(another.body()).contains("任务 2 已有一项变更申请（延期，待领导审批）尚未办结");
    assertThat(Api.as(port, "hrss").postJson(base + "/changes", "{}").status()).isEqualTo(403);
  }
}
