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
import com.xiezuo.support.TestSmtp;
import com.xiezuo.support.WebSession;
import com.xiezuo.support.XiezuoSpringTest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The same action by several users (or several clicks) at the same moment, as an outside probe sent them: one wins,
 * the others are told in Chinese that someone was quicker (4xx), nobody gets a 500, and a double urge is one mail.
 */
@XiezuoSpringTest
class RacesTest {

  @Autowired PlanImportService importer;
  @Autowired UnitAssignments assignments;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ProcessDriver.resetClock();
  }

  private PlanAtWork planAtWork() {
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
    PlanSummary plan = LifecycleFixture.importPlan(importer, false);
    LifecycleFixture.approve(taskService, plan);
    new ProcessDriver(managementService, historyService, plan.processInstanceId()).runDueJobs();
    return new PlanAtWork(assignments, taskService, plan.id());
  }

  @Test
  void twentyCompletionsOfOneTaskAtOnceGiveOneCompletionAndNoServerError() throws Exception {
    PlanAtWork work = planAtWork();
    UnitAssignment hrss = work.unit("hrss", "2");
    work.complete(hrss, "userTask_acceptTask", Map.of("taskAccepted", true));
    String report = work.open(hrss, "userTask_reportCompletion").getId();

    List<Api.Response> answers = allAtOnce(20, i -> Api.as(port, "hrss").postJson("/engine-rest/task/" + report
        + (i % 2 == 0 ? "/complete" : "/submit-form"),
        "{\"variables\": {\"completionSummary\": {\"value\": \"第 " + i + " 份报告：已完成。\"}}}"));

    assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isLessThan(500));
    assertThat(answers).filteredOn(a -> a.status() == 204).hasSize(1);
    assertThat(answers).filteredOn(a -> a.status() != 204)
        .allSatisfy(a -> assertThat(a.body()).containsPattern("\\p{IsHan}").doesNotContain("ENGINE-", "Exception:"));
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(report).finished().count()).isOne();
  }

  @Test
  void aDoubleUrgeIsOneMailAndTenAtOnceNoServerError() throws Exception {
    PlanAtWork work = planAtWork();
    UnitAssignment hrss = work.unit("hrss", "2");
    String path = "/execution/" + hrss.id() + "/urge";
    List<WebSession> supervisors = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      supervisors.add(WebSession.logIn(port, "supervisor"));
    }
    List<Api.Response> answers = allAtOnce(10, i -> supervisors.get(i).postForm(path, Map.of("message", "请尽快报送")));

    assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isLessThan(500));
    assertThat(TestSmtp.withKeyPrefix("urge/" + hrss.id() + "/")).as("one urge, one mail").hasSize(1);
  }

  /** Sends the requests from as many threads, released together. */
  private static List<Api.Response> allAtOnce(int count, IntFunction<Api.Response> request)
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(count);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Api.Response>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = i;
      Callable<Api.Response> call = () -> {
        go.await();
        return request.apply(n);
      };
      futures.add(threads.submit(call));
    }
    go.countDown();
    List<Api.Response> answers = new ArrayList<>();
    for (Future<Api.Response> future : futures) {
      answers.add(future.get());
    }
    threads.shutdown();
    return answers;
  }
}
