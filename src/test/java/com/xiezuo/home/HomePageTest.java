package com.xiezuo.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.WebSession;
import com.xiezuo.support.XiezuoSpringTest;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The home page per role. Other tests share the engine, so counts are compared before and after this test's plan
 * arrives, and rows are found by this plan's own ids.
 */
@XiezuoSpringTest
class HomePageTest {

  @Autowired ProcessEngine engine;
  @Autowired PlanImportService importer;
  @Autowired UnitAssignments assignments;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;

  @BeforeEach
  void onMay10() {
    BpmnAwareTests.init(engine);
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
  }

  @AfterEach
  void resetClock() {
    ProcessDriver.resetClock();
  }

  private String home(String user) {
    var response = WebSession.logIn(port, user).get("/");
    assertThat(response.status()).isEqualTo(200);
    return response.body();
  }

  private static int number(String html, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\">(\\d+)<").matcher(html);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static int kindCount(String html, String kind) {
    Matcher m = Pattern.compile("<span>" + kind + "</span>\\s*<strong>(\\d+)</strong>").matcher(html);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static String row(String html, String attribute, long id) {
    Matcher m = Pattern.compile("<tr data-" + attribute + "=\"" + id + "\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
    assertThat(m.find()).as("row " + attribute + " " + id).isTrue();
    return m.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
  }

  @Test
  void eachRoleSeesWhatWaitsForItTheUnitsTasksByStateAndThePlansStanding() {
    String workGroupHomeBefore = home("zunyiWorkGroup");
    int workGroupBefore = number(workGroupHomeBefore, "todoCount");
    int acceptBefore = kindCount(workGroupHomeBefore, "签收任务");
    int leaderApprovalsBefore = number(home("leader"), "approvalCount");

    PlanSummary plan = LifecycleFixture.importPlan(importer, false);
    ProcessDriver driver = new ProcessDriver(managementService, historyService, plan.processInstanceId());
    LifecycleFixture.approve(taskService, plan);
    driver.runDueJobs();
    UnitAssignment workGroup = assignments.ofPlan(plan.id()).stream()
        .filter(a -> a.unitId().equals("zunyiWorkGroup")).findFirst().orElseThrow();

    String unitHome = home("zunyiWorkGroup");
    assertThat(number(unitHome, "todoCount")).as("its new accept task").isEqualTo(workGroupBefore + 1);
    assertThat(kindCount(unitHome, "签收任务")).as("counted by kind").isEqualTo(acceptBefore + 1);
    if (workGroupBefore < HomeQuery.LISTED) {
      // the list shows the earliest due first; other tests of this shared context may have filled it already
      assertThat(unitHome).contains("签收任务｜2 强化劳务协作", "生命周期测试计划",
          "/camunda/app/tasklist/default/#/?task=");
    }
    assertThat(row(unitHome, "assignment", workGroup.id())).contains("2 强化劳务协作", "配合单位", "待签收", "2023-06-30");
    assertThat(unitHome).as("unit staff see no plan standings").doesNotContain("工作计划进展");

    String task = taskService.createTaskQuery().processInstanceId(workGroup.processInstanceId()).singleResult().getId();
    complete(taskService.createTaskQuery().taskId(task).singleResult(), withVariables("taskAccepted", true));
    complete(taskService.createTaskQuery().processInstanceId(workGroup.processInstanceId())
        .taskDefinitionKey("userTask_reportCompletion").singleResult(),
        withVariables("completionSummary", "已完成劳务协作对接，输送 120 人。"));
    complete(taskService.createTaskQuery().processInstanceId(workGroup.processInstanceId())
        .taskDefinitionKey("userTask_leadReview").singleResult(), withVariables("leadReviewDecision", "approve"));
    assertThat(row(home("zunyiWorkGroup"), "assignment", workGroup.id())).contains("待审核、签批");
    String leaderHome = home("leader");
    assertThat(number(leaderHome, "approvalCount")).isEqualTo(leaderApprovalsBefore + 1);
    assertThat(leaderHome).contains("领导签批｜2 强化劳务协作（市驻遵义工作组）");

    driver.advanceTo(LocalDateTime.of(2023, 7, 1, 9, 0));
    String standing = row(home("coordinator"), "plan", plan.id());
    assertThat(standing).as("8 unit tasks, none done; both units of task 2 red past 06-30 (one with leadership)")
        .isEqualTo(" 生命周期测试计划 执行中 8 0 2 0 ");
  }
}
