package com.xiezuo.execution;

import static com.xiezuo.workflow.ProcessVariables.COMPLETION_SUMMARY;
import static com.xiezuo.workflow.ProcessVariables.DECISION_APPROVE;
import static com.xiezuo.workflow.ProcessVariables.DECISION_RETURN;
import static com.xiezuo.workflow.ProcessVariables.LEAD_REVIEW_COMMENT;
import static com.xiezuo.workflow.ProcessVariables.LEAD_REVIEW_DECISION;
import static com.xiezuo.workflow.ProcessVariables.LEDGER_SUMMARY;
import static com.xiezuo.workflow.ProcessVariables.PROGRESS_TEXT;
import static com.xiezuo.workflow.ProcessVariables.REPORT_PERIOD_DUE;
import static com.xiezuo.workflow.ProcessVariables.TASK_ACCEPTED;

import com.xiezuo.workflow.CurrentUser;
import com.xiezuo.workflow.Deadlines;
import com.xiezuo.workflow.FormCheck;
import com.xiezuo.workflow.TaskDecided;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Server-side checks of the unit task forms, and what each submitted form records. */
@Configuration
public class UnitTaskChecks {

  static final int MIN_TEXT = 10;

  @Bean
  TaskListener unitTaskAcceptCheck() {
    return task -> new FormCheck(task)
        .require(Boolean.TRUE.equals(TASK_ACCEPTED.get(task)), "taskAccepted", "请勾选“本单位已签收该任务”")
        .done();
  }

  @Bean
  TaskListener unitTaskProgressCheck(UnitTaskData data, CurrentUser currentUser, UnitTaskRouting routing,
      ApplicationEventPublisher events) {
    return task -> {
      String text = PROGRESS_TEXT.get(task);
      new FormCheck(task)
          .require(text != null && text.trim().length() >= MIN_TEXT, "progressText", "请填写本期进展（不少于 10 字）")
          .maxLength(PROGRESS_TEXT, 5000, "本期进展").done();
      data.addReport(routing.assignment(task).id(), UnitTaskData.PROGRESS, Deadlines.toLocalDate(REPORT_PERIOD_DUE.get(task)),
          text.trim(), currentUser.of(task));
      events.publishEvent(new TaskDecided(task, currentUser.of(task),
          "报送进展（" + Deadlines.toLocalDate(REPORT_PERIOD_DUE.get(task)) + " 期）", text.trim()));
      PROGRESS_TEXT.set(task, null);
    };
  }

  @Bean
  TaskListener unitTaskCompletionCreate(UnitTaskRouting routing, FormFigures formFigures) {
    return task -> task.setVariables(formFigures.of(routing.assignment(task)));
  }

  @Bean
  TaskListener unitTaskCompletionCheck(UnitTaskData data, CurrentUser currentUser, UnitTaskRouting routing,
      FormFigures formFigures, ApplicationEventPublisher events) {
    return task -> {
      String summary = COMPLETION_SUMMARY.get(task);
      new FormCheck(task)
          .require(summary != null && summary.trim().length() >= MIN_TEXT, "completionSummary", "请填写完成情况（不少于 10 字）")
          .maxLength(COMPLETION_SUMMARY, 5000, "完成情况")
          .done();
      UnitAssignment assignment = routing.assignment(task);
      data.addReport(assignment.id(), UnitTaskData.COMPLETION, null, summary.trim(), currentUser.of(task));
      events.publishEvent(new TaskDecided(task, currentUser.of(task), "报送完成情况", summary.trim()));
      task.setVariables(formFigures.of(assignment));
    };
  }

  /** Before the lead unit and leadership look at a completion, its figures are brought up to date. */
  @Bean
  TaskListener leadReviewCreate(UnitTaskRouting routing, UnitTaskFigures figures) {
    return task -> LEDGER_SUMMARY.set(task, figures.ledgerSummary(routing.assignment(task)));
  }

  @Bean
  TaskListener leadReviewCheck() {
    return task -> new FormCheck(task).decision(LEAD_REVIEW_DECISION, DECISION_APPROVE, DECISION_RETURN,
        "请选择“审核通过”或“退回修改”", LEAD_REVIEW_COMMENT, "审核意见", "退回时必须填写审核意见").done();
  }
}
