package com.xiezuo.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.assessment.AssessmentRecords.AssessedUnit;
import com.xiezuo.assessment.AssessmentRecords.Assessment;
import com.xiezuo.decomposition.Allocations;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.support.Api;
import com.xiezuo.support.PlanAtWork;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.WebSession;
import com.xiezuo.support.XiezuoSpringTest;
import com.xiezuo.workflow.ElementIds;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The assessment as its people run it: it opens on 15 December (the last deadline 30 November + 15 days); six
 * units self-assess on time, 金湾区 after the due date (25 December, late), 高新区 not at all (missing when it closes
 * on 28 December); the index system scores everyone; the coordinator deducts 2 from 斗门区 with a reason and awards
 * 香洲区 3 for innovation; leadership returns it once, then approves; it is published, the plan's assessment step
 * ends, and it can no longer be changed.
 */
@XiezuoSpringTest
class AssessmentProcessTest {

  @Autowired PlanImportService importer;
  @Autowired Allocations allocations;
  @Autowired UnitAssignments assignments;
  @Autowired AssessmentRecords records;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void selfAssessedScoredAdjustedReturnedApprovedAndPublished() throws Exception {
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
    PlanSummary plan = LifecycleFixture.importPlan(importer, true);
    ProcessDriver driver = new ProcessDriver(managementService, historyService, plan.processInstanceId());
    PlanAtWork work = new PlanAtWork(assignments, taskService, plan.id());
    LifecycleFixture.approve(taskService, plan);
    LifecycleFixture.decomposeAndHandOut(taskService, allocations, driver, plan);
    assignments.ofPlan(plan.id()).forEach(assignment -> work.complete(assignment, ElementIds.UnitTask.ACCEPT_TASK,
        Map.of("taskAccepted", true)));
    driver.advanceTo(LocalDateTime.of(2023, 12, 15, 10, 0));

    Assessment opened = records.ofPlan(plan.id()).get(0);
    assertThat(opened.status()).isEqualTo(AssessmentStatus.SELF_ASSESSMENT);
    assertThat(opened.selfDue()).hasToString("2023-12-25");
    Map<String, Task> selves = new HashMap<>();
    open(driver, ElementIds.SelfAssessment.SUBMIT).forEach(task -> selves.put(unitOf(task), task));
    assertThat(selves).hasSize(8);
    String path = "/assessments/" + opened.id();
    assertThat(WebSession.logIn(port, "doumen").get(path).status()).as("not published: not for units").isEqualTo(404);

    Task doumenSelf = selves.get("doumen");
    Api doumen = Api.as(port, "doumen");
    assertThat(doumen.postJson("/engine-rest/task/" + doumenSelf.getId() + "/complete", self("太短")).body())
        .contains("请填写自评报告（不少于 10 字）");
    for (var entry : selves.entrySet()) {
      String unit = entry.getKey();
      if (!unit.equals("jinwan") && !unit.equals("hitech")) {
        assertThat(Api.as(port, unit).postJson("/engine-rest/task/" + entry.getValue().getId() + "/complete",
            self("全年任务按计划推进，台账和佐证材料齐全。")).status()).as(unit).isEqualTo(204);
      }
    }
    Api jinwan = Api.as(port, "jinwan");
    assertThat(jinwan.get("/engine-rest/history/variable-instance?processInstanceId="
        + doumenSelf.getProcessInstanceId()).body()).as("another unit's self-assessment").isEqualTo("[]");
    driver.advanceTo(LocalDateTime.of(2023, 12, 27, 10, 0));
    assertThat(jinwan.postJson("/engine-rest/task/" + selves.get("jinwan").getId() + "/complete",
        self("全年任务基本完成，部分进展报告未按期报送。")).status()).isEqualTo(204);
    driver.advanceTo(LocalDateTime.of(2023, 12, 29, 10, 0));

    Assessment scored = records.find(opened.id()).orElseThrow();
    assertThat(scored.status()).isEqualTo(AssessmentStatus.REVIEW);
    assertThat(scored.decisionsVersion()).startsWith("annualAssessment.dmn v");
    assertThat(scored.parameters()).contains("redCardDeduction=2");
    assertThat(records.units(opened.id())).extracting(unit -> unit.unitId() + " " + unit.selfStatus()).contains(
        "jinwan LATE", "hitech MISSING", "doumen SUBMITTED");
    assertThat(records.units(opened.id())).allSatisfy(unit -> assertThat(unit.total()).isNotNull());

    WebSession coordinator = WebSession.logIn(port, "coordinator");
    String doumenSheet = path + "/units/doumen";
    Api.Response noReason = coordinator.postForm(doumenSheet + "/adjustments", Map.of("kind", "ADJUSTMENT",
        "points", "-2", "reason", " "));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("请写明调整理由（事实和依据）");
    assertThat(coordinator.postForm(doumenSheet + "/adjustments", Map.of("kind", "ADJUSTMENT", "points", "两分",
        "reason", "x")).body()).contains("分值“两分”不是数字");
    assertThat(records.adjustments(opened.id())).as("nothing written").isEmpty();
    assertThat(WebSession.logIn(port, "doumen").postForm(doumenSheet + "/adjustments", Map.of("kind", "ADJUSTMENT",
        "points", "5", "reason", "自己加分")).status()).isEqualTo(403);
    assertThat(WebSession.logIn(port, "leader").postForm(doumenSheet + "/adjustments", Map.of("kind", "ADJUSTMENT",
        "points", "5", "reason", "x")).status()).isEqualTo(403);

    BigDecimal doumenBefore = unit(opened.id(), "doumen").total();
    BigDecimal xiangzhouBefore = unit(opened.id(), "xiangzhou").total();
    assertThat(coordinator.postForm(doumenSheet + "/adjustments", Map.of("kind", "ADJUSTMENT", "points", "-2",
        "reason", "拨付凭证不全，经核实扣 2 分")).status()).isEqualTo(302);
    assertThat(coordinator.postForm(path + "/units/xiangzhou/adjustments", Map.of("kind", "INNOVATION",
        "points", "3", "reason", "首创“东西部协作消费帮扶周”，有活动方案和成交台账佐证")).status()).isEqualTo(302);
    assertThat(unit(opened.id(), "doumen").total()).isEqualByComparingTo(doumenBefore.subtract(new BigDecimal("2")));
    assertThat(unit(opened.id(), "xiangzhou").total()).isEqualByComparingTo(xiangzhouBefore.add(new BigDecimal("3")));
    assertThat(coordinator.get(doumenSheet).body()).contains("评审调整", "拨付凭证不全，经核实扣 2 分", "适用规则");

    Api coordinatorApi = Api.as(port, "coordinator");
    assertThat(coordinatorApi.postJson("/engine-rest/task/" + single(driver, ElementIds.AnnualAssessment.REVIEW)
        .getId() + "/complete", "{}").status()).isEqualTo(204);
    Api leader = Api.as(port, "leader");
    String approve = single(driver, ElementIds.AnnualAssessment.APPROVE).getId();
    assertThat(leader.postJson("/engine-rest/task/" + approve + "/complete", decision("return", "")).body())
        .contains("退回时必须填写审批意见");
    assertThat(leader.postJson("/engine-rest/task/" + approve + "/complete", decision("return", "请复核金湾区扣分依据"))
        .status()).isEqualTo(204);
    assertThat(records.find(opened.id()).orElseThrow().status()).isEqualTo(AssessmentStatus.REVIEW);
    assertThat(coordinatorApi.postJson("/engine-rest/task/" + single(driver, ElementIds.AnnualAssessment.REVIEW)
        .getId() + "/complete", "{}").status()).isEqualTo(204);
    assertThat(leader.postJson("/engine-rest/task/" + single(driver, ElementIds.AnnualAssessment.APPROVE).getId()
        + "/complete", decision("approve", "同意发布。")).status()).isEqualTo(204);
    driver.runDueJobs();

    assertThat(records.find(opened.id()).orElseThrow().status()).isEqualTo(AssessmentStatus.PUBLISHED);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(plan.processInstanceId())
        .activityId("callActivity_annualAssessment").finished().count()).as("the plan's assessment step is done")
        .isOne();
    assertThat(records.events(opened.id())).extracting(event -> event.kind().name()).containsExactly("OPENED",
        "SCORED", "SUBMITTED", "RETURNED", "SUBMITTED", "APPROVED", "PUBLISHED");
    Api.Response late = coordinator.postForm(doumenSheet + "/adjustments", Map.of("kind", "ADJUSTMENT",
        "points", "1", "reason", "发布后再改"));
    assertThat(late.status()).isEqualTo(400);
    assertThat(late.body()).contains("考核已发布，评审分不能再修改");
    assertThat(records.adjustments(opened.id())).hasSize(2);

    for (boolean district : List.of(true, false)) {
      List<AssessedUnit> inClass = records.units(opened.id()).stream().filter(u -> u.district() == district)
          .sorted(Comparator.comparing(AssessedUnit::rank)).toList();
      assertThat(inClass.get(0).rank()).isOne();
      for (int i = 1; i < inClass.size(); i++) {
        assertThat(inClass.get(i).total()).as("ranked by total").isLessThanOrEqualTo(inClass.get(i - 1).total());
      }
    }
    WebSession unit = WebSession.logIn(port, "doumen");
    assertThat(unit.get(path).body()).contains("已发布", "各区（功能区）", "斗门区");
    assertThat(unit.get(doumenSheet).body()).contains("斗门区 · 考核评分表", "拨付凭证不全");
    assertThat(unit.get(path + "/units/jinwan").status()).as("another unit's sheet").isEqualTo(404);

    Map<String, String> totals = new HashMap<>();
    records.units(opened.id()).forEach(u -> totals.put(u.unitName(), u.total().toPlainString() + " " + u.grade()));
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(unit.getBytes(path + "/xlsx").body()))) {
      Map<String, String> ranked = new HashMap<>();
      workbook.getSheet(AssessmentFiles.RANKING_SHEET).forEach(row -> {
        if (row.getRowNum() > 0) {
          ranked.put(row.getCell(2).getStringCellValue(), BigDecimal.valueOf(row.getCell(3).getNumericCellValue())
              .setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + row.getCell(4).getStringCellValue());
        }
      });
      assertThat(ranked).as("the ranking as the record has it").isEqualTo(totals);
      Set<String> sheetsOf = new HashSet<>();
      workbook.getSheet(AssessmentFiles.COMPONENTS_SHEET).forEach(row -> {
        if (row.getRowNum() > 0) {
          sheetsOf.add(row.getCell(0).getStringCellValue());
        }
      });
      assertThat(sheetsOf).as("a unit's file holds its own sheet only").containsExactly("斗门区");
    }
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(
        WebSession.logIn(port, "coordinator").getBytes(path + "/docx").body()))) {
      assertThat(document.getParagraphs().get(0).getText()).isEqualTo("关于" + plan.title() + "年度考核结果的通报");
      List<String> rows = new ArrayList<>();
      document.getTables().forEach(table -> table.getRows().stream().skip(1).forEach(row -> rows.add(
          row.getCell(1).getText() + " " + row.getCell(2).getText() + " " + row.getCell(3).getText())));
      assertThat(rows).containsExactlyInAnyOrderElementsOf(totals.entrySet().stream()
          .map(entry -> entry.getKey() + " " + entry.getValue()).toList());
    }
  }

  private AssessedUnit unit(long id, String unitId) {
    return records.units(id).stream().filter(u -> u.unitId().equals(unitId)).findFirst().orElseThrow();
  }

  private List<Task> open(ProcessDriver driver, String key) {
    return driver.family().stream().flatMap(id -> taskService.createTaskQuery().processInstanceId(id)
        .taskDefinitionKey(key).list().stream()).toList();
  }

  private Task single(ProcessDriver driver, String key) {
    List<Task> tasks = open(driver, key);
    assertThat(tasks).as(key).hasSize(1);
    return tasks.get(0);
  }

  private String unitOf(Task task) {
    return (String) taskService.getVariable(task.getId(), "unitId");
  }

  private static String self(String report) {
    return "{\"variables\":{\"selfReport\":{\"value\":\"" + report + "\"}}}";
  }

  private static String decision(String decision, String comment) {
    return "{\"variables\":{\"approvalDecision\":{\"value\":\"" + decision + "\"},\"approvalComment\":{\"value\":\""
        + comment + "\"}}}";
  }
}
