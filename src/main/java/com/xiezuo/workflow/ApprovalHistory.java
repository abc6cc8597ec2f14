package com.xiezuo.workflow;

import static com.xiezuo.workflow.ProcessVariables.ALLOCATION_READY;
import static com.xiezuo.workflow.ProcessVariables.APPROVAL_COMMENT;
import static com.xiezuo.workflow.ProcessVariables.APPROVAL_DECISION;
import static com.xiezuo.workflow.ProcessVariables.APPROVAL_HISTORY;
import static com.xiezuo.workflow.ProcessVariables.CHANGE_COMMENT;
import static com.xiezuo.workflow.ProcessVariables.CHANGE_DECISION;
import static com.xiezuo.workflow.ProcessVariables.DECISION_APPROVE;
import static com.xiezuo.workflow.ProcessVariables.LEAD_REVIEW_COMMENT;
import static com.xiezuo.workflow.ProcessVariables.LEAD_REVIEW_DECISION;
import static com.xiezuo.workflow.ProcessVariables.REVIEW_COMMENT;
import static com.xiezuo.workflow.ProcessVariables.REVIEW_CONFIRMED;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every round of an approval stays in view: each submission and each decision (who, when, what, why) is added to
 * {@code approvalHistory}, which the approval forms show, so a leader deciding a second time sees why it was
 * returned the first time. A returned item comes back with its confirmation unticked.
 */
@Configuration
public class ApprovalHistory {

  static final int MAX_LENGTH = 3800;

  @Bean
  TaskListener recordSubmission(CurrentUser currentUser, ApplicationEventPublisher events) {
    return task -> append(task, currentUser, events, "提交审批", REVIEW_COMMENT.get(task));
  }

  @Bean
  TaskListener recordApprovalDecision(CurrentUser currentUser, ApplicationEventPublisher events) {
    return task -> append(task, currentUser, events,
        DECISION_APPROVE.equals(APPROVAL_DECISION.get(task)) ? "批准" : "退回修改", APPROVAL_COMMENT.get(task));
  }

  @Bean
  TaskListener recordLeadReviewDecision(CurrentUser currentUser, ApplicationEventPublisher events) {
    return task -> append(task, currentUser, events,
        DECISION_APPROVE.equals(LEAD_REVIEW_DECISION.get(task)) ? "审核通过" : "退回修改", LEAD_REVIEW_COMMENT.get(task));
  }

  @Bean
  TaskListener recordChangeDecision(CurrentUser currentUser, ApplicationEventPublisher events) {
    return task -> append(task, currentUser, events,
        DECISION_APPROVE.equals(CHANGE_DECISION.get(task)) ? "批准" : "退回修改", CHANGE_COMMENT.get(task));
  }

  @Bean
  TaskListener recordCompletionReport(CurrentUser currentUser, ApplicationEventPublisher events) {
    return task -> append(task, currentUser, events, "报送完成情况", null);
  }

  @Bean
  TaskListener recordAllocationProposal(CurrentUser currentUser, ApplicationEventPublisher events) {
    return task -> append(task, currentUser, events, "提交各单位确认", null);
  }

  @Bean
  TaskListener freshReviewConfirmation() {
    return task -> REVIEW_CONFIRMED.set(task.getExecution(), null);
  }

  /** A table sent back (by an objection or by leadership) comes back with "filled in, send to the units" unticked. */
  @Bean
  TaskListener freshAllocationReady() {
    return task -> ALLOCATION_READY.set(task.getExecution(), null);
  }

  static void append(DelegateTask task, CurrentUser currentUser, ApplicationEventPublisher events, String what,
      String comment) {
    events.publishEvent(new TaskDecided(task, currentUser.of(task), what, comment));
    String step = task.getBpmnModelElementInstance() == null ? task.getName()
        : task.getBpmnModelElementInstance().getName();
    append(task.getExecution(), step + " · " + currentUser.named(task) + "：" + what
        + (comment == null || comment.isBlank() ? "" : "。意见：" + comment.trim()));
  }

  /** A step no single person took (the units' answers counted, a table sent back): the line as given. */
  public static void append(VariableScope execution, String line) {
    appendLine(execution, Deadlines.minute(Deadlines.now().toInstant()) + " " + line);
  }

  private static void appendLine(VariableScope execution, String line) {
    String before = APPROVAL_HISTORY.get(execution);
    String history = before == null || before.isBlank() ? line : before + "\n" + line;
    // the oldest rounds give way first: a process variable holds at most 4,000 characters
    APPROVAL_HISTORY.set(execution, history.length() <= MAX_LENGTH ? history
        : "……" + history.substring(history.length() - MAX_LENGTH));
  }
}
