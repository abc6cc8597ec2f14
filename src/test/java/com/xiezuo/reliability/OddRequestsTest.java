package com.xiezuo.reliability;

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
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Requests an outside probe found answered with 500: each now gets the 4xx a user can act on. */
@XiezuoSpringTest
class OddRequestsTest {

  @Autowired PlanImportService importer;
  @Autowired UnitAssignments assignments;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void theAllocationsOfAPlanThatDoesNotExistAreNotFound() {
    Api.Response api = Api.as(port, "coordinator").send("PUT", "/api/plans/999999/allocations", "[]");
    assertThat(api.status()).isEqualTo(404);
    assertThat(api.body()).contains("没有编号为 999999 的计划");
    assertThat(Api.as(port, "coordinator").get("/api/plans/999999/allocations").status()).isEqualTo(404);

    WebSession page = WebSession.logIn(port, "coordinator");
    Api.Response form = page.postForm("/plans/999999/allocation", Map.of("cell_1_hrss", "5"));
    assertThat(form.status()).isEqualTo(404);
    assertThat(form.body()).contains("没有编号为 999999 的计划");
  }

  @Test
  void theErrorPageAskedForDirectlyIsAPageThatDoesNotExist() {
    Api.Response error = Api.as(port, "coordinator").get("/error");
    assertThat(error.status()).isEqualTo(404);
    assertThat(error.body()).contains("找不到");
    assertThat(Api.anonymous(port).get("/error").status()).isEqualTo(404);
  }

  @Test
  void anEvidenceFileNameWithANulByteOrTooLongIsRefusedAndNothingStored() {
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
    PlanSummary plan = LifecycleFixture.importPlan(importer, false);
    LifecycleFixture.approve(taskService, plan);
    new ProcessDriver(managementService, historyService, plan.processInstanceId()).runDueJobs();
    PlanAtWork work = new PlanAtWork(assignments, taskService, plan.id());
    UnitAssignment workGroup = work.unit("zunyiWorkGroup", "2");
    work.complete(workGroup, "userTask_acceptTask", Map.of("taskAccepted", true));
    WebSession unit = WebSession.logIn(port, "zunyiWorkGroup");
    byte[] content = "名单".getBytes(StandardCharsets.UTF_8);
    long before = evidenceOf(workGroup);

    Api.Response nul = unit.upload("/execution/" + workGroup.id() + "/evidence", "file", "名单\0.pdf.txt", content,
        Map.of());
    assertThat(nul.status()).isEqualTo(400);
    assertThat(nul.body()).contains("文件名含有不允许的字符");

    Api.Response tooLong = unit.follow(unit.upload("/execution/" + workGroup.id() + "/evidence", "file",
        "名".repeat(300) + ".txt", content, Map.of()));
    assertThat(tooLong.body()).contains("文件名过长（304 字），最多 120 字");
    assertThat(evidenceOf(workGroup)).isEqualTo(before);
  }

  @Test
  void aNulCharacterAnywhereOrAHugeEngineBodyIsRefusedBeforeAnythingReadsIt() {
    long plans = jdbc.sql("select count(*) from xz_plan").query(Long.class).single();
    Api.Response json = Api.as(port, "coordinator").postJson("/api/plans/import",
        "{\"title\": \"计划\\u0000\", \"year\": 2031, \"tasks\": []}");
    assertThat(json.status()).isEqualTo(400);
    assertThat(json.body()).contains("含有空字符（NUL）");
    assertThat(jdbc.sql("select count(*) from xz_plan").query(Long.class).single()).isEqualTo(plans);

    WebSession page = WebSession.logIn(port, "coordinator");
    Api.Response form = page.postForm("/plans/review", Map.of("notice", "一、工作\u0000", "year", "2031"));
    assertThat(form.status()).isEqualTo(400);
    assertThat(form.body()).contains("含有空字符（NUL）");

    Api.Response huge = Api.as(port, "hrss").postJson("/engine-rest/task/no-such-task/comment/create",
        "{\"message\": \"" + "长".repeat(400_000) + "\"}");
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.body()).contains("一次最多 1 MB");
  }

  private long evidenceOf(UnitAssignment assignment) {
    return jdbc.sql("select count(*) from xz_evidence where assignment_id = ?").param(assignment.id())
        .query(Long.class).single();
  }
}
