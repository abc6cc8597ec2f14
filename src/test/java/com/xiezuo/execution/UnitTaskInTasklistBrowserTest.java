package com.xiezuo.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.TasklistUser;
import com.xiezuo.support.XiezuoSpringTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A co-unit works its task end to end as its staff would: in Tasklist it accepts and reports progress, on the task
 * page (reached from the form's link, same login) it uploads evidence, then reports completion; the lead unit
 * approves in its Tasklist and leadership signs off in theirs.
 */
@XiezuoSpringTest
class UnitTaskInTasklistBrowserTest {

  @LocalServerPort int port;
  @Autowired PlanImportService importer;
  @Autowired UnitAssignments assignments;
  @Autowired UnitTaskData data;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ProcessDriver.resetClock();
  }

  private Task open(UnitAssignment assignment, String key) {
    Task task = taskService.createTaskQuery().processInstanceId(assignment.processInstanceId()).taskDefinitionKey(key)
        .singleResult();
    assertThat(task).as("open " + key).isNotNull();
    return task;
  }

  @Test
  void aCoUnitWorksItsTaskInTasklistWithEvidenceUntilLeadershipSignsOff(@TempDir Path files) throws Exception {
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
    PlanSummary plan = LifecycleFixture.importPlan(importer, false);
    LifecycleFixture.approve(taskService, plan);
    new ProcessDriver(managementService, historyService, plan.processInstanceId()).runDueJobs();
    UnitAssignment workGroup = assignments.ofPlan(plan.id()).stream()
        .filter(a -> a.unitId().equals("zunyiWorkGroup")).findFirst().orElseThrow();
    Path minutes = Files.writeString(files.resolve("5月劳务协作对接会纪要.pdf"), "%PDF-1.4\n对接会纪要\n",
        StandardCharsets.UTF_8);

    try (TasklistUser unit = TasklistUser.logIn(port, "zunyiWorkGroup", taskService)) {
      Task accept = open(workGroup, "userTask_acceptTask");
      unit.openAndClaim(accept);
      unit.tick("本单位已签收该任务");
      unit.complete(accept);

      Task progress = open(workGroup, "userTask_reportProgress");
      unit.openAndClaim(progress);
      unit.write("本期进展", "5 月组织遵义籍务工人员专场招聘会 1 场，输送 40 人。");
      unit.complete(progress);

      unit.open("/execution/" + workGroup.id());
      unit.browser().waitFor(By.cssSelector("#evidence-form input[type='file']"))
          .sendKeys(minutes.toAbsolutePath().toString());
      unit.browser().waitFor(By.cssSelector("#evidence-form input[name='description']")).sendKeys("对接会纪要");
      unit.browser().click(By.xpath("//form[@id='evidence-form']//button[normalize-space(.)='上传']"));
      unit.browser().waitFor(By.xpath("//*[contains(normalize-space(text()),'已上传')]"));
      assertThat(unit.browser().driver().findElement(By.tagName("body")).getText())
          .contains("5月劳务协作对接会纪要.pdf", "5 月组织遵义籍务工人员专场招聘会");
      unit.browser().screenshot("unit-task-page-evidence");

      Task completion = open(workGroup, "userTask_reportCompletion");
      unit.openAndClaim(completion);
      assertThat(unit.browser().driver().findElement(By.cssSelector(".fjs-form")).getText())
          .as("a co-unit has no co-units to sum up").doesNotContain("配合单位贡献");
      unit.write("完成情况", "全年协助输送劳动力 200 人，纪要已上传。");
      unit.complete(completion);
    }
    UnitAssignment hrss = assignments.ofPlan(plan.id()).stream()
        .filter(a -> a.unitId().equals("hrss")).findFirst().orElseThrow();
    try (TasklistUser lead = TasklistUser.logIn(port, "hrss", taskService)) {
      Task review = open(workGroup, "userTask_leadReview");
      lead.decide(review, "审核通过");

      Task accept = open(hrss, "userTask_acceptTask");
      lead.openAndClaim(accept);
      lead.tick("本单位已签收该任务");
      lead.complete(accept);
      lead.openAndClaim(open(hrss, "userTask_reportCompletion"));
      lead.browser().waitFor(By.xpath("//*[contains(normalize-space(text()),'配合单位贡献')]"));
      assertThat(lead.browser().driver().findElements(By.cssSelector(".fjs-form textarea")))
          .extracting(area -> area.getDomProperty("value"))
          .as("the lead unit sees what its co-units reported").anyMatch(text -> text != null
              && text.contains("市驻遵义工作组") && text.contains("全年协助输送劳动力 200 人"));
      lead.browser().screenshot("lead-unit-completion-with-co-units");
    }
    try (TasklistUser leader = TasklistUser.logIn(port, "leader", taskService)) {
      Task signOff = open(workGroup, "userTask_signOff");
      leader.openAndClaim(signOff);
      leader.choose("签批");
      leader.browser().screenshot("unit-task-sign-off");
      leader.complete(signOff);
    }

    assertThat(assignments.find(workGroup.id()).orElseThrow().status()).isEqualTo(AssignmentStatus.COMPLETED);
    assertThat(data.reports(workGroup.id())).extracting(UnitTaskData.Report::text)
        .contains("5 月组织遵义籍务工人员专场招聘会 1 场，输送 40 人。", "全年协助输送劳动力 200 人，纪要已上传。");
    assertThat(jdbc.sql("select uploaded_by from xz_evidence where assignment_id = ?").param(workGroup.id())
        .query(String.class).list()).containsExactly("zunyiWorkGroup");
  }
}
