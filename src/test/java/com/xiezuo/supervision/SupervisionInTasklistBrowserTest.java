package com.xiezuo.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.supervision.RectificationRecords.Rectification;
import com.xiezuo.supervision.SupervisionRoundRecords.Round;
import com.xiezuo.supervision.bulletin.Bulletin;
import com.xiezuo.supervision.bulletin.BulletinStatus;
import com.xiezuo.supervision.bulletin.Bulletins;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.TasklistUser;
import com.xiezuo.support.XiezuoSpringTest;
import com.xiezuo.workflow.ElementIds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A round as the people do it, in the browser: the supervisor orders it, goes through its findings, sends 市驻遵义工作组
 * a rectification notice and writes the conclusion in Tasklist; the unit uploads its evidence and answers in its
 * Tasklist; the supervisor closes the notice, criticises the unit in the bulletin and sends it on; the leader signs
 * it in Tasklist; a district reads the published bulletin and prints it on A4.
 */
@XiezuoSpringTest
class SupervisionInTasklistBrowserTest {

  private static final Pattern PDF_PAGE = Pattern.compile("/Type\\s*/Page[^s]");

  @LocalServerPort int port;
  @Autowired PlanImportService importer;
  @Autowired UnitAssignments assignments;
  @Autowired SupervisionRounds rounds;
  @Autowired Rectifications rectifications;
  @Autowired Bulletins bulletins;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  @AfterEach
  void resetClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void aSupervisorRunsARoundTheUnitRectifiesTheLeaderSignsTheBulletin(@TempDir Path files) throws Exception {
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
    PlanSummary plan = LifecycleFixture.importPlan(importer, false);
    LifecycleFixture.approve(taskService, plan);
    ProcessDriver driver = new ProcessDriver(managementService, historyService, plan.processInstanceId());
    driver.runDueJobs();
    for (UnitAssignment assignment : assignments.ofPlan(plan.id())) {
      taskService.complete(open(assignment.processInstanceId(), ElementIds.UnitTask.ACCEPT_TASK).getId(),
          Map.of("taskAccepted", true));
    }
    driver.advanceTo(LocalDateTime.of(2023, 7, 5, 10, 0));
    Path evidence = Files.writeString(files.resolve("劳务对接完成情况.pdf"), "%PDF-1.4\n完成情况\n", StandardCharsets.UTF_8);

    Round round;
    Task review;
    try (TasklistUser supervisor = TasklistUser.logIn(port, "supervisor", taskService)) {
      supervisor.open("/supervision");
      supervisor.browser().waitFor(By.cssSelector("select[name='planId'] option[value='" + plan.id() + "']")).click();
      supervisor.browser().click(By.xpath("//button[normalize-space(.)='发起督查']"));
      supervisor.browser().waitFor(By.xpath("//*[contains(normalize-space(text()),'已发起第')]"));
      round = rounds.rounds(plan.id()).get(0);
      long overdue = rounds.findings(round.id()).stream()
          .filter(stored -> stored.finding().reason() == FindingReason.OVERDUE
              && stored.finding().unitId().equals("zunyiWorkGroup")).findFirst().orElseThrow().id();
      supervisor.browser().click(By.cssSelector("tr[data-finding='" + overdue + "'] input[type='checkbox']"));
      supervisor.browser().waitFor(By.cssSelector("#issue-rectification-form textarea[name='requirement']"))
          .sendKeys("7 月 20 日前报送劳务对接完成情况并上传佐证材料");
      ((JavascriptExecutor) supervisor.browser().driver()).executeScript("arguments[0].value = '2023-07-20'",
          supervisor.browser().waitFor(By.cssSelector("#issue-rectification-form input[name='dueDate']")));
      supervisor.browser().click(By.xpath("//button[normalize-space(.)='下发整改通知']"));
      supervisor.browser().waitFor(By.xpath("//*[contains(normalize-space(text()),'整改通知已下发')]"));

      review = open(round.processInstanceId(), ElementIds.SupervisionRound.REVIEW_FINDINGS);
      supervisor.openAndClaim(review);
      supervisor.write("本轮督查意见", "任务 2 逾期，已向市驻遵义工作组下发整改通知；其余按计划推进。");
      supervisor.browser().screenshot("supervision-review-findings");
      supervisor.complete(review);
    }
    driver.runDueJobs();
    Rectification notice = rectifications.ofRound(round.id()).get(0);
    assertThat(notice.unitId()).isEqualTo("zunyiWorkGroup");

    try (TasklistUser unit = TasklistUser.logIn(port, "zunyiWorkGroup", taskService)) {
      unit.open("/rectifications/" + notice.id());
      unit.browser().waitFor(By.cssSelector("#upload-evidence input[type='file']"))
          .sendKeys(evidence.toAbsolutePath().toString());
      unit.browser().waitFor(By.cssSelector("#upload-evidence input[name='description']")).sendKeys("完成情况");
      unit.browser().click(By.xpath("//button[normalize-space(.)='上传佐证材料']"));
      unit.browser().waitFor(By.xpath("//*[contains(normalize-space(text()),'已上传')]"));
      Task report = open(notice.processInstanceId(), ElementIds.Rectification.REPORT);
      unit.openAndClaim(report);
      unit.choose("报送整改情况");
      unit.write("整改情况", "已组织劳务对接活动 6 场，输送 120 人，完成情况和佐证材料已上传。");
      unit.browser().screenshot("rectification-report");
      unit.complete(report);
    }

    try (TasklistUser supervisor = TasklistUser.logIn(port, "supervisor", taskService)) {
      Task verify = open(notice.processInstanceId(), ElementIds.Rectification.VERIFY);
      supervisor.openAndClaim(verify);
      supervisor.choose("整改到位，销号");
      supervisor.write("复核意见", "凭证齐全，同意销号。");
      supervisor.complete(verify);
      supervisor.open("/supervision/rounds/" + round.id() + "/bulletin");
      supervisor.browser().click(By.xpath("//button[normalize-space(.)='按最新记录重算']"));
      supervisor.browser().waitFor(By.xpath("//*[contains(normalize-space(text()),'已按最新记录重算')]"));
      supervisor.browser().click(By.xpath("//li[@data-kind='CRITICISM'][contains(.,'市驻遵义工作组')]"
          + "//button[normalize-space(.)='列入通报批评']"));
      supervisor.browser().waitFor(By.xpath("//*[contains(normalize-space(text()),'已列入通报批评')]"));
      supervisor.browser().screenshot("bulletin-editor");
      Task edit = open(round.processInstanceId(), ElementIds.SupervisionRound.EDIT_BULLETIN);
      supervisor.openAndClaim(edit);
      supervisor.complete(edit);
    }

    try (TasklistUser leader = TasklistUser.logIn(port, "leader", taskService)) {
      Task sign = open(round.processInstanceId(), ElementIds.SupervisionRound.SIGN_BULLETIN);
      leader.openAndClaim(sign);
      assertThat(leader.browser().driver().findElement(By.cssSelector(".fjs-form")).getText())
          .contains("打开通报全文", "通报数据");
      leader.choose("批准发布");
      leader.write("审签意见", "同意发布。");
      leader.browser().screenshot("bulletin-sign");
      leader.complete(sign);
    }
    driver.runDueJobs();
    Bulletin published = bulletins.ofRound(round.id()).orElseThrow();
    assertThat(published.status()).isEqualTo(BulletinStatus.PUBLISHED);
    assertThat(published.events()).extracting(event -> event.kind() + " " + event.comment())
        .as("a comment given with the approval is kept").contains("APPROVED 同意发布。");
    assertThat(rectifications.view(notice).events()).extracting(event -> event.kind() + " " + event.detail())
        .contains("CLOSED 凭证齐全，同意销号。");
    assertThat(published.mentions()).extracting(mention -> mention.unitId() + " " + mention.facts())
        .containsExactly("zunyiWorkGroup 1 项单位任务逾期未完成，被亮红牌 1 张");

    try (TasklistUser district = TasklistUser.logIn(port, "doumen", taskService)) {
      district.open("/bulletins");
      district.browser().click(By.linkText(published.stored().text().title()));
      String page = district.browser().waitFor(By.id("bulletin")).getText();
      assertThat(page).contains("督查通报 第 1 期", "通报批评", "市驻遵义工作组：1 项单位任务逾期未完成，被亮红牌 1 张。",
          "2023年7月5日", "各单位任务推进情况表");
      district.browser().screenshot("bulletin-page");
      PrintOptions a4 = new PrintOptions();
      a4.setPageSize(new PageSize(29.7, 21.0));
      byte[] pdf = Base64.getDecoder().decode(((PrintsPage) district.browser().driver()).print(a4).getContent());
      Files.write(district.browser().screenshot("bulletin-page").resolveSibling("bulletin-a4.pdf"), pdf);
      long pages = PDF_PAGE.matcher(new String(pdf, StandardCharsets.ISO_8859_1)).results().count();
      assertThat(pages).as("the body, then each annexed table on a page of its own").isGreaterThanOrEqualTo(3);
    }
  }

  private Task open(String processInstanceId, String key) {
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
        .singleResult();
    assertThat(task).as("open " + key).isNotNull();
    return task;
  }
}
