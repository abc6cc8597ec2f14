package com.xiezuo.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.mail.MailOutbox;
import com.xiezuo.mail.MailStatus;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.TestSmtp;
import com.xiezuo.support.XiezuoSpringTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Reminders and escalations through a real SMTP server (GreenMail), on the engine clock. */
@XiezuoSpringTest
class ReminderMailTest {

  @Autowired ProcessEngine engine;
  @Autowired PlanImportService importer;
  @Autowired UnitAssignments assignments;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired MailOutbox outbox;

  private PlanSummary plan;
  private ProcessDriver driver;

  @BeforeEach
  void planInProgressOnMay10() {
    BpmnAwareTests.init(engine);
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
    plan = LifecycleFixture.importPlan(importer, false);
    driver = new ProcessDriver(managementService, historyService, plan.processInstanceId());
    LifecycleFixture.approve(taskService, plan);
    driver.runDueJobs();
  }

  @AfterEach
  void resetClockAndSmtp() {
    ProcessDriver.resetClock();
    TestSmtp.ensureStarted();
    if (!smtpUp) {
      TestSmtp.start();
      smtpUp = true;
    }
  }

  private boolean smtpUp = true;

  private UnitAssignment unit(String unitId) {
    return assignments.ofPlan(plan.id()).stream().filter(a -> a.unitId().equals(unitId)).findFirst().orElseThrow();
  }

  private List<MimeMessage> mails(UnitAssignment assignment, String kind) {
    return TestSmtp.withKeyPrefix(kind + "/" + assignment.id() + "/");
  }

  private static String to(MimeMessage message) throws Exception {
    return String.valueOf(List.of(message.getRecipients(Message.RecipientType.TO)));
  }

  private Task open(UnitAssignment assignment, String key) {
    return taskService.createTaskQuery().processInstanceId(assignment.processInstanceId()).taskDefinitionKey(key)
        .singleResult();
  }

  @Test
  void remindersArriveAtTheSevenAndOneDayMarksAndStopOnceTheWorkIsDone() throws Exception {
    UnitAssignment hrss = unit("hrss");
    UnitAssignment workGroup = unit("zunyiWorkGroup");

    driver.advanceTo(LocalDateTime.of(2023, 5, 24, 8, 59));
    assertThat(mails(hrss, "reminder")).as("nothing before 09:00 on the 7-day mark").isEmpty();
    driver.advanceTo(LocalDateTime.of(2023, 5, 24, 9, 0));
    List<MimeMessage> may = mails(hrss, "reminder");
    assertThat(may.stream().map(TestSmtp::key).toList()).hasSize(1);
    assertThat(may.get(0).getSubject()).contains("任务 2 强化劳务协作", "进展报送时限 2023-05-31", "还有 7 天到期");
    assertThat(TestSmtp.body(may.get(0))).contains("尚待办理：报送2023 年 5 月进展情况");

    complete(open(hrss, "userTask_acceptTask"), withVariables("taskAccepted", true));
    complete(open(hrss, "userTask_reportProgress"), withVariables("progressText", "5 月组织两场招聘会，输送 40 人。"));
    driver.advanceTo(LocalDateTime.of(2023, 5, 30, 9, 0));
    assertThat(mails(hrss, "reminder")).as("May reported: no 1-day reminder").hasSize(1);
    assertThat(mails(workGroup, "reminder")).as("the work group has not reported").hasSize(2);

    driver.advanceTo(LocalDateTime.of(2023, 6, 23, 9, 0));
    MimeMessage sevenDays = mails(hrss, "reminder").stream().filter(m -> TestSmtp.key(m).contains("/DEADLINE/"))
        .findFirst().orElseThrow();
    assertThat(sevenDays.getSubject()).isEqualTo("【协作提醒】任务 2 强化劳务协作：完成时限 2023-06-30，还有 7 天到期");
    assertThat(to(sevenDays)).contains("hrss@units.xiezuo.example");
    assertThat(TestSmtp.body(sevenDays)).contains("市人力资源和社会保障局：", "生命周期测试计划 任务 2《强化劳务协作》",
        "2023 年 6 月 30 日（星期五）", "尚待办理：报送完成情况", "本单位角色：牵头单位",
        "办理入口：http://xiezuo.test/camunda/app/tasklist/default/#/?task=");

    complete(open(hrss, "userTask_reportCompletion"), withVariables("completionSummary", "全年转移就业 820 人，超额完成。"));
    complete(open(hrss, "userTask_signOff"), withVariables("approvalDecision", "approve"));
    driver.advanceTo(LocalDateTime.of(2023, 6, 29, 9, 0));
    assertThat(mails(hrss, "reminder")).as("done: no 1-day reminder").filteredOn(m -> TestSmtp.key(m).contains("/P1D"))
        .filteredOn(m -> TestSmtp.key(m).contains("/DEADLINE/")).isEmpty();
    assertThat(mails(workGroup, "reminder")).filteredOn(m -> TestSmtp.key(m).contains("/DEADLINE/")).hasSize(2);

    driver.advanceTo(LocalDateTime.of(2023, 7, 1, 0, 5));
    assertThat(mails(hrss, "escalation")).isEmpty();
    List<MimeMessage> escalation = mails(workGroup, "escalation");
    assertThat(escalation).hasSize(1);
    assertThat(escalation.get(0).getSubject()).contains("【协作督办】任务 2 强化劳务协作 已逾期", "市驻遵义工作组");
    assertThat(to(escalation.get(0))).contains("zunyiWorkGroup@units.xiezuo.example", "supervisor@demo.xiezuo.example");
    assertThat(assignments.find(workGroup.id()).orElseThrow().overdue()).isTrue();
  }

  @Test
  void whenSmtpIsDownTheReminderIsRetriedWithBackOffAndDeliveredExactlyOnce() {
    UnitAssignment hrss = unit("hrss");
    String key = "reminder/" + hrss.id() + "/PERIOD/2023-05-31/2023-05-31/P7D";
    TestSmtp.stop();
    smtpUp = false;
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 24, 9, 0));
    assertThat(driver.runDueJobsAllowingFailures()).extracting(Exception::getMessage)
        .anyMatch(message -> message.contains("sending " + key + " failed"));
    assertThat(outbox.status(key)).contains(MailStatus.PENDING);
    Job first = driver.jobAt(hrss.processInstanceId(), "serviceTask_sendReminders");
    assertThat(first.getExceptionMessage()).contains("Mail server connection failed");
    LocalDateTime firstRetry = ProcessDriver.toLocal(first.getDuedate());
    assertThat(firstRetry).isAfter(LocalDateTime.of(2023, 5, 24, 9, 0));

    ProcessDriver.setClock(firstRetry);
    driver.runDueJobsAllowingFailures();
    Job second = driver.jobAt(hrss.processInstanceId(), "serviceTask_sendReminders");
    LocalDateTime secondRetry = ProcessDriver.toLocal(second.getDuedate());
    assertThat(second.getRetries()).isLessThan(first.getRetries());
    assertThat(java.time.Duration.between(firstRetry, secondRetry))
        .as("back-off grows").isGreaterThan(java.time.Duration.between(LocalDateTime.of(2023, 5, 24, 9, 0), firstRetry));
    assertThat(mails(hrss, "reminder")).as("still down").isEmpty();

    TestSmtp.start();
    smtpUp = true;
    driver.advanceTo(secondRetry);
    assertThat(mails(hrss, "reminder")).hasSize(1);
    assertThat(outbox.status(key)).contains(MailStatus.SENT);
    driver.advanceTo(LocalDateTime.of(2023, 5, 25, 9, 30));
    assertThat(mails(hrss, "reminder")).as("exactly once").hasSize(1);
  }

  @Test
  void afterTheLastRetryAnIncidentShowsAndARetryDeliversOnce() {
    UnitAssignment hrss = unit("hrss");
    TestSmtp.stop();
    smtpUp = false;
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 24, 9, 0));
    driver.runDueJobsAllowingFailures();
    Job failing = driver.jobAt(hrss.processInstanceId(), "serviceTask_sendReminders");
    for (int attempt = 0; attempt < 10 && failing.getRetries() > 0; attempt++) {
      ProcessDriver.setClock(ProcessDriver.toLocal(failing.getDuedate()));
      driver.runDueJobsAllowingFailures();
      failing = driver.jobAt(hrss.processInstanceId(), "serviceTask_sendReminders");
    }
    assertThat(failing.getRetries()).isZero();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(hrss.processInstanceId()).count()).isOne();
    assertThat(mails(hrss, "reminder")).isEmpty();

    TestSmtp.start();
    smtpUp = true;
    // what an operator does in Cockpit: retry the failed job now
    managementService.setJobRetries(failing.getId(), 1);
    managementService.setJobDuedate(failing.getId(), org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());
    driver.runDueJobs();
    assertThat(mails(hrss, "reminder")).hasSize(1);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(hrss.processInstanceId()).count()).isZero();
  }
}
