package com.xiezuo.plan.change;

import static com.xiezuo.workflow.ProcessVariables.CHANGE_COMMENT;
import static com.xiezuo.workflow.ProcessVariables.CHANGE_DECISION;
import static com.xiezuo.workflow.ProcessVariables.CHANGE_ID;
import static com.xiezuo.workflow.ProcessVariables.CHANGE_NEW_DEADLINE;
import static com.xiezuo.workflow.ProcessVariables.CHANGE_REASON;
import static com.xiezuo.workflow.ProcessVariables.CHANGE_REVISION;
import static com.xiezuo.workflow.ProcessVariables.CHANGE_SUMMARY;
import static com.xiezuo.workflow.ProcessVariables.DECISION_APPROVE;
import static com.xiezuo.workflow.ProcessVariables.DECISION_RETURN;
import static com.xiezuo.workflow.ProcessVariables.REVISION_RESUBMIT;
import static com.xiezuo.workflow.ProcessVariables.REVISION_WITHDRAW;

import com.xiezuo.plan.PlanImportException;
import com.xiezuo.workflow.CurrentUser;
import com.xiezuo.workflow.Deadlines;
import com.xiezuo.workflow.FormCheck;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The listeners and delegate of annualPlan's change subprocess: thin, the service does the work. */
@Configuration
public class PlanChangeChecks {

  @Bean
  TaskListener planChangeDecisionCheck(PlanChangeService service, CurrentUser currentUser) {
    return task -> {
      new FormCheck(task).decision(CHANGE_DECISION, DECISION_APPROVE, DECISION_RETURN, "请选择“批准”或“退回修改”",
          CHANGE_COMMENT, "审批意见", "退回时必须填写审批意见").done();
      service.decide(CHANGE_ID.get(task), DECISION_APPROVE.equals(CHANGE_DECISION.get(task)), CHANGE_COMMENT.get(task),
          currentUser.of(task));
    };
  }

  @Bean
  TaskListener planChangeRevisionCheck(PlanChangeService service) {
    return task -> {
      String revision = CHANGE_REVISION.get(task);
      String reason = CHANGE_REASON.get(task);
      FormCheck check = new FormCheck(task);
      check.require(REVISION_RESUBMIT.equals(revision) || REVISION_WITHDRAW.equals(revision), "changeRevision",
          "请选择“修改后重新提交”或“撤回申请”");
      if (REVISION_RESUBMIT.equals(revision)) {
        check.require(reason != null && !reason.isBlank(), "changeReason", "重新提交须说明变更理由");
      }
      check.maxLength(CHANGE_REASON, 2000, "变更理由");
      check.done();
      LocalDate newDeadline = null;
      String deadlineText = CHANGE_NEW_DEADLINE.get(task);
      if (deadlineText != null && !deadlineText.isBlank()) {
        newDeadline = Deadlines.typedDate(deadlineText).orElse(null);
        if (newDeadline == null) {
          check.require(false, "changeNewDeadline", "新的完成时限“" + deadlineText + "”不是有效日期");
          check.done();
        }
      }
      try {
        String summary = service.revise(CHANGE_ID.get(task), REVISION_RESUBMIT.equals(revision), reason, newDeadline);
        if (summary != null) {
          CHANGE_SUMMARY.set(task, summary);
          CHANGE_DECISION.set(task, null);
        }
      } catch (PlanImportException refused) {
        check.require(false, refused.problems().get(0).field(), refused.problems().get(0).message());
        check.done();
      }
    };
  }

  @Bean
  JavaDelegate applyPlanChangeDelegate(PlanChangeService service) {
    return execution -> service.apply(CHANGE_ID.get(execution));
  }
}
