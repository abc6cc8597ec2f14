package com.xiezuo.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.mail.MailKind;
import com.xiezuo.mail.MailMessage;
import com.xiezuo.mail.MailOutbox;
import com.xiezuo.mail.MailService;
import com.xiezuo.mail.MailStatus;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.plan.change.ChangeProposal;
import com.xiezuo.plan.change.ChangeType;
import com.xiezuo.plan.change.PlanChangeService;
import com.xiezuo.plan.parse.ParsedMilestone;
import com.xiezuo.plan.parse.ParsedPlan;
import com.xiezuo.plan.parse.ParsedTask;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.TestSmtp;
import com.xiezuo.support.XiezuoSpringTest;
import com.xiezuo.workflow.Deadlines;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;

/** unitTask on every path: reports, the lead unit's review, leadership sign-off, milestones, moved and cancelled work. */
@XiezuoSpringTest
class UnitTaskProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired PlanImportService importer;
  @Autowired UnitAssignments assignments;
  @Autowired UnitTaskData data;
  @Autowired com.xiezuo.plan.PlanRepository plans;
  @Autowired PlanChangeService changes;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired MailOutbox outbox;

  private PlanSummary plan;
  private ProcessDriver driver;

  @BeforeEach
  void onMay10() {
    BpmnAwareTests.init(engine);
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
  }

  @AfterEach
  void resetClock() {
    ProcessDriver.resetClock();
  }

  /** One plan with a task for 市人社局 (lead) and 市驻遵义工作组, approved and fanned out. */
  private void start(LocalDate deadline, String deadlineText, boolean yearRound, List<ParsedMilestone> milestones) {
    ParsedPlan parsed = new ParsedPlan("单位任务测试计划", 2023, "单位任务测试-" + UUID.randomUUID(), null, List.of(
        new ParsedTask("1", "助力巩固拓展脱贫攻坚成果", "强化劳务协作", "稳岗就业。", "市人社局", List.of("市驻遵义工作组"),
            deadline, deadlineText, yearRound, List.of(), milestones)));
    plan = importer.importPlan(parsed, new PlanImportService.Options(PlanImportService.Source.JSON, "demo", false, null));
    driver = new ProcessDriver(managementService, historyService, plan.processInstanceId());
    LifecycleFixture.approve(taskService, plan);
    driver.runDueJobs();
  }

  private UnitAssignment unit(String unitId) {
    return assignments.ofPlan(plan.id()).stream().filter(a -> a.unitId().equals(unitId)).findFirst().orElseThrow();
  }

  private Task open(UnitAssignment assignment, String key) {
    return taskService.createTaskQuery().processInstanceId(assignment.processInstanceId()).taskDefinitionKey(key)
        .singleResult();
  }

  @Test
  void aCoUnitsCompletionGoesThroughTheLeadUnitAndLeadershipEitherMayReturnIt() {
    start(LocalDate.of(2023, 6, 30), "6 月底前", false, List.of());
    UnitAssignment workGroup = unit("zunyiWorkGroup");
    assertThatThrownBy(() -> complete(open(workGroup, "userTask_acceptTask"), withVariables("taskAccepted", false)))
        .hasMessageContaining("本单位已签收该任务");
    complete(open(workGroup, "userTask_acceptTask"), withVariables("taskAccepted", true));
    assertThatThrownBy(() -> complete(open(workGroup, "userTask_reportCompletion"), withVariables("completionSummary", "好")))
        .hasMessageContaining("不少于 10 字");
    complete(open(workGroup, "userTask_reportCompletion"), withVariables("completionSummary", "协助组织劳务输出 40 人。"));

    Task review = open(workGroup, "userTask_leadReview");
    assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(link -> link.getGroupId()).contains("hrss");
    assertThatThrownBy(() -> complete(review, withVariables("leadReviewDecision", "return")))
        .hasMessageContaining("退回时必须填写审核意见");
    complete(review, withVariables("leadReviewDecision", "return", "leadReviewComment", "请补充人员名单"));
    Task again = open(workGroup, "userTask_reportCompletion");
    assertThat(taskService.getVariable(again.getId(), "leadReviewComment")).isEqualTo("请补充人员名单");
    complete(again, withVariables("completionSummary", "协助组织劳务输出 40 人，名单已上传。"));
    Task secondReview = open(workGroup, "userTask_leadReview");
    assertThat(taskService.getVariable(secondReview.getId(), "leadReviewDecision")).as("a fresh decision").isNull();
    complete(secondReview, withVariables("leadReviewDecision", "approve"));

    Task signOff = open(workGroup, "userTask_signOff");
    assertThat(taskService.getIdentityLinksForTask(signOff.getId())).extracting(link -> link.getGroupId()).contains("leadership");
    complete(signOff, withVariables("approvalDecision", "return", "approvalComment", "请说明稳岗情况"));
    complete(open(workGroup, "userTask_reportCompletion"), withVariables("completionSummary", "输送 40 人，稳岗率 95%。"));
    complete(open(workGroup, "userTask_leadReview"), withVariables("leadReviewDecision", "approve"));
    Task secondSignOff = open(workGroup, "userTask_signOff");
    assertThat(taskService.getVariables(secondSignOff.getId())).containsEntry("approvalDecision", null)
        .containsEntry("approvalComment", null);
    assertThat(((String) taskService.getVariable(secondSignOff.getId(), "approvalHistory")).split("\n"))
        .as("the second sign-off sees every earlier round").hasSize(7)
        .anyMatch(line -> line.contains("牵头单位审核") && line.contains("退回修改。意见：请补充人员名单"))
        .anyMatch(line -> line.contains("领导签批") && line.contains("退回修改。意见：请说明稳岗情况"));
    complete(secondSignOff, withVariables("approvalDecision", "approve"));

    assertThat(assignments.find(workGroup.id()).orElseThrow().status()).isEqualTo(AssignmentStatus.COMPLETED);
    assertThat(taskService.createTaskQuery().processInstanceId(workGroup.processInstanceId()).count())
        .as("the open progress report ends with the work").isZero();
    assertThat(data.reports(workGroup.id())).filteredOn(r -> r.kind().equals(UnitTaskData.COMPLETION)).hasSize(3);
  }

  @Test
  void progressIsReportedMonthlyAndTheLeadGoesStraightToSignOff() {
    start(LocalDate.of(2023, 6, 30), "6 月底前", false, List.of());
    UnitAssignment hrss = unit("hrss");
    complete(open(hrss, "userTask_acceptTask"), withVariables("taskAccepted", true));
    Task may = open(hrss, "userTask_reportProgress");
    assertThat(may.getDueDate()).isEqualTo(Deadlines.endOfDay(LocalDate.of(2023, 5, 31)));
    assertThat(taskService.getVariable(may.getId(), "reportPeriodLabel")).isEqualTo("2023 年 5 月");
    complete(may, withVariables("progressText", "5 月举办招聘会 2 场。"));
    assertThat(open(hrss, "userTask_reportProgress")).as("June ends on the deadline: the completion report covers it").isNull();
    assertThat(data.hasProgressReport(hrss.id(), LocalDate.of(2023, 5, 31))).isTrue();
    complete(open(hrss, "userTask_reportCompletion"), withVariables("completionSummary", "上半年转移就业 300 人。"));
    assertThat(open(hrss, "userTask_leadReview")).isNull();
    assertThat(open(hrss, "userTask_signOff")).isNotNull();
  }

  @Test
  void aYearRoundTaskReportsEveryMonthUntilYearEndThenClosesOut() {
    start(LocalDate.of(2023, 12, 31), "全年实施", true, List.of());
    UnitAssignment hrss = unit("hrss");
    complete(open(hrss, "userTask_acceptTask"), withVariables("taskAccepted", true));
    int reports = 0;
    Task progress;
    while ((progress = open(hrss, "userTask_reportProgress")) != null) {
      complete(progress, withVariables("progressText", "本月持续推进，稳岗就业正常。"));
      reports++;
    }
    assertThat(reports).as("May to November; December is the close-out").isEqualTo(7);
    complete(open(hrss, "userTask_reportCompletion"), withVariables("completionSummary", "全年完成转移就业 820 人。"));
    complete(open(hrss, "userTask_signOff"), withVariables("approvalDecision", "approve"));
    assertThat(assignments.find(hrss.id()).orElseThrow().status()).isEqualTo(AssignmentStatus.COMPLETED);
  }

  @Test
  void milestonesHaveTheirOwnRemindersUntilMarkedDone() {
    start(LocalDate.of(2023, 10, 31), "10 月底前", false,
        List.of(new ParsedMilestone(LocalDate.of(2023, 6, 30), "6 月底前完成区级调研对接")));
    UnitAssignment hrss = unit("hrss");
    driver.advanceTo(LocalDateTime.of(2023, 6, 23, 9, 0));
    assertThat(TestSmtp.withKeyPrefix("reminder/" + hrss.id() + "/MILESTONE/")).singleElement()
        .satisfies(mail -> assertThat(TestSmtp.body(mail)).contains("尚待办理：完成节点“6 月底前完成区级调研对接”"));
    long milestone = plans.milestonesOfTask(hrss.planTaskId()).get(0).id();
    data.markMilestone(hrss.id(), milestone, "hrss");
    driver.advanceTo(LocalDateTime.of(2023, 6, 29, 9, 0));
    assertThat(TestSmtp.withKeyPrefix("reminder/" + hrss.id() + "/MILESTONE/")).as("done: no 1-day reminder").hasSize(1);
    assertThat(TestSmtp.withKeyPrefix("reminder/" + unit("zunyiWorkGroup").id() + "/MILESTONE/")).hasSize(2);
  }

  @Test
  void anExtensionReschedulesTheRemindersAndACancellationStopsThem() {
    start(LocalDate.of(2023, 6, 30), "6 月底前", false, List.of());
    UnitAssignment hrss = unit("hrss");
    complete(open(hrss, "userTask_acceptTask"), withVariables("taskAccepted", true));
    assertThat(driver.jobAt(plan.processInstanceId(), "timer_assessmentDue").getDuedate())
        .isEqualTo(Deadlines.at(LocalDate.of(2023, 7, 15), LocalTime.of(9, 0)));
    changes.propose(plan.id(), new ChangeProposal("1", ChangeType.EXTEND, "招聘会推迟", LocalDate.of(2023, 8, 31), null, null), "demo");
    complete(taskService.createTaskQuery().processInstanceId(plan.processInstanceId())
        .taskDefinitionKey("userTask_approveChange").singleResult(), withVariables("changeDecision", "approve"));
    driver.runDueJobs();
    assertThat(open(hrss, "userTask_reportCompletion").getDueDate()).isEqualTo(Deadlines.endOfDay(LocalDate.of(2023, 8, 31)));
    assertThat(open(hrss, "userTask_reportProgress").getDueDate()).as("May's report stays due in May")
        .isEqualTo(Deadlines.endOfDay(LocalDate.of(2023, 5, 31)));
    assertThat(driver.jobAt(plan.processInstanceId(), "timer_assessmentDue").getDuedate()).as("assessment follows")
        .isEqualTo(Deadlines.at(LocalDate.of(2023, 9, 15), LocalTime.of(9, 0)));

    driver.advanceTo(LocalDateTime.of(2023, 6, 23, 9, 0));
    assertThat(TestSmtp.withKeyPrefix("reminder/" + hrss.id() + "/DEADLINE/")).as("no reminder for the old date").isEmpty();
    driver.advanceTo(LocalDateTime.of(2023, 8, 24, 9, 0));
    assertThat(TestSmtp.withKeyPrefix("reminder/" + hrss.id() + "/DEADLINE/")).singleElement()
        .satisfies(mail -> assertThat(mail.getSubject()).contains("完成时限 2023-08-31，还有 7 天到期"));

    changes.propose(plan.id(), new ChangeProposal("1", ChangeType.CANCEL, "改由省级统筹", null, null, null), "demo");
    complete(taskService.createTaskQuery().processInstanceId(plan.processInstanceId())
        .taskDefinitionKey("userTask_approveChange").singleResult(), withVariables("changeDecision", "approve"));
    driver.runDueJobs();
    driver.advanceTo(LocalDateTime.of(2023, 9, 2, 9, 0));
    assertThat(TestSmtp.withKeyPrefix("reminder/" + hrss.id() + "/DEADLINE/")).as("cancelled: no 1-day reminder").hasSize(1);
    assertThat(TestSmtp.withKeyPrefix("escalation/" + hrss.id() + "/")).as("cancelled: no escalation").isEmpty();
  }

  @Test
  void anExtensionApprovedWhileTheEscalationWaitsToRunCallsTheEscalationOff() {
    start(LocalDate.of(2023, 6, 30), "6 月底前", false, List.of());
    UnitAssignment hrss = unit("hrss");
    ProcessDriver.setClock(LocalDateTime.of(2023, 7, 1, 0, 5));
    managementService.executeJob(driver.jobAt(hrss.processInstanceId(), "timer_deadlineReached").getId());
    changes.propose(plan.id(), new ChangeProposal("1", ChangeType.EXTEND, "补办手续", LocalDate.of(2023, 8, 31), null, null), "demo");
    complete(taskService.createTaskQuery().processInstanceId(plan.processInstanceId())
        .taskDefinitionKey("userTask_approveChange").singleResult(), withVariables("changeDecision", "approve"));
    managementService.executeJob(driver.jobAt(plan.processInstanceId(), "serviceTask_applyChange").getId());

    managementService.executeJob(driver.jobAt(hrss.processInstanceId(), "serviceTask_escalateOverdue").getId());
    assertThat(TestSmtp.withKeyPrefix("escalation/" + hrss.id() + "/")).isEmpty();
    assertThat(assignments.find(hrss.id()).orElseThrow().overdue()).isFalse();
    assertThat(driver.jobAt(hrss.processInstanceId(), "timer_deadlineReached").getDuedate()).as("watching the new date")
        .isEqualTo(Deadlines.endOfDay(LocalDate.of(2023, 8, 31)));
  }

  @Test
  void withoutSmtpMailsAreRecordedInTheOutboxNotDropped() {
    @SuppressWarnings("unchecked")
    ObjectProvider<JavaMailSender> none = new org.springframework.beans.factory.support.StaticListableBeanFactory()
        .getBeanProvider(JavaMailSender.class);
    MailService recordOnly = new MailService(outbox, none, "协作 <noreply@xiezuo.example>", "default");
    String key = "test/no-smtp/" + UUID.randomUUID();
    recordOnly.deliver(new MailMessage(key, MailKind.REMINDER, List.of("hrss@units.xiezuo.example"), "测试提醒", "正文",
        null, null));
    assertThat(outbox.status(key)).contains(MailStatus.RECORDED);
    assertThat(recordOnly.smtpConfigured()).isFalse();
    assertThat(TestSmtp.withKeyPrefix(key)).isEmpty();
  }
}
