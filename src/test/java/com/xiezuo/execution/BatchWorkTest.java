package com.xiezuo.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.audit.AuditFilter;
import com.xiezuo.audit.AuditTrail;
import com.xiezuo.decomposition.Allocations;
import com.xiezuo.lifecycle.AcceptedYear;
import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.support.Api;
import com.xiezuo.support.PlanAtWork;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.WebSession;
import com.xiezuo.support.XiezuoSpringTest;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Batch work on the pages: leadership signs off several completions at once, a unit accepts several tasks; one
 * item that cannot be done leaves every item as it was, claims included.
 */
@XiezuoSpringTest
class BatchWorkTest {

  @Autowired PlanImportService importer;
  @Autowired Allocations allocations;
  @Autowired UnitAssignments assignments;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired AuditTrail trail;
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void leadershipSignsOffSeveralAtOnceOrNoneOfThem() {
    AcceptedYear first = AcceptedYear.begin(importer, allocations, assignments, taskService, managementService,
        historyService);
    AcceptedYear second = AcceptedYear.begin(importer, allocations, assignments, taskService, managementService,
        historyService);
    Task a = reportedAndWaiting(first.work());
    Task b = reportedAndWaiting(second.work());
    Task notASignOff = first.work().open(first.work().unit("zunyiWorkGroup", "2"), "userTask_reportCompletion");
    WebSession leader = WebSession.logIn(port, "leader");
    assertThat(leader.get("/batch/sign-offs").body()).contains(a.getId(), b.getId());

    Api.Response mixed = leader.postFields("/batch/sign-offs", "task", a.getId(), "task", notASignOff.getId(), "comment", "同意");
    assertThat(mixed.status()).isEqualTo(409);
    assertThat(mixed.body()).contains("未签批任何一项：第 2 项已不在您的待签批任务中");
    Task untouched = taskService.createTaskQuery().taskId(a.getId()).singleResult();
    assertThat(untouched).as("the first item was done, then rolled back with the second").isNotNull();
    assertThat(untouched.getAssignee()).as("its claim too").isNull();

    Api.Response tooLong = leader.postFields("/batch/sign-offs", "task", a.getId(), "task", b.getId(), "comment-" + b.getId(), "意".repeat(2001));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body()).contains("第 2 项的签批意见不能超过 2000 字");
    assertThat(taskService.createTaskQuery().taskId(a.getId()).count()).isOne();

    Api.Response both = leader.postFields("/batch/sign-offs", "task", a.getId(), "task", b.getId(),
        "comment", "同意，按期完成", "comment-" + b.getId(), "同意，请继续做好稳岗");
    assertThat(both.status()).isEqualTo(302);
    assertThat(leader.follow(both).body()).contains("已签批 2 项");
    assertThat(taskService.createTaskQuery().taskId(a.getId()).count()).isZero();
    assertThat(taskService.createTaskQuery().taskId(b.getId()).count()).isZero();
    assertThat(assignments.find(first.work().unit("hrss", "2").id()).orElseThrow().status())
        .isEqualTo(AssignmentStatus.COMPLETED);
    assertThat(approvals(first.plan())).as("each with its comment, on the audit trail")
        .anyMatch(line -> line.contains("批准。意见：同意，按期完成"));
    assertThat(approvals(second.plan())).anyMatch(line -> line.contains("批准。意见：同意，请继续做好稳岗"));

    assertThat(WebSession.logIn(port, "hrss").postFields("/batch/sign-offs", "task", a.getId()).status())
        .as("units do not sign off").isEqualTo(403);
  }

  @Test
  void aUnitAcceptsSeveralTasksAtOnceButOnlyItsOwn() {
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
    PlanAtWork one = handedOut();
    PlanAtWork two = handedOut();
    Task first = one.open(one.unit("rrb", "1"), "userTask_acceptTask");
    Task second = two.open(two.unit("rrb", "1"), "userTask_acceptTask");
    Task finances = two.open(two.unit("finance", "1"), "userTask_acceptTask");
    WebSession rrb = WebSession.logIn(port, "rrb");
    assertThat(rrb.get("/batch/accept").body()).contains(first.getId(), second.getId()).doesNotContain(finances.getId());

    Api.Response withOther = rrb.postFields("/batch/accept", "task", first.getId(), "task", finances.getId());
    assertThat(withOther.status()).isEqualTo(409);
    assertThat(taskService.createTaskQuery().taskId(first.getId()).count()).as("nothing applied").isOne();
    assertThat(taskService.createTaskQuery().taskId(finances.getId()).singleResult().getAssignee()).isNull();

    Api.Response none = rrb.postFields("/batch/accept");
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.body()).contains("请至少勾选一项要签收的任务");

    Api.Response both = rrb.postFields("/batch/accept", "task", first.getId(), "task", second.getId());
    assertThat(both.status()).isEqualTo(302);
    assertThat(rrb.follow(both).body()).contains("已签收 2 项");
    assertThat(one.open(one.unit("rrb", "1"), "userTask_acceptTask")).isNull();
    assertThat(two.open(two.unit("rrb", "1"), "userTask_acceptTask")).isNull();
  }

  private Task reportedAndWaiting(PlanAtWork work) {
    UnitAssignment hrss = work.unit("hrss", "2");
    work.complete(hrss, "userTask_reportCompletion", Map.of("completionSummary", "全年输送劳动力 200 人，稳岗率 95%。"));
    return work.open(hrss, "userTask_signOff");
  }

  private PlanAtWork handedOut() {
    PlanSummary plan = LifecycleFixture.importPlan(importer, false);
    LifecycleFixture.approve(taskService, plan);
    new ProcessDriver(managementService, historyService, plan.processInstanceId()).runDueJobs();
    return new PlanAtWork(assignments, taskService, plan.id());
  }

  private List<String> approvals(PlanSummary plan) {
    return trail.find(AuditFilter.everything().ofPlan(plan.id()), 1).rows().stream()
        .map(row -> row.action().name() + " " + row.detail()).toList();
  }
}
