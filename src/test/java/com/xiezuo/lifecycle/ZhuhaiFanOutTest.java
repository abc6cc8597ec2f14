package com.xiezuo.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.xiezuo.decomposition.AllocationEntry;
import com.xiezuo.decomposition.Allocations;
import com.xiezuo.decomposition.IndicatorRow;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.plan.parse.NoticeParser;
import com.xiezuo.plan.parse.ParsedPlan;
import com.xiezuo.support.Api;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.SqlStatements;
import com.xiezuo.support.XiezuoSpringTest;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Zhuhai 2023 seed plan end to end up to the units: parsed, approved, decomposed, signed, fanned out. The expected
 * figures were counted by hand from the gold file (zhuhai-2023.gold.json) and the directory's group tokens.
 */
@XiezuoSpringTest
class ZhuhaiFanOutTest {

  /** (task, unit) pairs of the seed once 各结对区 and 重点帮扶县结对区 are expanded, each unit once per task. */
  static final int EXPECTED_PAIRS = 288;

  /** How many of the 32 tasks each unit is responsible for. */
  static final Map<String, Integer> TASKS_PER_UNIT = Map.ofEntries(
      Map.entry("rrb", 32), Map.entry("zunyiWorkGroup", 31), Map.entry("xiangzhou", 28), Map.entry("jinwan", 28),
      Map.entry("hitech", 28), Map.entry("doumen", 27), Map.entry("commerce", 15), Map.entry("federationIndustry", 9),
      Map.entry("development", 8), Map.entry("sasac", 7), Map.entry("hrss", 7), Map.entry("education", 6),
      Map.entry("agriHoldings", 6), Map.entry("health", 5), Map.entry("supplyCoop", 5), Map.entry("civilAffairs", 4),
      Map.entry("cyberspace", 3), Map.entry("culture", 3), Map.entry("organization", 3), Map.entry("science", 3),
      Map.entry("industry", 3), Map.entry("cityPartyOffice", 2), Map.entry("cityGovOffice", 2), Map.entry("finance", 2),
      Map.entry("zhuguang", 2), Map.entry("tradeUnion", 2), Map.entry("hengqin", 2), Map.entry("bigHengqin", 2),
      Map.entry("transport", 2), Map.entry("huafa", 1), Map.entry("scienceAssoc", 1), Map.entry("marketRegulation", 1),
      Map.entry("designCenter", 1), Map.entry("youthLeague", 1), Map.entry("disabledFed", 1), Map.entry("railTransit", 1),
      Map.entry("zhuhaiPort", 1), Map.entry("guangzhuRailway", 1), Map.entry("unitedFront", 1), Map.entry("govData", 1));

  @Autowired ProcessEngine engine;
  @Autowired NoticeParser parser;
  @Autowired PlanImportService importer;
  @Autowired Allocations allocations;
  @Autowired UnitAssignments assignments;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void theSeedPlanReachesEveryResponsibleUnitAndEachUnitSeesExactlyItsOwnTasks() throws Exception {
    BpmnAwareTests.init(engine);
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
    ParsedPlan parsed = parser.parse(new String(getClass().getClassLoader()
        .getResourceAsStream("seeds/zhuhai-2023-notice.txt").readAllBytes(), StandardCharsets.UTF_8), 2023);
    ParsedPlan seed = new ParsedPlan(parsed.title(), 2023, "下发测试-" + UUID.randomUUID(), parsed.docNumber(), parsed.tasks());
    PlanSummary plan = importer.importPlan(seed,
        new PlanImportService.Options(PlanImportService.Source.NOTICE, "demo", false, null));
    ProcessDriver driver = new ProcessDriver(managementService, historyService, plan.processInstanceId());
    String[] family = driver.family().toArray(String[]::new);

    complete(one("userTask_reviewPlan", driver), withVariables("reviewConfirmed", true));
    complete(one("userTask_approvePlan", driver), withVariables("approvalDecision", "approve"));

    IndicatorRow funds = allocations.indicators(plan.id()).stream().filter(row -> "元".equals(row.unit()))
        .findFirst().orElseThrow();
    List<String> districts = List.of("xiangzhou", "jinwan", "doumen", "hitech");
    allocations.save(plan.id(), districts.stream()
        .map(district -> new AllocationEntry(funds.id(), district, new BigDecimal("105000000"), "元")).toList(), "coordinator");
    complete(one("userTask_proposeAllocation", driver), withVariables("allocationReady", true, "allocationRounding", 0));
    family = driver.family().toArray(String[]::new);
    for (String district : districts) {
      Task confirmation = taskService.createTaskQuery().taskDefinitionKey("userTask_confirmAllocation")
          .taskCandidateGroup(district).processInstanceIdIn(family).singleResult();
      complete(confirmation, withVariables("allocationDecision", "confirm"));
    }
    driver.runDueJobs();
    complete(one("userTask_signOffAllocation", driver), withVariables("approvalDecision", "approve"));
    SqlStatements.start();
    driver.runDueJobs();
    List<String> fanOut = SqlStatements.stop();

    assertThat(assignments.count(plan.id())).isEqualTo(EXPECTED_PAIRS);
    assertThat(fanOut.stream().filter(sql -> sql.contains("from xz_plan_task t where t.plan_id = ?")
        && !sql.contains("t.id =")).count()).as("reads of the whole plan during the fan-out").isEqualTo(1);
    assertThat(fanOut.stream().filter(sql -> sql.contains("from xz_plan_task t where t.plan_id = ?")
        && sql.contains("t.id =")).count()).as("reads of one task: one per unit task").isEqualTo(EXPECTED_PAIRS);
    String keys = "plan/2023/" + plan.id() + "/%";
    assertThat(taskService.createTaskQuery().processDefinitionKey("unitTask").processInstanceBusinessKeyLike(keys)
        .count()).isEqualTo(EXPECTED_PAIRS);
    assertThat(TASKS_PER_UNIT.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(EXPECTED_PAIRS);
    for (Map.Entry<String, Integer> unit : TASKS_PER_UNIT.entrySet()) {
      assertThat(taskService.createTaskQuery().processDefinitionKey("unitTask").processInstanceBusinessKeyLike(keys)
          .taskCandidateGroup(unit.getKey()).count()).as(unit.getKey()).isEqualTo(unit.getValue().longValue());
    }
    for (String user : List.of("doumen", "govData")) {
      String list = Api.as(port, user).get("/engine-rest/task/count?processDefinitionKey=unitTask"
          + "&processInstanceBusinessKeyLike=" + URLEncoder.encode(keys, StandardCharsets.UTF_8)).body();
      assertThat(new ObjectMapper().readTree(list).path("count").asInt()).as(user + " over REST")
          .isEqualTo(TASKS_PER_UNIT.get(user));
    }
    Task doumenFunds = taskService.createTaskQuery().processInstanceBusinessKey("plan/2023/" + plan.id() + "/task/3/unit/doumen")
        .singleResult();
    assertThat((String) taskService.getVariable(doumenFunds.getId(), "indicatorTargets")).contains("1.05 亿元（本单位分解指标）");
  }

  private Task one(String key, ProcessDriver driver) {
    List<Task> tasks = driver.family().stream().flatMap(id -> taskService.createTaskQuery().processInstanceId(id)
        .taskDefinitionKey(key).list().stream()).toList();
    assertThat(tasks).as(key).hasSize(1);
    return tasks.get(0);
  }
}
