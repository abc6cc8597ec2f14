package com.xiezuo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.XiezuoApplication;
import com.xiezuo.archive.ArchiveRecords;
import com.xiezuo.archive.ArchiveStatus;
import com.xiezuo.execution.AssignmentStatus;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.PlanStatus;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.support.Browser;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.TestSmtp;
import com.xiezuo.support.WebSession;
import com.xiezuo.workflow.Deadlines;
import com.xiezuo.workflow.ElementIds;
import com.xiezuo.workflow.ProcessKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded default's first start, as if today were 2026-08-10: the Zhuhai notice re-dated to 2026 and its year
 * so far replayed through the processes — without one mail reaching the SMTP server — and a second start that finds
 * the year and replays nothing.
 */
class DemoYearIT {

  static final LocalDate TODAY = LocalDate.of(2026, 8, 10);

  @TempDir Path dataDir;

  @AfterEach
  void resetClock() {
    ProcessDriver.resetClock();
  }

  private ConfigurableApplicationContext start() {
    TestSmtp.ensureStarted();
    return new SpringApplicationBuilder(XiezuoApplication.class).run("--server.port=0",
        "--xiezuo.data-dir=" + dataDir, "--camunda.bpm.process-engine-name=demoyear",
        "--camunda.bpm.job-execution.enabled=false", "--xiezuo.demo.today=" + TODAY,
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + System.getProperty(TestSmtp.PORT_PROPERTY));
  }

  @Test
  void theFirstStartOpensOnAYearInProgressAndALaterStartLeavesItAlone() throws IOException {
    TestSmtp.ensureStarted();
    int mailsBefore = TestSmtp.received().size();
    Map<String, Long> first;
    try (ConfigurableApplicationContext app = start()) {
      PlanRepository plans = app.getBean(PlanRepository.class);
      PlanSummary plan = plans.findAll().stream().filter(p -> p.year() == 2026).findFirst().orElseThrow();
      assertThat(plan.title()).contains("2026");
      assertThat(plan.status()).isEqualTo(PlanStatus.IN_PROGRESS);
      assertThat(Deadlines.today()).as("the engine clock stands on the pinned day").isEqualTo(TODAY);

      List<UnitAssignment> unitTasks = app.getBean(UnitAssignments.class).ofPlan(plan.id());
      assertThat(unitTasks).hasSizeGreaterThan(200);
      assertThat(unitTasks).filteredOn(a -> a.status() == AssignmentStatus.COMPLETED).as("done and signed").isNotEmpty();
      assertThat(unitTasks).filteredOn(a -> a.status() == AssignmentStatus.ACTIVE && a.overdue()).as("a few overdue")
          .hasSizeBetween(1, 20);

      TaskService taskService = app.getBean(TaskService.class);
      List<Task> open = taskService.createTaskQuery().processInstanceBusinessKeyLike("plan/2026/" + plan.id() + "%").list();
      assertThat(open).extracting(Task::getTaskDefinitionKey).as("work at every stage")
          .contains("userTask_reportCompletion", "userTask_reportProgress");
      assertThat(open).filteredOn(t -> t.getDueDate() != null && Deadlines.toLocalDate(t.getDueDate()).isAfter(TODAY)
          && Deadlines.toLocalDate(t.getDueDate()).isBefore(TODAY.plusDays(30))).as("due in the coming weeks").isNotEmpty();
      assertThat(taskService.createTaskQuery().taskCandidateGroup("hrss").processInstanceBusinessKeyLike("plan/2026/%")
          .count()).as("hrss has work today").isPositive();

      JdbcClient jdbc = app.getBean(JdbcClient.class);
      assertThat(jdbc.sql("select count(*) from xz_plan_change where plan_id = ? and status = 'APPROVED'")
          .param(plan.id()).query(Long.class).single()).as("one approved extension").isEqualTo(1);
      assertThat(jdbc.sql("select count(*) from xz_progress_report r join xz_unit_assignment a on a.id = r.assignment_id"
          + " where a.plan_id = ? and r.kind = 'PROGRESS' and r.period_end = ?").params(plan.id(), LocalDate.of(2026, 7, 31))
          .query(Long.class).single()).as("July reported by most units").isGreaterThan(unitTasks.size() / 2);
      assertThat(jdbc.sql("select count(*) from xz_mail where status <> 'SIMULATED'").query(Long.class).single())
          .as("every mail of the replayed days kept as replayed").isZero();
      assertThat(TestSmtp.received()).as("nothing reached the SMTP server").hasSize(mailsBefore);
      first = counts(jdbc);
      homePagesShowTheYearInProgress(app.getEnvironment().getProperty("local.server.port"));
    }
    ProcessDriver.resetClock();
    try (ConfigurableApplicationContext app = start()) {
      assertThat(counts(app.getBean(JdbcClient.class))).as("the second start replays nothing").isEqualTo(first);
      theArchiveHoldsEveryEvidenceFileAndApproval(app);
      theCoordinatorOpensTheAssessmentEarly(app);
    }
  }

  /**
   * The assessment waits for next January; the coordinator opens it now, every unit but 香洲区 self-assesses at once
   * through its task, and 香洲区's task is left for whoever tries the demo.
   */
  private static void theCoordinatorOpensTheAssessmentEarly(ConfigurableApplicationContext app) {
    PlanSummary plan = app.getBean(PlanRepository.class).findAll().stream().filter(p -> p.year() == 2026).findFirst()
        .orElseThrow();
    int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    WebSession coordinator = WebSession.logIn(port, "coordinator");
    String page = "/plans/" + plan.id() + "/assessment/parameters";
    assertThat(coordinator.get(page).body()).contains("年度考核开启时间：2027-01-", "提前开启年度考核");
    assertThat(coordinator.postForm("/plans/" + plan.id() + "/assessment/open", Map.of()).status()).isEqualTo(302);
    ManagementService jobs = app.getBean(ManagementService.class);
    jobs.executeJob(jobs.createJobQuery().processInstanceId(plan.processInstanceId())
        .activityId(ElementIds.AnnualPlan.TIMER_ASSESSMENT_DUE).singleResult().getId());
    jobs.executeJob(jobs.createJobQuery().processDefinitionKey(ProcessKeys.ANNUAL_ASSESSMENT).singleResult().getId());
    TaskService taskService = app.getBean(TaskService.class);
    List<Task> left = List.of();
    for (int poll = 0; poll < 120; poll++) {
      left = taskService.createTaskQuery().processDefinitionKey(ProcessKeys.SELF_ASSESSMENT).list();
      if (left.size() == 1) {
        break;
      }
      pause();
    }
    assertThat(left).as("only 香洲区's self-assessment is left").hasSize(1);
    assertThat(taskService.getVariable(left.get(0).getId(), "unitId")).isEqualTo("xiangzhou");
    assertThat(app.getBean(HistoryService.class).createHistoricTaskInstanceQuery()
        .processDefinitionKey(ProcessKeys.SELF_ASSESSMENT).finished().count())
        .as("the other units submitted through their tasks").isPositive();
  }

  /**
   * The coordinator archives the demo year: the ZIP, built by its job, holds every evidence file of the plan byte for
   * byte, and every approval and return with its comment appears in the archived audit trail.
   */
  private static void theArchiveHoldsEveryEvidenceFileAndApproval(ConfigurableApplicationContext app)
      throws IOException {
    PlanSummary plan = app.getBean(PlanRepository.class).findAll().stream().filter(p -> p.year() == 2026).findFirst()
        .orElseThrow();
    int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    assertThat(WebSession.logIn(port, "coordinator").postForm("/plans/" + plan.id() + "/archive", Map.of()).status())
        .isEqualTo(302);
    ArchiveRecords records = app.getBean(ArchiveRecords.class);
    ArchiveRecords.Archive requested = records.ofPlan(plan.id()).get(0);
    ManagementService jobs = app.getBean(ManagementService.class);
    String instance = app.getBean(RuntimeService.class).createProcessInstanceQuery()
        .processInstanceBusinessKey("archive/" + plan.id() + "/" + requested.id()).singleResult().getId();
    jobs.executeJob(jobs.createJobQuery().processInstanceId(instance).singleResult().getId());
    assertThat(records.find(requested.id()).orElseThrow().status()).isEqualTo(ArchiveStatus.DONE);
    var download = WebSession.logIn(port, "leader").getBytes("/archives/" + requested.id() + "/download");
    assertThat(download.statusCode()).isEqualTo(200);
    Map<String, byte[]> files = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(download.body()), StandardCharsets.UTF_8)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        files.put(entry.getName(), zip.readAllBytes());
      }
    }
    Set<String> digests = new HashSet<>();
    files.values().forEach(bytes -> digests.add(sha256(bytes)));
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    List<String> evidence = jdbc.sql("select e.sha256 from xz_evidence e join xz_unit_assignment a on a.id = e.assignment_id"
        + " where a.plan_id = ?").param(plan.id()).query(String.class).list();
    assertThat(evidence).as("the demo year has evidence files").hasSizeGreaterThan(20);
    assertThat(digests).as("every evidence file, byte for byte").containsAll(evidence);
    String archivedTrail = files.entrySet().stream().filter(entry -> entry.getKey().endsWith(".txt"))
        .map(entry -> new String(entry.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("\n"));
    List<String> comments = jdbc.sql("select detail from xz_audit_event where plan_id = ? and unit_id is not null"
        + " and action in ('APPROVED', 'RETURNED') and detail like '%意见：%'").param(plan.id()).query(String.class).list();
    assertThat(comments).as("the demo year has approvals with comments").isNotEmpty();
    assertThat(comments).as("every unit task's approval with its comment").allMatch(archivedTrail::contains);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits for the demo's own thread to answer; a poll, not a timer in the process. */
  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A unit's and the leader's first screen after logging in, in a real browser (zh-CN Chromium). */
  private static void homePagesShowTheYearInProgress(String port) {
    try (Browser browser = Browser.startOrSkip()) {
      for (String user : List.of("hrss", "leader")) {
        browser.open("http://localhost:" + port + "/login");
        browser.waitFor(By.name("username")).sendKeys(user);
        browser.waitFor(By.name("password")).sendKeys(user);
        browser.click(By.cssSelector("button[type='submit']"));
        WebElement todo = browser.waitFor(By.id("todo"));
        assertThat(todo.getText()).as(user).contains("待我处理", "珠海市 2026 年东西部协作工作要点");
        assertThat(Integer.parseInt(browser.waitFor(By.id("todoCount")).getText())).as(user).isPositive();
        browser.screenshot("demo-year-home-" + user);
        if (user.equals("hrss")) {
          assertThat(browser.waitFor(By.id("unit-work")).getText()).contains("本单位任务", "已办结", "牵头单位");
        } else {
          assertThat(browser.waitFor(By.id("plans")).getText()).contains("工作计划进展", "执行中");
          // a leader opens on the demo plan's dashboard: cards and charts drawn
          assertThat(browser.waitFor(By.id("dashboard")).getText()).contains("珠海市 2026 年东西部协作工作要点 · 工作看板",
              "已办结", "已逾期");
          browser.waitFor(By.cssSelector("#chartStates[data-drawn='true'] svg"));
          browser.waitFor(By.cssSelector("#chartCompletion[data-drawn='true'] svg"));
          browser.waitFor(By.cssSelector("#chartOverdue[data-drawn='true'] svg"));
          browser.screenshot("demo-year-home-dashboard");
        }
        browser.click(By.cssSelector("form.user button[type='submit']"));
        browser.waitFor(By.name("username"));
      }
    }
  }

  private static Map<String, Long> counts(JdbcClient jdbc) {
    return Map.of(
        "plans", jdbc.sql("select count(*) from xz_plan").query(Long.class).single(),
        "reports", jdbc.sql("select count(*) from xz_progress_report").query(Long.class).single(),
        "tasks", jdbc.sql("select count(*) from ACT_HI_TASKINST").query(Long.class).single());
  }
}
