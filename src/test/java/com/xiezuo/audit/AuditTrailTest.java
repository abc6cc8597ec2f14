package com.xiezuo.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.support.Api;
import com.xiezuo.support.PlanAtWork;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.WebSession;
import com.xiezuo.support.XiezuoSpringTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A unit task walked over the engine's REST API and Xiezuo's pages, the way Tasklist and the task page do it, then
 * read back on the audit trail: every step in order with who did it, decisions with their comments; a unit sees its
 * own lines only.
 */
@XiezuoSpringTest
class AuditTrailTest {

  @Autowired PlanImportService importer;
  @Autowired UnitAssignments assignments;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;

  private PlanSummary plan;
  private PlanAtWork work;

  @BeforeEach
  void planInProgress() {
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
    plan = LifecycleFixture.importPlan(importer, false);
    LifecycleFixture.approve(taskService, plan);
    new ProcessDriver(managementService, historyService, plan.processInstanceId()).runDueJobs();
    work = new PlanAtWork(assignments, taskService, plan.id());
  }

  @AfterEach
  void resetClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void aWalkedTaskReadsBackInOrderWithWhoAndWhy() {
    UnitAssignment workGroup = work.unit("zunyiWorkGroup", "2");
    Api unit = Api.as(port, "zunyiWorkGroup");
    String accept = work.open(workGroup, "userTask_acceptTask").getId();
    assertThat(unit.postJson("/engine-rest/task/" + accept + "/claim", "{\"userId\":\"zunyiWorkGroup\"}").status())
        .isEqualTo(204);
    assertThat(unit.postJson("/engine-rest/task/" + accept + "/complete",
        "{\"variables\":{\"taskAccepted\":{\"value\":true}}}").status()).isEqualTo(204);
    WebSession unitPage = WebSession.logIn(port, "zunyiWorkGroup");
    assertThat(unitPage.upload("/execution/" + workGroup.id() + "/evidence", "file", "名单.txt",
        "劳务输出人员名单".getBytes(StandardCharsets.UTF_8), Map.of("description", "<script>alert(1)</script>名单"))
        .status()).isEqualTo(302);
    String report = work.open(workGroup, "userTask_reportCompletion").getId();
    assertThat(unit.postJson("/engine-rest/task/" + report + "/complete",
        "{\"variables\":{\"completionSummary\":{\"value\":\"协助组织劳务输出 40 人，名单已上传。\"}}}").status())
        .isEqualTo(204);
    String review = work.open(workGroup, "userTask_leadReview").getId();
    assertThat(Api.as(port, "hrss").postJson("/engine-rest/task/" + review + "/complete",
        "{\"variables\":{\"leadReviewDecision\":{\"value\":\"return\"},\"leadReviewComment\":{\"value\":\"请补充人员名单\"}}}")
        .status()).isEqualTo(204);
    WebSession.logIn(port, "leader").postForm("/execution/" + workGroup.id() + "/instructions",
        Map.of("text", "抓紧落实稳岗"));

    WebSession coordinator = WebSession.logIn(port, "coordinator");
    Api.Response trail = coordinator.get("/audit?plan=" + plan.id() + "&task=2&unit=zunyiWorkGroup&order=asc");
    assertThat(trail.status()).isEqualTo(200);
    List<String> actions = actionsOf(trail.body());
    assertThat(actions).as("the walk, step by step").containsExactly("TASK_CLAIMED", "TASK_COMPLETED",
        "EVIDENCE_UPLOADED", "REPORTED", "RETURNED", "INSTRUCTED");
    assertThat(trail.body()).contains("签收任务｜2").contains("退回修改。意见：请补充人员名单").contains("抓紧落实稳岗")
        .contains("名单.txt").contains("hrss").contains("leader")
        .doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");

    historyService.createUserOperationLogQuery().processInstanceId(workGroup.processInstanceId()).list()
        .forEach(entry -> historyService.deleteUserOperationLogEntry(entry.getId()));
    assertThat(actionsOf(coordinator.get("/audit?plan=" + plan.id() + "&task=2&unit=zunyiWorkGroup&order=asc").body()))
        .as("the engine's log deleted (as its history time-to-live does), the trail stays").isEqualTo(actions);

    Api.Response whole = coordinator.get("/audit?plan=" + plan.id() + "&order=asc");
    assertThat(actionsOf(whole.body())).as("the plan's own lines come first").startsWith("PLAN_IMPORTED", "SUBMITTED",
        "APPROVED");

    Api.Response asUnit = unitPage.get("/audit?plan=" + plan.id());
    assertThat(actionsOf(asUnit.body())).as("a unit sees its own lines, not the plan's approval").hasSize(6)
        .doesNotContain("PLAN_IMPORTED", "APPROVED");
    assertThat(actionsOf(WebSession.logIn(port, "hrss").get("/audit?plan=" + plan.id() + "&unit=zunyiWorkGroup").body()))
        .as("the lead unit sees its own review of the co-unit's work, nothing else of it").containsExactly("RETURNED");
    Api.Response otherUnit = unitPage.get("/audit?unit=hrss");
    assertThat(actionsOf(otherUnit.body())).as("asking for another unit's lines shows none").isEmpty();
    assertThat(otherUnit.body()).doesNotContain("人力资源和社会保障局</option>");

    Api.Response bad = coordinator.get("/audit?from=2023-13-01&plan=abc");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("起始日期须为“年-月-日”格式").contains("计划编号须为数字");
  }

  private static List<String> actionsOf(String html) {
    Matcher m = Pattern.compile("data-action=\"([A-Z_]+)\"").matcher(html);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
