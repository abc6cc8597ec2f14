package com.xiezuo.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.assessment.AssessmentScoring.Scored;
import com.xiezuo.decomposition.Allocations;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.execution.UnitTaskData;
import com.xiezuo.lifecycle.AcceptedYear;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.supervision.SupervisionRoundRecords.Round;
import com.xiezuo.supervision.SupervisionRounds;
import com.xiezuo.supervision.bulletin.Bulletins;
import com.xiezuo.supervision.bulletin.MentionKind;
import com.xiezuo.support.Api;
import com.xiezuo.support.PlanAtWork;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.WebSession;
import com.xiezuo.support.XiezuoSpringTest;
import com.xiezuo.workflow.ElementIds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A 2023 year with known facts, scored with the default parameters, every figure computed by hand first.
 * Task 1 (due 30 Nov, reports May–Oct) and task 2 (due 30 June, report May), handed out on 10 May:
 * <ul>
 *   <li>市人社局 reports May, finishes task 2 on 20 June: 40 + 20 + 20 + 10 + 10 = 100, 好;</li>
 *   <li>市驻遵义工作组 reports nothing and never finishes: completion 0, on time 20 − 4 = 16, indicators 20,
 *   reporting 10 − 1 = 9, supervision 10 − 6 red cards × 2 → 0, criticised once −2: 43, 较差;</li>
 *   <li>市财政局 (lead of task 1) reports every month, records a 61 % share against its 55 % (stretch 60 %), finishes
 *   on 20 November: 100 + 1 stretch = 101, 好;</li>
 *   <li>斗门区 carries the whole 4.2 亿, has 1 亿 by August and 4.2 亿 on 10 November, yellow cards at the six rounds
 *   from June to November (behind schedule): supervision 10 − 3 = 7: 97, 好;</li>
 *   <li>金湾区 reports May only and never finishes: 0 + 16 + 20 + (10 − 5) + (10 − 2 red − 2 for five yellow)
 *   = 47, 较差;</li>
 *   <li>香洲区 reports July in 11 characters (空报): 99.5; 高新区 100; 市乡村振兴局 commended in round 2's bulletin: 101.</li>
 * </ul>
 */
@XiezuoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentScoringTest {

  private static final List<String> EXPECTED = List.of(
      "香洲区 99.50 好", "金湾区 47.00 较差", "斗门区 97.00 好", "高新区 100.00 好",
      "市乡村振兴局 101.00 好", "市财政局 101.00 好", "市人力资源和社会保障局 100.00 好", "市驻遵义工作组 43.00 较差");

  @Autowired PlanImportService importer;
  @Autowired Allocations allocations;
  @Autowired UnitAssignments assignments;
  @Autowired UnitTaskData data;
  @Autowired SupervisionRounds rounds;
  @Autowired Bulletins bulletins;
  @Autowired AssessmentScoring scoring;
  @Autowired AssessmentParameters parameters;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;

  private PlanSummary plan;
  private ProcessDriver driver;
  private PlanAtWork work;

  @BeforeAll
  void aYearWorkedThroughTheRealProcesses() {
    AcceptedYear year = AcceptedYear.begin(importer, allocations, assignments, taskService, managementService,
        historyService);
    plan = year.plan();
    driver = year.driver();
    work = year.work();
    long funds = allocations.indicators(plan.id()).get(0).id();
    long share = allocations.indicators(plan.id()).get(1).id();
    for (int month = 5; month <= 10; month++) {
      driver.advanceTo(LocalDateTime.of(2023, month, 25, 10, 0));
      if (month == 5) {
        report(work.unit("hrss", "2"), "5 月组织劳务对接活动两场，输送务工人员 80 人。");
      }
      for (UnitAssignment assignment : assignments.ofPlan(plan.id())) {
        if (!assignment.taskNumber().equals("1") || assignment.unitId().equals("jinwan") && month > 5) {
          continue;
        }
        report(assignment, assignment.unitId().equals("xiangzhou") && month == 7 ? "七月工作按计划推进完成"
            : month + " 月按计划推进，资金拨付和项目建设有序开展，台账同步更新。");
      }
      if (month == 6) {
        UnitAssignment hrss = work.unit("hrss", "2");
        work.complete(hrss, ElementIds.UnitTask.REPORT_COMPLETION, Map.of("completionSummary",
            "组织脱贫劳动力赴粤就业 1200 人，稳岗率 95%。"));
        work.complete(hrss, ElementIds.UnitTask.SIGN_OFF, Map.of("approvalDecision", "approve"));
        data.addLedgerEntry(work.unit("finance", "1").id(), share, LocalDate.of(2023, 6, 25), new BigDecimal("61"),
            "产业发展资金占比", "finance");
      }
      if (month == 7) {
        bulletinOfRound(2);
      }
      if (month == 8) {
        data.addLedgerEntry(work.unit("doumen", "1").id(), funds, LocalDate.of(2023, 8, 25),
            new BigDecimal("100000000"), "第一批资金拨付", "doumen");
      }
    }
    driver.advanceTo(LocalDateTime.of(2023, 11, 10, 10, 0));
    data.addLedgerEntry(work.unit("doumen", "1").id(), funds, LocalDate.of(2023, 11, 10), new BigDecimal("320000000"),
        "第二批资金拨付", "doumen");
    driver.advanceTo(LocalDateTime.of(2023, 11, 20, 10, 0));
    UnitAssignment finance = work.unit("finance", "1");
    work.complete(finance, ElementIds.UnitTask.REPORT_COMPLETION, Map.of("completionSummary",
        "全年财政援助资金 4.2 亿元全部拨付到位，产业发展资金占比 61%。"));
    work.complete(finance, ElementIds.UnitTask.SIGN_OFF, Map.of("approvalDecision", "approve"));
    driver.advanceTo(LocalDateTime.of(2023, 11, 25, 10, 0));
    for (String unit : List.of("rrb", "xiangzhou", "doumen", "hitech")) {
      UnitAssignment co = work.unit(unit, "1");
      work.complete(co, ElementIds.UnitTask.REPORT_COMPLETION, Map.of("completionSummary",
          "本单位承担的配合工作已全部完成，相关台账和佐证材料已归档。"));
      work.complete(co, ElementIds.UnitTask.LEAD_REVIEW, Map.of("leadReviewDecision", "approve"));
      work.complete(co, ElementIds.UnitTask.SIGN_OFF, Map.of("approvalDecision", "approve"));
    }
    // before the assessment opens at 09:00: the year as it stands on its last morning, no assessment tasks about
    driver.advanceTo(LocalDateTime.of(2023, 12, 15, 8, 0));
  }

  /** Round n's review done, 市乡村振兴局 commended and 市驻遵义工作组 criticised, sent on and signed. */
  private void bulletinOfRound(int number) {
    Round round = rounds.rounds(plan.id()).stream().filter(r -> r.number() == number).findFirst().orElseThrow();
    taskService.complete(open(round, ElementIds.SupervisionRound.REVIEW_FINDINGS).getId(),
        Map.of("supervisionFindings", "总体按计划推进，对未报进展的单位已电话督促。"));
    driver.runDueJobs();
    long bulletin = bulletins.ofRound(round.id()).orElseThrow().id();
    bulletins.mention(bulletin, "rrb", MentionKind.PRAISE, "统筹协调有力，按月调度", "supervisor");
    bulletins.mention(bulletin, "zunyiWorkGroup", MentionKind.CRITICISM, "配合任务逾期，进展未报", "supervisor");
    taskService.complete(open(round, ElementIds.SupervisionRound.EDIT_BULLETIN).getId());
    taskService.complete(open(round, ElementIds.SupervisionRound.SIGN_BULLETIN).getId(),
        Map.of("approvalDecision", "approve"));
    driver.runDueJobs();
  }

  private Task open(Round round, String key) {
    return taskService.createTaskQuery().processInstanceId(round.processInstanceId()).taskDefinitionKey(key)
        .singleResult();
  }

  private void report(UnitAssignment assignment, String text) {
    work.complete(assignment, ElementIds.UnitTask.REPORT_PROGRESS, Map.of("progressText", text));
  }

  @AfterAll
  void resetClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void everyUnitGetsTheHandComputedScoreAndGrade() {
    List<Scored> scored = scoring.score(plan.id(), LocalDate.of(2023, 12, 15), Map.of(), Map.of());
    List<String> results = new ArrayList<>();
    scored.forEach(unit -> results.add(unit.facts().unitName() + " " + unit.sheet().total().toPlainString() + " "
        + unit.sheet().grade()));
    assertThat(results).containsExactlyElementsOf(EXPECTED);
  }

  @Test
  void eachComponentNamesTheRuleThatFiredAndTheFactsBehindIt() {
    Scored jinwan = AssessmentScoring.byUnit(scoring.score(plan.id(), LocalDate.of(2023, 12, 15), Map.of(),
        Map.of())).get("jinwan");
    assertThat(jinwan.sheet().valueOf("decision_reportingScore")).isEqualByComparingTo("5");
    assertThat(jinwan.sheet().components()).filteredOn(c -> c.decisionKey().equals("decision_supervisionScore"))
        .singleElement().satisfies(c -> assertThat(c.rules())
            .containsExactly("逾期整改、红牌逐项扣分，黄牌每两张扣分，扣完为止"));
    assertThat(jinwan.facts().facts()).extracting(f -> f.component() + " " + f.text()).contains(
        "onTime 1 保持资金投入：截止 2023-11-30，至 2023-12-15 未完成（逾期）",
        "reporting 1 保持资金投入：2023 年 6 月进展缺报");
    assertThat(jinwan.facts().redCards()).isOne();
    assertThat(jinwan.facts().yellowCards()).isEqualTo(5);
    assertThat(jinwan.sheet().decisionsVersion()).startsWith("annualAssessment.dmn v");
    assertThat(jinwan.sheet().parameters()).containsEntry("redCardDeduction", new BigDecimal("2"));
  }

  @Test
  void aCoordinatorChangesParametersOnThePageCheckedWholeUntilTheAssessmentOpens() {
    String path = "/plans/" + plan.id() + "/assessment/parameters";
    WebSession coordinator = WebSession.logIn(port, "coordinator");
    assertThat(coordinator.get(path).body()).contains("每张红牌扣分", "“好”的分数线");
    Api.Response bad = coordinator.postForm(path, Map.of("redCardDeduction", "两分", "gradeGood", "70",
        "praiseCap", "500"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("“每张红牌扣分”的值“两分”不是数字", "“通报表扬加分上限”应在 0 到 100 之间");
    Api.Response order = coordinator.postForm(path, Map.of("gradeGood", "70"));
    assertThat(order.body()).contains("等次分数线应依次降低");
    Api.Response full = coordinator.postForm(path, Map.of("completionPoints", "50", "emptyReportChars", "2.5"));
    assertThat(full.status()).isEqualTo(400);
    assertThat(full.body()).contains("“进展报告少于多少字算空报”应在 0 到 1000 之间，为整数");
    assertThat(coordinator.postForm(path, Map.of("completionPoints", "50")).body())
        .contains("五项分值合计应为 100（现为 110）");
    assertThat(parameters.of(plan.id()).get(AssessmentParameter.GRADE_GOOD)).as("nothing written")
        .isEqualByComparingTo("90");
    assertThat(WebSession.logIn(port, "doumen").postForm(path, Map.of("gradeGood", "95")).status()).isEqualTo(403);
    assertThat(coordinator.follow(coordinator.postForm(path, Map.of("gradeGood", "95"))).body())
        .contains("已保存 1 项考核参数");
    assertThat(parameters.of(plan.id()).get(AssessmentParameter.GRADE_GOOD)).isEqualByComparingTo("95");
    parameters.set(plan.id(), AssessmentParameter.GRADE_GOOD, new BigDecimal("90"), "coordinator");
  }

  @Test
  void aChangedParameterChangesTheScoreAsExpected() {
    parameters.set(plan.id(), AssessmentParameter.RED_CARD_DEDUCTION, new BigDecimal("1"), "coordinator");
    try {
      Scored jinwan = AssessmentScoring.byUnit(scoring.score(plan.id(), LocalDate.of(2023, 12, 15), Map.of(),
          Map.of())).get("jinwan");
      assertThat(jinwan.sheet().total()).as("a red card now costs 1: 47 + 1").isEqualByComparingTo("48");
      assertThat(jinwan.sheet().parameters()).containsEntry("redCardDeduction", new BigDecimal("1"));
    } finally {
      parameters.set(plan.id(), AssessmentParameter.RED_CARD_DEDUCTION, new BigDecimal("2"), "coordinator");
    }
  }
}
