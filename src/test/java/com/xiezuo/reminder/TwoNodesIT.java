package com.xiezuo.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.XiezuoApplication;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.mail.MailKind;
import com.xiezuo.mail.MailMessage;
import com.xiezuo.mail.MailService;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.TestPostgres;
import com.xiezuo.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes on one PostgreSQL database, both running their job executors: every due reminder goes out
 * exactly once between them, and a reminder one node already sent is not sent again by the other.
 */
class TwoNodesIT {

  private ConfigurableApplicationContext nodeA;
  private ConfigurableApplicationContext nodeB;

  @AfterEach
  void stop() {
    ProcessDriver.resetClock();
    if (nodeB != null) {
      nodeB.close();
    }
    if (nodeA != null) {
      nodeA.close();
    }
  }

  private static ConfigurableApplicationContext node(String url, String name, boolean jobs) {
    return new SpringApplicationBuilder(XiezuoApplication.class).run("--spring.profiles.active=postgres",
        "--server.port=0", "--xiezuo.demo.living-year=false", "--SPRING_DATASOURCE_URL=" + url, "--SPRING_DATASOURCE_USERNAME=postgres",
        "--SPRING_DATASOURCE_PASSWORD=", "--camunda.bpm.process-engine-name=" + name,
        "--camunda.bpm.job-execution.enabled=" + jobs, "--camunda.bpm.job-execution.wait-time-in-millis=100",
        "--camunda.bpm.job-execution.max-wait=500", "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + System.getProperty(TestSmtp.PORT_PROPERTY));
  }

  @Test
  void dueRemindersAreSentOnceAcrossNodesAndNotAgainByTheOtherNode() throws Exception {
    TestSmtp.ensureStarted();
    String url = TestPostgres.newDatabaseUrl();
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
    nodeA = node(url, "nodeA", false);
    nodeB = node(url, "nodeB", false);

    PlanSummary plan = LifecycleFixture.importPlan(nodeA.getBean(PlanImportService.class), false);
    TaskService tasks = nodeB.getBean(TaskService.class);
    tasks.complete(tasks.createTaskQuery().processInstanceId(plan.processInstanceId()).singleResult().getId(),
        Map.of("reviewConfirmed", true));
    tasks.complete(tasks.createTaskQuery().processInstanceId(plan.processInstanceId()).singleResult().getId(),
        Map.of("approvalDecision", "approve"));
    ManagementService jobs = nodeA.getBean(ManagementService.class);
    new ProcessDriver(jobs, nodeA.getBean(org.camunda.bpm.engine.HistoryService.class), plan.processInstanceId())
        .runDueJobs();
    List<UnitAssignment> units = nodeA.getBean(UnitAssignments.class).ofPlan(plan.id());
    assertThat(units).hasSize(8);

    // node A sent the hrss reminder of 5-24 already (as if its job then failed to commit and is retried elsewhere)
    UnitAssignment hrss = units.stream().filter(a -> a.unitId().equals("hrss")).findFirst().orElseThrow();
    String sentByA = "reminder/" + hrss.id() + "/PERIOD/2023-05-31/2023-05-31/P7D";
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 24, 9, 0));
    nodeA.getBean(MailService.class).deliver(new MailMessage(sentByA, MailKind.REMINDER,
        List.of("hrss@units.xiezuo.example"), "【协作提醒】预先发送", "节点 A 已发送", hrss.businessKey(), null));

    // both job executors now race for the due reminder jobs of all 8 unit tasks
    nodeA.close();
    nodeB.close();
    nodeA = node(url, "nodeA", true);
    nodeB = node(url, "nodeB", true);
    waitUntilNoJobIsDue(nodeA.getBean(ManagementService.class), Duration.ofSeconds(60));

    Map<String, Integer> sends = new HashMap<>();
    for (UnitAssignment unit : units) {
      for (MimeMessage mail : TestSmtp.withKeyPrefix("reminder/" + unit.id() + "/")) {
        sends.merge(TestSmtp.key(mail), 1, Integer::sum);
      }
    }
    assertThat(sends).hasSize(8).allSatisfy((key, count) -> assertThat(count).as(key).isOne());
    assertThat(sends).containsKey(sentByA);
    assertThat(TestSmtp.withKeyPrefix(sentByA)).singleElement()
        .satisfies(mail -> assertThat(mail.getSubject()).isEqualTo("【协作提醒】预先发送"));
  }

  /** Waits for the job executors (their own threads) to finish what is due; polls, does not drive time. */
  private static void waitUntilNoJobIsDue(ManagementService jobs, Duration limit) throws InterruptedException {
    Instant end = Instant.now().plus(limit);
    while (Instant.now().isBefore(end)) {
      if (jobs.createJobQuery().executable().count() == 0 && jobs.createJobQuery().active().list().stream()
          .noneMatch(job -> ((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job).getLockOwner() != null)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("jobs still due after " + limit);
  }
}
