package com.xiezuo.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.xiezuo.decomposition.AllocationEntry;
import com.xiezuo.decomposition.Allocations;
import com.xiezuo.decomposition.IndicatorRow;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.execution.AssignmentStatus;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.PlanStatus;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.plan.change.ChangeProposal;
import com.xiezuo.plan.change.ChangeStatus;
import com.xiezuo.plan.change.ChangeType;
import com.xiezuo.plan.change.PlanChangeService;
import com.xiezuo.supervision.SupervisionRounds;
import com.xiezuo.support.FlowNodeCoverage;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.XiezuoSpringTest;
import com.xiezuo.workflow.Deadlines;
import com.xiezuo.workflow.FormValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** annualPlan and indicatorDecomposition on every path, timers driven on the engine clock. */
@XiezuoSpringTest
class PlanLifecycleProcessTest {

  static final List<String> DISTRICTS = List.of("xiangzhou", "jinwan", "doumen", "hitech");

  @Autowired ProcessEngine engine;
  @Autowired PlanImportService importer;
  @Autowired PlanRepository plans;
  @Autowired Allocations allocations;
  @Autowired UnitAssignments assignments;
  @Autowired PlanChangeService changes;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired UnitDirectory directory;
  @Autowired SupervisionRounds supervisionRounds;

  private PlanSummary plan;
  private ProcessDriver driver;

  @BeforeEach
  void startOnMay10() {
    BpmnAwareTests.init(engine);
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
  }

  /** Every process instance the tests of this class ran, for the coverage report. */
  private static final Set<String> RAN = new HashSet<>();

  @AfterEach
  void resetClock() {
    if (driver != null) {
      RAN.addAll(driver.family());
    }
    ProcessDriver.resetClock();
  }

  @AfterAll
  static void flowNodeCoverageOfThePlanProcessesIsAtLeast90Percent(@Autowired RepositoryService repository,
      @Autowired HistoryService history) {
    List<FlowNodeCoverage.Result> results = List.of(
        FlowNodeCoverage.of(repository, history, "annualPlan", RAN),
        FlowNodeCoverage.of(repository, history, "indicatorDecomposition", RAN),
        FlowNodeCoverage.of(repository, history, "unitTask", RAN));
    FlowNodeCoverage.report("PlanLifecycleProcessTest", results);
    assertThat(results.get(0).ratio()).as("annualPlan missed %s", results.get(0).missed()).isGreaterThanOrEqualTo(0.9);
    assertThat(results.get(1).ratio()).as("indicatorDecomposition missed %s", results.get(1).missed())
        .isGreaterThanOrEqualTo(0.9);
  }

  private void importPlan(boolean withIndicators) {
    plan = LifecycleFixture.importPlan(importer, withIndicators);
    driver = new ProcessDriver(managementService, historyService, plan.processInstanceId());
  }

  private Task task(String key) {
    List<Task> tasks = openTasks(key);
    assertThat(tasks).as("one open " + key).hasSize(1);
    return tasks.get(0);
  }

  private List<Task> openTasks(String key) {
    return driver.family().stream().flatMap(id -> taskService.createTaskQuery().processInstanceId(id)
        .taskDefinitionKey(key).list().stream()).toList();
  }

  private void approvePlan() {
    complete(task("userTask_reviewPlan"), withVariables("reviewConfirmed", true));
    complete(task("userTask_approvePlan"), withVariables("approvalDecision", "approve"));
  }

  private IndicatorRow indicator(String name) {
    return allocations.indicators(plan.id()).stream().filter(row -> row.name().equals(name)).findFirst().orElseThrow();
  }

  private void fillTable(long... fundsInYi) {
    List<AllocationEntry> entries = new ArrayList<>();
    for (int i = 0; i < DISTRICTS.size(); i++) {
      entries.add(new AllocationEntry(indicator(LifecycleFixture.FUNDS).id(), DISTRICTS.get(i),
          BigDecimal.valueOf(fundsInYi[i]).multiply(BigDecimal.valueOf(10_000_000L)), "元"));
      entries.add(new AllocationEntry(indicator(LifecycleFixture.SHARE).id(), DISTRICTS.get(i), new BigDecimal("55"), "%"));
    }
    allocations.save(plan.id(), entries, "coordinator");
  }

  private void propose() {
    complete(task("userTask_proposeAllocation"), withVariables("allocationReady", true, "allocationRounding", 0));
  }

  private void everyDistrictConfirms() {
    for (String district : DISTRICTS) {
      Task confirmation = taskService.createTaskQuery().taskDefinitionKey("userTask_confirmAllocation")
          .taskCandidateGroup(district).processInstanceIdIn(driver.family().toArray(String[]::new)).singleResult();
      assertThat(taskService.getVariable(confirmation.getId(), "unitAllocation")).as(district).asString()
          .contains(LifecycleFixture.FUNDS);
      complete(confirmation, withVariables("allocationDecision", "confirm"));
    }
    driver.runDueJobs();
  }

  /** Approve, decompose (12 + 10 + 10 + 10 千万 = 4.2 亿), sign, fan out. */
  private void approveDecomposeAndFanOut() {
    approvePlan();
    fillTable(12, 10, 10, 10);
    propose();
    everyDistrictConfirms();
    complete(task("userTask_signOffAllocation"), withVariables("approvalDecision", "approve"));
    driver.runDueJobs();
  }

  @Test
  void approvedPlanIsDecomposedSignedAndFannedOutToEveryUnit() {
    importPlan(true);
    approveDecomposeAndFanOut();

    assertThat(allocations.isFinal(plan.id())).isTrue();
    assertThat(plans.findSummary(plan.id()).orElseThrow().status()).isEqualTo(PlanStatus.IN_PROGRESS);
    List<UnitAssignment> fanOut = assignments.ofPlan(plan.id());
    // task 1: 市财政局 (lead), 市乡村振兴局, 4 paired districts; task 2: 市人社局 (lead), 市驻遵义工作组
    assertThat(fanOut).extracting(UnitAssignment::unitId).containsExactly(
        "finance", "rrb", "xiangzhou", "jinwan", "doumen", "hitech", "hrss", "zunyiWorkGroup");
    assertThat(fanOut).filteredOn(UnitAssignment::isLead).extracting(UnitAssignment::unitId)
        .containsExactly("finance", "hrss");
    List<ProcessInstance> unitTasks = runtimeService.createProcessInstanceQuery().processDefinitionKey("unitTask")
        .superProcessInstanceId(plan.processInstanceId()).list();
    assertThat(unitTasks).hasSize(8);
    assertThat(unitTasks).extracting(ProcessInstance::getBusinessKey)
        .contains("plan/2023/" + plan.id() + "/task/1/unit/doumen", "plan/2023/" + plan.id() + "/task/2/unit/hrss");

    Task doumen = taskService.createTaskQuery().processDefinitionKey("unitTask").taskCandidateGroup("doumen")
        .processInstanceBusinessKeyLike("plan/2023/" + plan.id() + "/%").singleResult();
    assertThat(doumen.getName()).isEqualTo("签收任务｜1 保持资金投入");
    assertThat(doumen.getDueDate()).isEqualTo(Deadlines.endOfDay(LocalDate.of(2023, 11, 30)));
    assertThat((String) taskService.getVariable(doumen.getId(), "indicatorTargets"))
        .contains("财政援助资金投入：不少于 1 亿元（本单位分解指标）", "产业发展资金比例：不少于 55%（本单位分解指标）");
    Task finance = taskService.createTaskQuery().processDefinitionKey("unitTask").taskCandidateGroup("finance")
        .processInstanceBusinessKeyLike("plan/2023/" + plan.id() + "/%").singleResult();
    assertThat((String) taskService.getVariable(finance.getId(), "indicatorTargets"))
        .contains("不少于 4.2 亿元（牵头单位，全任务目标）");
    assertThat(taskService.getVariable(finance.getId(), "unitRoleLabel")).isEqualTo("牵头单位");

    // the supervision loop and the assessment wait on their timers
    assertThat(driver.jobs()).extracting(Job::getDuedate).contains(
        Deadlines.at(LocalDate.of(2023, 6, 10), java.time.LocalTime.of(9, 0)),
        Deadlines.at(LocalDate.of(2023, 12, 15), java.time.LocalTime.of(9, 0)));
  }

  @Test
  void aSumThatMissesTheTotalIsRefused() {
    importPlan(true);
    approvePlan();
    fillTable(12, 10, 10, 9);
    assertThatThrownBy(this::propose).isInstanceOf(FormValidationException.class)
        .hasMessageContaining("财政援助资金投入").hasMessageContaining("4.1 亿元").hasMessageContaining("4.2 亿元");
    assertThat(openTasks("userTask_proposeAllocation")).hasSize(1);
    assertThatThrownBy(() -> allocations.save(plan.id(), List.of(new AllocationEntry(
        indicator(LifecycleFixture.FUNDS).id(), "doumen", new BigDecimal("-5"), "人")), "coordinator"))
        .hasMessageContaining("非负数").hasMessageContaining("计量单位应为“元”");
  }

  @Test
  void anObjectionReturnsTheTableWithEveryReasonThenASignOffReturnToo() {
    importPlan(true);
    approvePlan();
    fillTable(12, 10, 10, 10);
    propose();
    Task doumen = taskService.createTaskQuery().taskDefinitionKey("userTask_confirmAllocation")
        .taskCandidateGroup("doumen").processInstanceIdIn(driver.family().toArray(String[]::new)).singleResult();
    assertThatThrownBy(() -> complete(doumen, withVariables("allocationDecision", "object")))
        .hasMessageContaining("提出异议时必须说明理由");
    for (String district : DISTRICTS) {
      Task confirmation = taskService.createTaskQuery().taskDefinitionKey("userTask_confirmAllocation")
          .taskCandidateGroup(district).processInstanceIdIn(driver.family().toArray(String[]::new)).singleResult();
      complete(confirmation, district.equals("doumen")
          ? withVariables("allocationDecision", "object", "objectionReason", "斗门区今年财力紧张，建议调减至 0.8 亿元")
          : withVariables("allocationDecision", "confirm"));
    }
    driver.runDueJobs();
    Task again = task("userTask_proposeAllocation");
    assertThat((String) taskService.getVariable(again.getId(), "objectionSummary"))
        .contains("斗门区", "财力紧张");
    assertThat((String) taskService.getVariable(again.getId(), "approvalHistory"))
        .contains("编制指标分解方案 · ", "：提交各单位确认",
            "各单位确认分解指标（第 1 轮）：3 个单位确认，1 个单位提出异议（斗门区：斗门区今年财力紧张，建议调减至 0.8 亿元），退回重新编制");
    assertThat(taskService.getVariable(again.getId(), "allocationReady")).as("comes back unticked").isNull();

    fillTable(12, 12, 8, 10);
    propose();
    everyDistrictConfirms();
    assertThatThrownBy(() -> complete(task("userTask_signOffAllocation"), withVariables("approvalDecision", "return")))
        .hasMessageContaining("退回时必须填写审批意见");
    complete(task("userTask_signOffAllocation"), withVariables("approvalDecision", "return", "approvalComment", "请与各区再沟通"));
    Task returned = task("userTask_proposeAllocation");
    assertThat((String) taskService.getVariable(returned.getId(), "approvalComment")).isEqualTo("请与各区再沟通");
    assertThat(((String) taskService.getVariable(returned.getId(), "approvalHistory")).lines())
        .as("every round in view: two proposals, two answers, the return").hasSize(5)
        .last().asString().contains("领导签批分解方案", "退回修改。意见：请与各区再沟通");
    assertThat(taskService.getVariable(returned.getId(), "allocationReady")).isNull();
    propose();
    everyDistrictConfirms();
    complete(task("userTask_signOffAllocation"), withVariables("approvalDecision", "approve"));
    driver.runDueJobs();
    assertThat(allocations.finalTarget(indicator(LifecycleFixture.FUNDS).id(), "doumen")).get()
        .satisfies(value -> assertThat(value).isEqualByComparingTo("80000000"));
    assertThat(allocations.responses(plan.id(), 1)).extracting(Allocations.Response::decision).contains("object");
  }

  @Test
  void aPlanWithoutIndicatorsGoesStraightToItsUnits() {
    importPlan(false);
    approvePlan();
    driver.runDueJobs();
    assertThat(openTasks("userTask_proposeAllocation")).isEmpty();
    assertThat(assignments.ofPlan(plan.id())).hasSize(8);
  }

  @Test
  void anApprovedExtensionMovesTheDeadlineAndItsTimer() {
    importPlan(false);
    approvePlan();
    driver.runDueJobs();
    UnitAssignment hrss = assignments.ofPlan(plan.id()).stream().filter(a -> a.unitId().equals("hrss")).findFirst().orElseThrow();
    Task accept = taskService.createTaskQuery().processInstanceId(hrss.processInstanceId()).singleResult();
    taskService.claim(accept.getId(), "hrss");

    changes.propose(plan.id(), new ChangeProposal("2", ChangeType.EXTEND, "招聘会推迟到 8 月举办", LocalDate.of(2023, 8, 31),
        null, null), "demo");
    assertThat(deadlineTimer(hrss).getDuedate()).as("not moved before approval")
        .isEqualTo(Deadlines.endOfDay(LocalDate.of(2023, 6, 30)));
    complete(task("userTask_approveChange"), withVariables("changeDecision", "approve"));
    driver.runDueJobs();

    assertThat(deadlineTimer(hrss).getDuedate()).isEqualTo(Deadlines.endOfDay(LocalDate.of(2023, 8, 31)));
    Task moved = taskService.createTaskQuery().processInstanceId(hrss.processInstanceId()).singleResult();
    assertThat(moved.getDueDate()).isEqualTo(Deadlines.endOfDay(LocalDate.of(2023, 8, 31)));
    assertThat(moved.getAssignee()).as("the claim survives").isEqualTo("hrss");
    assertThat(plans.findTask(hrss.planTaskId(), directory.snapshot()).orElseThrow().task().deadline())
        .isEqualTo(LocalDate.of(2023, 8, 31));

    driver.advanceTo(LocalDateTime.of(2023, 7, 2, 9, 0));
    assertThat(assignments.find(hrss.id()).orElseThrow().overdue()).as("old deadline passed, not overdue").isFalse();
    driver.advanceTo(LocalDateTime.of(2023, 9, 1, 9, 0));
    assertThat(assignments.find(hrss.id()).orElseThrow().overdue()).as("new deadline passed").isTrue();
  }

  private Job deadlineTimer(UnitAssignment assignment) {
    return managementService.createJobQuery().processInstanceId(assignment.processInstanceId())
        .activityId("timer_deadlineReached").singleResult();
  }

  @Test
  void aCancelledTaskEndsItsUnitTasksCleanly() {
    importPlan(false);
    approvePlan();
    driver.runDueJobs();
    changes.propose(plan.id(), new ChangeProposal("1", ChangeType.CANCEL, "资金改由省级统筹", null, null, null), "demo");
    complete(task("userTask_approveChange"), withVariables("changeDecision", "approve"));
    driver.runDueJobs();

    List<UnitAssignment> fanOut = assignments.ofPlan(plan.id());
    assertThat(fanOut).filteredOn(a -> a.taskNumber().equals("1")).extracting(UnitAssignment::status)
        .containsOnly(AssignmentStatus.CANCELLED).hasSize(6);
    assertThat(fanOut).filteredOn(a -> a.taskNumber().equals("2")).extracting(UnitAssignment::status)
        .containsOnly(AssignmentStatus.ACTIVE);
    for (UnitAssignment cancelled : fanOut.subList(0, 6)) {
      assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(cancelled.processInstanceId())
          .activityId("endEvent_cancelled").count()).isOne();
    }
    assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(plan.processInstanceId())
        .processDefinitionKey("unitTask").count()).isEqualTo(2);
    assertThat(plans.findTask(fanOut.get(0).planTaskId(), directory.snapshot()).orElseThrow().task().status())
        .isEqualTo("CANCELLED");
  }

  @Test
  void aReturnedChangeIsRevisedOrWithdrawn() {
    importPlan(false);
    approvePlan();
    driver.runDueJobs();
    var adjust = changes.propose(plan.id(), new ChangeProposal("2", ChangeType.ADJUST, "对接澳门劳务输出", null,
        "强化劳务协作（含澳门）", null), "demo");
    assertThatThrownBy(() -> complete(task("userTask_approveChange"), withVariables("changeDecision", "return")))
        .hasMessageContaining("退回时必须填写审批意见");
    complete(task("userTask_approveChange"), withVariables("changeDecision", "return", "changeComment", "请说明对接方式"));
    assertThat(changes.ofPlan(plan.id()).get(0).status()).isEqualTo(ChangeStatus.RETURNED);
    complete(task("userTask_reviseChange"), withVariables("changeRevision", "resubmit",
        "changeReason", "与澳门劳工事务局签订合作备忘录，对接劳务输出"));
    assertThat((String) taskService.getVariable(task("userTask_approveChange").getId(), "changeSummary"))
        .contains("合作备忘录");
    assertThat((String) taskService.getVariable(task("userTask_approveChange").getId(), "approvalHistory"))
        .as("the leader sees why it returned the change").contains("退回修改。意见：请说明对接方式")
        .doesNotContain("审核工作计划");
    complete(task("userTask_approveChange"), withVariables("changeDecision", "approve", "changeComment", "同意"));
    driver.runDueJobs();
    assertThat(changes.ofPlan(plan.id()).get(0).status()).isEqualTo(ChangeStatus.APPROVED);
    String hrssInstance = assignments.ofPlan(plan.id()).stream().filter(a -> a.unitId().equals("hrss")).findFirst()
        .orElseThrow().processInstanceId();
    assertThat(runtimeService.getVariable(hrssInstance, "taskTitle")).isEqualTo("强化劳务协作（含澳门）");

    changes.propose(plan.id(), new ChangeProposal("1", ChangeType.CANCEL, "试一试", null, null, null), "demo");
    complete(task("userTask_approveChange"), withVariables("changeDecision", "return", "changeComment", "理由不充分"));
    complete(task("userTask_reviseChange"), withVariables("changeRevision", "withdraw"));
    assertThat(changes.ofPlan(plan.id()).get(0).status()).isEqualTo(ChangeStatus.WITHDRAWN);
    assertThat(openTasks("userTask_reviseChange")).isEmpty();
    assertThat(adjust.type()).isEqualTo(ChangeType.ADJUST);
  }

  @Test
  void changesAreRefusedWithClearReasons() {
    importPlan(false);
    assertThatThrownBy(() -> changes.propose(plan.id(), new ChangeProposal("1", ChangeType.CANCEL, "x", null, null, null), "demo"))
        .hasMessageContaining("审核中");
    approvePlan();
    driver.runDueJobs();
    assertThatThrownBy(() -> changes.propose(plan.id(), new ChangeProposal("9", ChangeType.CANCEL, "x", null, null, null), "demo"))
        .hasMessageContaining("没有编号为“9”的任务");
    assertThatThrownBy(() -> changes.propose(plan.id(), new ChangeProposal("2", ChangeType.EXTEND, "晚点", LocalDate.of(2023, 6, 1), null, null), "demo"))
        .hasMessageContaining("须晚于现时限");
    assertThatThrownBy(() -> changes.propose(plan.id(), new ChangeProposal("2", ChangeType.EXTEND, " ", LocalDate.of(2023, 9, 1), null, null), "demo"))
        .hasMessageContaining("请说明变更理由");
  }

  @Test
  void supervisionRunsMonthlyTheAssessmentFollowsAndThePlanCompletes() {
    importPlan(true);
    approveDecomposeAndFanOut();

    driver.advanceTo(LocalDateTime.of(2023, 6, 10, 9, 0));
    Task round = task("userTask_reviewFindings");
    assertThat(taskService.getVariable(round.getId(), "supervisionRound")).isEqualTo(1);
    assertThatThrownBy(() -> complete(round, withVariables("supervisionFindings", "")))
        .hasMessageContaining("请填写本轮督查意见");
    complete(round, withVariables("supervisionFindings", "劳务协作进度偏慢"));

    driver.advanceTo(LocalDateTime.of(2023, 7, 11, 9, 0));
    Task second = task("userTask_reviewFindings");
    assertThat((String) taskService.getVariable(second.getId(), "findingsSummary"))
        .contains("截至 2023-07-11，第 2 轮例行督查（全部责任单位）", "逾期未完成 2 项");

    // the second round is left open: the third opens on time all the same, and the second is flagged late
    driver.advanceTo(LocalDateTime.of(2023, 8, 11, 9, 0));
    assertThat(openTasks("userTask_reviewFindings")).hasSize(2);
    assertThat(supervisionRounds.rounds(plan.id())).extracting(r -> r.number() + " " + r.statusLabel())
        .containsExactly("3 进行中", "2 未按期完成", "1 已完成");
    complete(second, withVariables("supervisionFindings", "市人社局任务逾期，已督促"));

    // every unit finishes its work: completion report, the lead unit's review for co-units, leadership sign-off
    for (UnitAssignment assignment : assignments.ofPlan(plan.id())) {
      finishUnitTask(assignment);
    }
    assertThat(assignments.ofPlan(plan.id())).extracting(UnitAssignment::status).containsOnly(AssignmentStatus.COMPLETED);

    for (int month = 8; month <= 12; month++) {
      driver.advanceTo(LocalDateTime.of(2023, month, 12, 9, 0));
      for (Task open : openTasks("userTask_reviewFindings")) {
        complete(open, withVariables("supervisionFindings", "进展正常"));
      }
    }
    driver.advanceTo(LocalDateTime.of(2023, 12, 15, 9, 0));
    driver.runDueJobs();
    List<Task> selfAssessments = openTasks("userTask_submitSelfAssessment");
    assertThat(selfAssessments).as("one self-assessment per assessed unit").hasSize(8);
    for (Task self : selfAssessments) {
      complete(self, withVariables("selfReport", "全年任务已按计划完成，台账和佐证材料齐全。"));
    }
    driver.runDueJobs();
    taskService.complete(task("userTask_reviewAssessment").getId());
    complete(task("userTask_approveAssessment"), withVariables("approvalDecision", "approve"));
    driver.runDueJobs();

    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(plan.processInstanceId())
        .activityId("endEvent_planCompleted").count()).isOne();
    assertThat(plans.findSummary(plan.id()).orElseThrow().status()).isEqualTo(PlanStatus.COMPLETED);
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("supervisionRound")
        .processInstanceBusinessKeyLike(PlanImportService.businessKey(2023, plan.id()) + "/supervision/%").count())
        .isEqualTo(7);
  }

  private Task unitTask(UnitAssignment assignment, String key) {
    return taskService.createTaskQuery().processInstanceId(assignment.processInstanceId()).taskDefinitionKey(key)
        .singleResult();
  }

  private void finishUnitTask(UnitAssignment assignment) {
    if (unitTask(assignment, "userTask_acceptTask") != null) {
      complete(unitTask(assignment, "userTask_acceptTask"), withVariables("taskAccepted", true));
    }
    complete(unitTask(assignment, "userTask_reportCompletion"),
        withVariables("completionSummary", "已按计划完成全部工作并登记台账。"));
    if (!assignment.isLead()) {
      complete(unitTask(assignment, "userTask_leadReview"), withVariables("leadReviewDecision", "approve"));
    }
    complete(unitTask(assignment, "userTask_signOff"), withVariables("approvalDecision", "approve"));
  }

  @Test
  void overdueUnitTasksAreMarkedOnTheDeadline() {
    importPlan(false);
    approvePlan();
    driver.runDueJobs();
    driver.advanceTo(LocalDateTime.of(2023, 7, 1, 8, 0));
    assertThat(assignments.ofPlan(plan.id())).filteredOn(UnitAssignment::overdue).extracting(UnitAssignment::unitId)
        .containsExactlyInAnyOrder("hrss", "zunyiWorkGroup");
    assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(plan.processInstanceId())
        .processDefinitionKey("unitTask").count()).as("overdue tasks keep running").isEqualTo(8);
  }
}
