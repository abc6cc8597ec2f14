package com.xiezuo.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.assessment.AssessmentRecords.AssessedUnit;
import com.xiezuo.assessment.AssessmentRecords.Assessment;
import com.xiezuo.decomposition.Allocations;
import com.xiezuo.execution.Evidence;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.lifecycle.AcceptedYear;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.support.Api;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.WebSession;
import com.xiezuo.support.XiezuoSpringTest;
import com.xiezuo.workflow.ElementIds;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The assessment as its people run it: it opens on 15 December (the last deadline 30 November + 15 days); 香洲区
 * claims an innovation item citing its own evidence; six units self-assess on time, 金湾区 after the due date
 * (25 December, late), 高新区 not at all (missing when it closes on 28 December); the index system scores everyone;
 * the assessor deducts 2 from 斗门区 with a reason and awards 香洲区 3 for its claim; leadership returns it once,
 * then approves; it is published, the plan's assessment step ends, and it can no longer be changed. A coordinator
 * then corrects it: version 2, scored again with the points carried over, reviewed, approved and published, while
 * version 1 stays readable as set aside.
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
  @Autowired Evidence evidence;
  @Autowired ClaimRecords claimRecords;
  @Autowired AdjustmentRecords adjustments;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void selfAssessedScoredAdjustedReturnedApprovedAndPublished() throws Exception {
    AcceptedYear year = AcceptedYear.begin(importer, allocations, assignments, taskService, managementService,
        historyService);
    PlanSummary plan = year.plan();
    ProcessDriver driver = year.driver();
    driver.advanceTo(LocalDateTime.of(2023, 12, 15, 10, 0));

    Assessment opened = records.ofPlan(plan.id()).get(0);
    assertThat(opened.status()).isEqualTo(AssessmentStatus.SELF_ASSESSMENT);
    assertThat(opened.selfDue()).hasToString("2023-12-25");
    Map<String, Task> selves = new HashMap<>();
    open(driver, ElementIds.SelfAssessment.SUBMIT).forEach(task -> selves.put(unitOf(task), task));
    assertThat(selves).hasSize(8);
    String path = "/assessments/" + opened.id();
    assertThat(WebSession.logIn(port, "doumen").get(path).status()).as("not published: not for units").isEqualTo(404);

    long claimId = claimInnovation(path, plan, selves.get("xiangzhou"));

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
    Api.Response badPaging = jinwan.get("/engine-rest/history/variable-instance?maxResults=abc");
    assertThat(badPaging.status()).as("a wrong query value is the request's fault").isEqualTo(400);
    assertThat(badPaging.body()).contains("参数“maxResults”的值无效");
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

    assertThat(WebSession.logIn(port, "xiangzhou").postForm(path + "/claims", Map.of("title", "补报的创新",
        "description", "自评提交后再补一项创新申报", "evidence", "1")).body()).contains("不能再申报或撤回工作创新");
    assertThat(claimRecords.of(opened.id())).hasSize(4);

    WebSession assessor = WebSession.logIn(port, "assessor");
    String doumenSheet = path + "/units/doumen";
    assertThat(WebSession.logIn(port, "coordinator").postForm(doumenSheet + "/adjustments", Map.of("kind",
        "ADJUSTMENT", "points", "-2", "reason", "协调员不是评审组")).status()).isEqualTo(403);
    Api.Response noReason = assessor.postForm(doumenSheet + "/adjustments", Map.of("kind", "ADJUSTMENT",
        "points", "-2", "reason", " "));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("请写明调整理由（事实和依据）");
    assertThat(assessor.postForm(doumenSheet + "/adjustments", Map.of("kind", "ADJUSTMENT", "points", "两分",
        "reason", "x")).body()).contains("分值“两分”不是数字");
    assertThat(adjustments.adjustments(opened.id())).as("nothing written").isEmpty();
    assertThat(WebSession.logIn(port, "doumen").postForm(doumenSheet + "/adjustments", Map.of("kind", "ADJUSTMENT",
        "points", "5", "reason", "自己加分")).status()).isEqualTo(403);
    assertThat(WebSession.logIn(port, "leader").postForm(doumenSheet + "/adjustments", Map.of("kind", "ADJUSTMENT",
        "points", "5", "reason", "x")).status()).isEqualTo(403);

    BigDecimal doumenBefore = unit(opened.id(), "doumen").total();
    BigDecimal xiangzhouBefore = unit(opened.id(), "xiangzhou").total();
    assertThat(assessor.postForm(doumenSheet + "/adjustments", Map.of("kind", "ADJUSTMENT", "points", "-2",
        "reason", "拨付凭证不全，经核实扣 2 分")).status()).isEqualTo(302);
    Api.Response unclaimed = assessor.postForm(path + "/units/doumen/adjustments", Map.of("kind", "INNOVATION",
        "points", "3", "reason", "没有申报的创新"));
    assertThat(unclaimed.status()).isEqualTo(400);
    assertThat(unclaimed.body()).contains("工作创新加分须对应该单位申报、佐证材料仍有效的创新事项");
    Api.Response beyondCap = assessor.postForm(doumenSheet + "/adjustments", Map.of("kind", "ADJUSTMENT",
        "points", "-9", "reason", "累计超过上限的扣分"));
    assertThat(beyondCap.status()).isEqualTo(400);
    assertThat(beyondCap.body()).contains("评审调整累计应在 ±10 分以内（该单位现为 -2 分，此项之后为 -11 分）");
    String jinwanSheet = path + "/units/jinwan";
    assertThat(assessor.postForm(jinwanSheet + "/adjustments", Map.of("kind", "ADJUSTMENT", "points", "8",
        "reason", "补报材料经核实，加 8 分")).status()).isEqualTo(302);
    assertThat(assessor.postForm(jinwanSheet + "/adjustments", Map.of("kind", "ADJUSTMENT", "points", "-14",
        "reason", "台账与凭证不符，扣 14 分")).status()).isEqualTo(302);
    List<Long> jinwanPoints = adjustments.adjustments(opened.id()).stream().filter(made -> made.unitId().equals("jinwan"))
        .map(AdjustmentRecords.Adjustment::id).toList();
    assertThat(assessor.postForm(jinwanSheet + "/adjustments/" + jinwanPoints.get(0) + "/withdraw", Map.of("reason",
        "撤销加分后会超出上限")).body()).as("a withdrawal keeps the cap too").contains("此项之后为 -14 分");
    for (int i = jinwanPoints.size() - 1; i >= 0; i--) {
      assertThat(assessor.postForm(jinwanSheet + "/adjustments/" + jinwanPoints.get(i) + "/withdraw", Map.of("reason",
          "试算，撤销")).status()).isEqualTo(302);
    }
    assertThat(assessor.postForm(doumenSheet + "/adjustments", Map.of("kind", "ADJUSTMENT", "points", "1",
        "reason", "短")).body()).contains("理由应为 5 至 2000 字");
    assertThat(assessor.postForm(path + "/units/doumen/adjustments", Map.of("kind", "INNOVATION", "points", "3",
        "reason", "借用别的单位的申报", "claim", String.valueOf(claimId))).status()).as("another unit's claim")
        .isEqualTo(400);
    assertThat(assessor.postForm(path + "/units/xiangzhou/adjustments", Map.of("kind", "INNOVATION", "points", "2",
        "reason", "佐证已撤回的申报", "claim", String.valueOf(claimRecords.of(opened.id()).get(2).id()))).body())
        .as("a claim whose evidence was withdrawn").contains("佐证材料仍有效的创新事项");
    assertThat(assessor.postForm(path + "/units/xiangzhou/adjustments", Map.of("kind", "INNOVATION",
        "points", "3", "reason", "首创“东西部协作消费帮扶周”，有活动方案和成交台账佐证", "claim", String.valueOf(claimId)))
        .status()).isEqualTo(302);
    assertThat(unit(opened.id(), "doumen").total()).isEqualByComparingTo(doumenBefore.subtract(new BigDecimal("2")));
    assertThat(unit(opened.id(), "xiangzhou").total()).isEqualByComparingTo(xiangzhouBefore.add(new BigDecimal("3")));
    assertThat(assessor.get(doumenSheet).body()).contains("评审调整", "拨付凭证不全，经核实扣 2 分", "适用规则",
        "<td>-2</td>");
    String counted = "update xz_assessment_unit set inputs = replace(inputs, ?, ?) where assessment_id = ? and unit_id = ?";
    jdbc.sql(counted).params("lateTasks=1.0", "lateTasks=0.0", opened.id(), "doumen").update();
    assertThat(assessor.postForm(doumenSheet + "/adjustments", Map.of("kind", "ADJUSTMENT", "points", "1",
        "reason", "凭证补齐一部分，加回 1 分")).status()).isEqualTo(302);
    assertThat(unit(opened.id(), "doumen").total()).as("points scored against the inputs counted for the version")
        .isEqualByComparingTo(doumenBefore.subtract(new BigDecimal("2")).add(new BigDecimal("1")).add(new BigDecimal("4")));
    jdbc.sql(counted).params("lateTasks=0.0", "lateTasks=1.0", opened.id(), "doumen").update();
    long regiven = adjustments.adjustments(opened.id()).stream().filter(made -> made.points().intValue() == 1)
        .findFirst().orElseThrow().id();
    assertThat(assessor.postForm(doumenSheet + "/adjustments/" + regiven + "/withdraw", Map.of("reason", ""))
        .body()).contains("请写明撤销理由");
    assertThat(assessor.postForm(doumenSheet + "/adjustments/" + regiven + "/withdraw", Map.of("reason",
        "补齐的凭证仍不完整，撤销加分")).status()).isEqualTo(302);
    assertThat(unit(opened.id(), "doumen").total()).isEqualByComparingTo(doumenBefore.subtract(new BigDecimal("2")));
    assertThat(assessor.get(doumenSheet).body()).contains("（已撤销）", "补齐的凭证仍不完整，撤销加分");
    assertThat(assessor.get(path + "/units/xiangzhou").body()).contains("认定申报事项：消费帮扶周",
        "消费帮扶周活动方案.pdf");

    Api assessorApi = Api.as(port, "assessor");
    assertThat(Api.as(port, "coordinator").postJson("/engine-rest/task/" + single(driver,
        ElementIds.AnnualAssessment.REVIEW).getId() + "/complete", "{}").status()).as("the review is the assessors'")
        .isIn(403, 404);
    assertThat(assessorApi.postJson("/engine-rest/task/" + single(driver, ElementIds.AnnualAssessment.REVIEW)
        .getId() + "/complete", "{}").status()).isEqualTo(204);
    Api leader = Api.as(port, "leader");
    String approve = single(driver, ElementIds.AnnualAssessment.APPROVE).getId();
    assertThat(leader.postJson("/engine-rest/task/" + approve + "/complete", decision("return", "")).body())
        .contains("退回时必须填写审批意见");
    assertThat(leader.postJson("/engine-rest/task/" + approve + "/complete", decision("return", "请复核金湾区扣分依据"))
        .status()).isEqualTo(204);
    assertThat(records.find(opened.id()).orElseThrow().status()).isEqualTo(AssessmentStatus.REVIEW);
    assertThat(assessorApi.postJson("/engine-rest/task/" + single(driver, ElementIds.AnnualAssessment.REVIEW)
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
    Api.Response late = assessor.postForm(doumenSheet + "/adjustments", Map.of("kind", "ADJUSTMENT",
        "points", "1", "reason", "发布后再改"));
    assertThat(late.status()).isEqualTo(400);
    assertThat(late.body()).contains("考核已发布，评审分不能再修改");
    assertThat(adjustments.adjustments(opened.id())).hasSize(5);

    for (boolean district : List.of(true, false)) {
      List<AssessedUnit> inClass = records.units(opened.id()).stream().filter(u -> u.district() == district)
          .sorted(Comparator.comparing(AssessedUnit::rank)).toList();
      assertThat(inClass.get(0).rank()).isOne();
      for (int i = 1; i < inClass.size(); i++) {
        assertThat(inClass.get(i).total()).as("ranked by total").isLessThanOrEqualTo(inClass.get(i - 1).total());
      }
    }
    assertThat(WebSession.logIn(port, "doumen").get(path + "/print").body()).contains(
        "关于" + plan.title() + "年度考核结果的通报", "各区（功能区）考核结果", "斗门区");
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
    correct(plan, opened);
  }

  @Test
  void aCoordinatorOpensTheAssessmentBeforeItsDate() {
    AcceptedYear year = AcceptedYear.begin(importer, allocations, assignments, taskService, managementService,
        historyService);
    PlanSummary plan = year.plan();
    ProcessDriver driver = year.driver();
    ProcessDriver.setClock(LocalDateTime.of(2023, 11, 2, 10, 0));
    String page = "/plans/" + plan.id() + "/assessment/parameters";
    WebSession coordinator = WebSession.logIn(port, "coordinator");
    assertThat(coordinator.get(page).body()).contains("年度考核开启时间：2023-12-15 09:00", "提前开启年度考核");
    assertThat(WebSession.logIn(port, "doumen").get(page).body()).doesNotContain("提前开启年度考核");
    assertThat(WebSession.logIn(port, "doumen").postForm("/plans/" + plan.id() + "/assessment/open", Map.of())
        .status()).isEqualTo(403);
    assertThat(records.ofPlan(plan.id())).isEmpty();

    assertThat(coordinator.postForm("/plans/" + plan.id() + "/assessment/open", Map.of()).status()).isEqualTo(302);
    driver.runDueJobs();
    Assessment opened = records.ofPlan(plan.id()).get(0);
    assertThat(opened.asOf()).hasToString("2023-11-02");
    assertThat(open(driver, ElementIds.SelfAssessment.SUBMIT)).hasSize(8);
    Api.Response again = coordinator.postForm("/plans/" + plan.id() + "/assessment/open", Map.of());
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.body()).contains("不在等待开启状态");
    assertThat(coordinator.get(page).body()).contains("年度考核已经开启").doesNotContain("提前开启年度考核");
  }

  /** 香洲区 uploads its evidence and claims an innovation item with it; bad claims are refused whole. */
  private long claimInnovation(String path, PlanSummary plan, Task xiangzhouSelf) {
    long own = evidence.store(firstAssignmentOf(plan, "xiangzhou"), "消费帮扶周活动方案.pdf",
        "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), "活动方案", "xiangzhou");
    long others = evidence.store(firstAssignmentOf(plan, "doumen"), "斗门区台账.pdf",
        "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), null, "doumen");
    WebSession xiangzhou = WebSession.logIn(port, "xiangzhou");
    assertThat(xiangzhou.get("/assessments").body()).contains("本单位自评", "申报工作创新");
    String claims = path + "/claims";
    assertThat(xiangzhou.get(claims).body()).contains("消费帮扶周活动方案.pdf").doesNotContain("斗门区台账.pdf");
    Api.Response noEvidence = xiangzhou.postForm(claims, Map.of("title", "消费帮扶周", "description", "短"));
    assertThat(noEvidence.status()).isEqualTo(400);
    assertThat(noEvidence.body()).contains("请至少勾选一份佐证材料", "创新做法和成效应为 10 至 2000 字");
    assertThat(xiangzhou.postForm(claims, Map.of("title", "消费帮扶周", "description", "借用斗门区的台账作为佐证材料",
        "evidence", String.valueOf(others))).body()).contains("只能引用本单位在本计划任务中上传且未撤回的佐证材料");
    assertThat(WebSession.logIn(port, "doumen").postForm(claims + "?unit=xiangzhou", Map.of("title", "代报",
        "description", "替香洲区申报一项创新事项", "evidence", String.valueOf(own))).status()).isIn(403, 404);
    assertThat(xiangzhou.postForm(claims, Map.of("title", "错报的一项", "description", "这一项报错了，稍后撤回",
        "evidence", String.valueOf(own))).status()).isEqualTo(302);
    assertThat(xiangzhou.postForm(claims, Map.of("title", "消费帮扶周", "description",
        "首创“东西部协作消费帮扶周”，线上线下成交 1,200 万元", "evidence", String.valueOf(own))).status()).isEqualTo(302);
    long wrong = claimRecords.of(Long.parseLong(path.substring(path.lastIndexOf('/') + 1))).get(0).id();
    assertThat(xiangzhou.postForm(claims + "/" + wrong + "/withdraw", Map.of()).status()).isEqualTo(302);
    long later = evidence.store(firstAssignmentOf(plan, "xiangzhou"), "帮扶车间照片.pdf",
        "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), null, "xiangzhou");
    assertThat(xiangzhou.postForm(claims, Map.of("title", "帮扶车间", "description", "新建帮扶车间两个，吸纳就业 80 人",
        "evidence", String.valueOf(later))).status()).isEqualTo(302);
    evidence.withdraw(later, "照片不清晰", "xiangzhou");
    assertThat(xiangzhou.get(claims).body()).contains("已在任务页面撤回");
    Api api = Api.as(port, "xiangzhou");
    String form = api.get("/engine-rest/task/" + xiangzhouSelf.getId() + "/form-variables").body();
    assertThat(form).as("the form shows the claims as they stand").contains("消费帮扶周", "帮扶车间照片.pdf（已撤回）")
        .doesNotContain("错报的一项");
    long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    assertThat(xiangzhou.postForm(claims, Map.of("title", "另开窗口补的一项", "description", "表单打开之后才申报的一项创新",
        "evidence", String.valueOf(own))).status()).isEqualTo(302);
    assertThat(api.postJson("/engine-rest/task/" + xiangzhouSelf.getId() + "/complete", self("全年任务按计划推进，台账齐全。"))
        .body()).as("the submission freezes what the form showed, nothing else").contains("打开任务后工作创新申报有变动");
    assertThat(xiangzhou.postForm(claims + "/" + claimRecords.of(id).get(3).id() + "/withdraw", Map.of()).status())
        .isEqualTo(302);
    assertThat(api.postJson("/engine-rest/task/" + xiangzhouSelf.getId() + "/complete", self("全年任务按计划推进，台账齐全。"))
        .body()).contains("申报“帮扶车间”的佐证材料都已在任务页面撤回");
    assertThat(xiangzhou.postForm(claims + "/" + claimRecords.of(id).get(2).id() + "/withdraw", Map.of()).status())
        .isEqualTo(302);
    api.get("/engine-rest/task/" + xiangzhouSelf.getId() + "/form-variables");
    return claimRecords.of(id).get(1).id();
  }

  /**
   * A coordinator corrects the published result: version 2 carries the points over and is scored again; the assessor
   * withdraws the deduction, leadership approves, version 2 is published and version 1 is set aside, still readable.
   */
  private void correct(PlanSummary plan, Assessment first) {
    String path = "/assessments/" + first.id();
    WebSession coordinator = WebSession.logIn(port, "coordinator");
    assertThat(coordinator.get(path).body()).contains("提出更正");
    assertThat(WebSession.logIn(port, "assessor").postForm(path + "/corrections", Map.of("reason",
        "评审组自己提出的更正理由")).status()).isEqualTo(403);
    Api.Response tooShort = coordinator.postForm(path + "/corrections", Map.of("reason", "有误"));
    assertThat(tooShort.status()).isEqualTo(400);
    assertThat(tooShort.body()).contains("请写明更正理由");
    assertThat(records.ofPlan(plan.id())).as("nothing written").hasSize(1);
    Api.Response opened = coordinator.postForm(path + "/corrections", Map.of("reason",
        "斗门区拨付凭证经复核齐全，撤销评审扣分"));
    assertThat(opened.status()).isEqualTo(302);
    Assessment second = records.ofPlan(plan.id()).get(0);
    assertThat(second.version()).isEqualTo(2);
    assertThat(second.status()).isEqualTo(AssessmentStatus.REVIEW);
    assertThat(second.correctsId()).isEqualTo(first.id());
    assertThat(adjustments.adjustments(second.id())).as("the standing points carried over").hasSize(2)
        .allSatisfy(made -> assertThat(made.carriedFrom()).isOne())
        .allSatisfy(made -> assertThat(made.kind() != AdjustmentKind.INNOVATION || made.claimId() != null).isTrue());
    assertThat(unit(second.id(), "doumen").total()).isEqualByComparingTo(unit(first.id(), "doumen").total());
    assertThat(coordinator.postForm(path + "/corrections", Map.of("reason", "再提一次更正，应当被拒绝")).body())
        .contains("第 2 版更正正在办理");
    assertThat(WebSession.logIn(port, "doumen").get("/assessments/" + second.id()).status()).as("not yet published")
        .isEqualTo(404);

    WebSession assessor = WebSession.logIn(port, "assessor");
    long deduction = adjustments.adjustments(second.id()).stream().filter(made -> made.unitId().equals("doumen"))
        .findFirst().orElseThrow().id();
    assertThat(assessor.postForm("/assessments/" + second.id() + "/units/doumen/adjustments/" + deduction
        + "/withdraw", Map.of("reason", "凭证经复核齐全，撤销扣分")).status()).isEqualTo(302);
    Api assessorApi = Api.as(port, "assessor");
    Task review = taskService.createTaskQuery().processInstanceId(second.processInstanceId())
        .taskDefinitionKey(ElementIds.AnnualAssessment.REVIEW).singleResult();
    assertThat(assessorApi.get("/engine-rest/task/" + review.getId() + "/form-variables").body())
        .contains("斗门区拨付凭证经复核齐全");
    assertThat(assessorApi.postJson("/engine-rest/task/" + review.getId() + "/complete", "{}").status()).isEqualTo(204);
    Task approve = taskService.createTaskQuery().processInstanceId(second.processInstanceId())
        .taskDefinitionKey(ElementIds.AnnualAssessment.APPROVE).singleResult();
    assertThat(Api.as(port, "leader").postJson("/engine-rest/task/" + approve.getId() + "/complete",
        decision("approve", "同意更正。")).status()).isEqualTo(204);
    new ProcessDriver(managementService, historyService, second.processInstanceId()).runDueJobs();

    assertThat(records.find(second.id()).orElseThrow().status()).isEqualTo(AssessmentStatus.PUBLISHED);
    assertThat(records.find(first.id()).orElseThrow().status()).isEqualTo(AssessmentStatus.SUPERSEDED);
    assertThat(unit(second.id(), "doumen").total()).isEqualByComparingTo(unit(first.id(), "doumen").total()
        .add(new BigDecimal("2")));
    WebSession doumen = WebSession.logIn(port, "doumen");
    assertThat(doumen.get(path).body()).as("version 1 stays readable").contains("本版已被更正", "第 2 版");
    assertThat(doumen.get(path + "/units/doumen").body()).contains("拨付凭证不全，经核实扣 2 分");
    assertThat(doumen.get("/assessments/" + second.id() + "/print").body()).contains("年度考核结果（更正）的通报",
        "斗门区拨付凭证经复核齐全");
    assertThat(Api.as(port, "demo").postJson("/engine-rest/message", "{\"messageName\":\"assessmentCorrectionRequested\","
        + "\"processVariables\":{\"assessmentId\":{\"value\":" + second.id() + ",\"type\":\"Long\"}}}").status())
        .as("a correction is opened on the page, never by a message from outside").isIn(400, 403);
    assertThat(coordinator.postForm(path + "/corrections", Map.of("reason", "在已取代的版本上再更正一次")).body())
        .contains("第 1 版已被更正版本取代");
  }

  private long firstAssignmentOf(PlanSummary plan, String unitId) {
    return assignments.ofPlan(plan.id()).stream().filter(a -> a.unitId().equals(unitId)).findFirst().orElseThrow()
        .id();
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
