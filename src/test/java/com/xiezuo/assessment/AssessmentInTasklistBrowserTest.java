package com.xiezuo.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.assessment.AssessmentRecords.AssessedUnit;
import com.xiezuo.assessment.AssessmentRecords.Assessment;
import com.xiezuo.decomposition.Allocations;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.lifecycle.AcceptedYear;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.TasklistUser;
import com.xiezuo.support.XiezuoSpringTest;
import com.xiezuo.workflow.ElementIds;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
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
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The assessment as its people do it, in the browser: 香洲区 uploads its evidence, claims an innovation item with
 * it and submits its self-assessment in Tasklist; the assessor awards points for the claim with a reason and sends
 * the review on in Tasklist; the leader approves in Tasklist; a district reads the published ranking and prints it.
 */
@XiezuoSpringTest
class AssessmentInTasklistBrowserTest {

  private static final Pattern PDF_PAGE = Pattern.compile("/Type\\s*/Page[^s]");

  @LocalServerPort int port;
  @Autowired PlanImportService importer;
  @Autowired Allocations allocations;
  @Autowired UnitAssignments assignments;
  @Autowired AssessmentRecords records;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  @AfterEach
  void resetClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void aUnitSelfAssessesTheAssessorAwardsTheLeaderApprovesTheRankingShows(@TempDir Path files) throws Exception {
    AcceptedYear year = AcceptedYear.begin(importer, allocations, assignments, taskService, managementService,
        historyService);
    PlanSummary plan = year.plan();
    ProcessDriver driver = year.driver();
    driver.advanceTo(LocalDateTime.of(2023, 12, 15, 10, 0));
    Assessment assessment = records.ofPlan(plan.id()).get(0);
    for (Task self : selfAssessments(driver)) {
      if (!"xiangzhou".equals(taskService.getVariable(self.getId(), "unitId"))) {
        taskService.complete(self.getId(), Map.of("selfReport", "全年任务按计划推进，台账和佐证材料齐全。"));
      }
    }
    UnitAssignment xiangzhouTask = assignments.ofPlan(plan.id()).stream()
        .filter(assignment -> assignment.unitId().equals("xiangzhou")).findFirst().orElseThrow();
    Path evidence = Files.writeString(files.resolve("消费帮扶周活动方案.pdf"), "%PDF-1.4\n活动方案\n",
        StandardCharsets.UTF_8);

    try (TasklistUser unit = TasklistUser.logIn(port, "xiangzhou", taskService)) {
      unit.open("/execution/" + xiangzhouTask.id());
      unit.browser().waitFor(By.cssSelector("input[type='file'][name='file']")).sendKeys(evidence.toString());
      unit.browser().click(By.xpath("//button[normalize-space(.)='上传']"));
      unit.browser().waitFor(By.xpath("//*[contains(normalize-space(text()),'已上传')]"));
      unit.open("/assessments");
      unit.browser().click(By.linkText("申报工作创新（附佐证材料）"));
      unit.browser().waitFor(By.name("title")).sendKeys("东西部协作消费帮扶周");
      unit.browser().waitFor(By.name("description")).sendKeys("首创“消费帮扶周”，线上线下成交 1,200 万元。");
      unit.browser().click(By.xpath("//label[contains(.,'消费帮扶周活动方案.pdf')]/input"));
      unit.browser().click(By.xpath("//button[normalize-space(.)='申报']"));
      assertThat(unit.browser().waitFor(By.id("claims")).getText()).contains("东西部协作消费帮扶周",
          "消费帮扶周活动方案.pdf");
      unit.browser().screenshot("assessment-claims");

      Task self = selfAssessments(driver).get(0);
      unit.openAndClaim(self);
      assertThat(unit.browser().waitFor(By.cssSelector(".fjs-form")).getText()).contains("报送年度自评");
      assertThat(unit.browser().waitFor(By.xpath("//textarea[@id=//label[starts-with(normalize-space(.),"
          + "'已申报的工作创新')]/@for]")).getAttribute("value")).contains("东西部协作消费帮扶周");
      unit.write("自评报告", "全年 6 项任务按期推进，协议指标均已完成，按月报送进展，无整改事项。");
      unit.browser().screenshot("assessment-self");
      unit.complete(self);
    }
    driver.runDueJobs();
    assertThat(records.find(assessment.id()).orElseThrow().status()).isEqualTo(AssessmentStatus.REVIEW);
    BigDecimal before = unit(assessment.id(), "xiangzhou").total();

    try (TasklistUser assessor = TasklistUser.logIn(port, "assessor", taskService)) {
      assessor.open("/assessments/" + assessment.id());
      assessor.browser().click(By.cssSelector("#ranking-districts tr[data-unit='xiangzhou'] a"));
      assessor.browser().waitFor(By.cssSelector("#adjust select[name='kind'] option[value='INNOVATION']")).click();
      assessor.browser().waitFor(By.xpath("//select[@name='claim']/option[normalize-space(.)='东西部协作消费帮扶周']"))
          .click();
      assessor.browser().waitFor(By.cssSelector("#adjust input[name='points']")).sendKeys("3");
      assessor.browser().waitFor(By.cssSelector("#adjust input[name='reason']"))
          .sendKeys("消费帮扶周做法有方案和成交台账佐证，认定加 3 分");
      assessor.browser().click(By.xpath("//button[normalize-space(.)='记录并重新计分']"));
      assessor.browser().waitFor(By.xpath("//*[contains(normalize-space(text()),'已记录，并按指标体系重新计分')]"));
      assertThat(assessor.browser().waitFor(By.id("adjustments")).getText()).contains("工作创新加分",
          "认定申报事项：东西部协作消费帮扶周");
      assessor.browser().screenshot("assessment-sheet");
      Task review = single(driver, ElementIds.AnnualAssessment.REVIEW);
      assessor.openAndClaim(review);
      assessor.complete(review);
    }
    assertThat(unit(assessment.id(), "xiangzhou").total()).isEqualByComparingTo(before.add(new BigDecimal("3")));

    try (TasklistUser leader = TasklistUser.logIn(port, "leader", taskService)) {
      Task approve = single(driver, ElementIds.AnnualAssessment.APPROVE);
      leader.openAndClaim(approve);
      assertThat(leader.browser().waitFor(By.cssSelector(".fjs-form")).getText()).contains("打开考核结果");
      leader.choose("批准发布");
      leader.write("审定意见", "同意发布。");
      leader.browser().screenshot("assessment-approve");
      leader.complete(approve);
    }
    driver.runDueJobs();
    assertThat(records.find(assessment.id()).orElseThrow().status()).isEqualTo(AssessmentStatus.PUBLISHED);

    try (TasklistUser district = TasklistUser.logIn(port, "doumen", taskService)) {
      district.open("/assessments");
      district.browser().click(By.cssSelector("tr[data-assessment='" + assessment.id() + "'] a"));
      String ranking = district.browser().waitFor(By.id("ranking-districts")).getText();
      AssessedUnit xiangzhou = unit(assessment.id(), "xiangzhou");
      assertThat(ranking).contains("香洲区 " + xiangzhou.total().toPlainString() + " " + xiangzhou.grade());
      district.browser().screenshot("assessment-ranking");
      district.browser().click(By.id("print-page"));
      assertThat(district.browser().waitFor(By.id("assessment-notice")).getText()).contains("年度考核结果的通报",
          "各区（功能区）考核结果", "香洲区");
      PrintOptions a4 = new PrintOptions();
      a4.setPageSize(new PageSize(29.7, 21.0));
      byte[] pdf = Base64.getDecoder().decode(((PrintsPage) district.browser().driver()).print(a4).getContent());
      Files.write(district.browser().screenshot("assessment-print").resolveSibling("assessment-a4.pdf"), pdf);
      assertThat(PDF_PAGE.matcher(new String(pdf, StandardCharsets.ISO_8859_1)).results().count())
          .as("the notice, then each class's ranking on a page of its own").isGreaterThanOrEqualTo(3);
    }
  }

  private AssessedUnit unit(long id, String unitId) {
    return records.units(id).stream().filter(u -> u.unitId().equals(unitId)).findFirst().orElseThrow();
  }

  private List<Task> selfAssessments(ProcessDriver driver) {
    return driver.family().stream().flatMap(id -> taskService.createTaskQuery().processInstanceId(id)
        .taskDefinitionKey(ElementIds.SelfAssessment.SUBMIT).list().stream()).toList();
  }

  private Task single(ProcessDriver driver, String key) {
    List<Task> tasks = driver.family().stream().flatMap(id -> taskService.createTaskQuery().processInstanceId(id)
        .taskDefinitionKey(key).list().stream()).toList();
    assertThat(tasks).as(key).hasSize(1);
    return tasks.get(0);
  }
}
