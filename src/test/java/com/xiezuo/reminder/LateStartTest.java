package com.xiezuo.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.plan.change.ChangeProposal;
import com.xiezuo.plan.change.ChangeType;
import com.xiezuo.plan.change.PlanChangeService;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.TestSmtp;
import com.xiezuo.support.XiezuoSpringTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A plan handed out after some of its deadlines (task 2 was due 2023-06-30, the plan is approved on 2023-08-15):
 * those unit tasks are overdue at once, with one notice to coordinators and supervisors instead of an escalation
 * mail per unit; once the deadline is extended, the usual watch takes over again.
 */
@XiezuoSpringTest
class LateStartTest {

  @Autowired ProcessEngine engine;
  @Autowired PlanImportService importer;
  @Autowired UnitAssignments assignments;
  @Autowired PlanChangeService changes;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  private PlanSummary plan;
  private ProcessDriver driver;

  @BeforeEach
  void planApprovedOnAugust15() {
    BpmnAwareTests.init(engine);
    ProcessDriver.setClock(LocalDateTime.of(2023, 8, 15, 9, 0));
    plan = LifecycleFixture.importPlan(importer, false);
    driver = new ProcessDriver(managementService, historyService, plan.processInstanceId());
    LifecycleFixture.approve(taskService, plan);
    driver.runDueJobs();
  }

  @AfterEach
  void resetClock() {
    ProcessDriver.resetClock();
  }

  private UnitAssignment unit(String unitId) {
    return assignments.find(assignments.ofPlan(plan.id()).stream().filter(a -> a.unitId().equals(unitId))
        .findFirst().orElseThrow().id()).orElseThrow();
  }

  private List<MimeMessage> mails(String keyPrefix) {
    return TestSmtp.withKeyPrefix(keyPrefix);
  }

  @Test
  void tasksPastTheirDeadlineAtHandOutAreOverdueWithOneNoticeAndNoEscalationBurst() throws Exception {
    assertThat(unit("hrss").overdue()).as("task 2, due 06-30").isTrue();
    assertThat(unit("zunyiWorkGroup").overdue()).isTrue();
    assertThat(unit("finance").overdue()).as("task 1, due 11-30").isFalse();
    for (UnitAssignment assignment : assignments.ofPlan(plan.id())) {
      assertThat(mails("escalation/" + assignment.id() + "/")).as(assignment.unitId()).isEmpty();
    }
    List<MimeMessage> notice = mails("late-start/" + plan.id() + "/");
    assertThat(notice).hasSize(1);
    assertThat(notice.get(0).getSubject()).isEqualTo("【协作提醒】生命周期测试计划：1 项任务下达时已过完成时限");
    assertThat(TestSmtp.body(notice.get(0))).contains("2023 年 8 月 15 日（星期二）下达", "其 2 个单位任务已标记为逾期",
        "· 任务 2《强化劳务协作》，完成时限 2023-06-30，2 个责任单位", "请在计划页面提出延期",
        "计划页面：http://xiezuo.test/plans/" + plan.id());
    assertThat(String.valueOf(List.of(notice.get(0).getRecipients(Message.RecipientType.TO))))
        .contains("coordinator@demo.xiezuo.example", "supervisor@demo.xiezuo.example");

    driver.advanceTo(LocalDateTime.of(2023, 8, 16, 9, 0));
    assertThat(mails("late-start/" + plan.id() + "/")).as("still one notice a day later").hasSize(1);
    assertThat(mails("reminder/" + unit("hrss").id() + "/")).as("no reminder for a date already past").isEmpty();

    changes.propose(plan.id(), new ChangeProposal("2", ChangeType.EXTEND, "计划下达较晚，劳务协作任务顺延。",
        LocalDate.of(2023, 9, 30), null, null), "coordinator");
    complete(taskService.createTaskQuery().processInstanceId(plan.processInstanceId())
        .taskDefinitionKey("userTask_approveChange").singleResult(), withVariables("changeDecision", "approve"));
    driver.runDueJobs();
    assertThat(unit("hrss").overdue()).as("extended to 09-30").isFalse();

    driver.advanceTo(LocalDateTime.of(2023, 10, 1, 0, 5));
    assertThat(mails("escalation/" + unit("hrss").id() + "/")).as("the new deadline passes: escalated as usual")
        .hasSize(1);
    assertThat(mails("late-start/" + plan.id() + "/")).hasSize(1);
  }
}
