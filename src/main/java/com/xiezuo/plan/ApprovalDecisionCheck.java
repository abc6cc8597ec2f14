package com.xiezuo.plan;

import static com.xiezuo.workflow.ProcessVariables.APPROVAL_COMMENT;
import static com.xiezuo.workflow.ProcessVariables.APPROVAL_DECISION;
import static com.xiezuo.workflow.ProcessVariables.DECISION_APPROVE;
import static com.xiezuo.workflow.ProcessVariables.DECISION_RETURN;

import com.xiezuo.workflow.FormCheck;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A leadership decision is approve or return; a return needs a comment saying what to change. */
@Component("approvalDecisionCheck")
public class ApprovalDecisionCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormCheck check = new FormCheck(task);
    String decision = APPROVAL_DECISION.get(task);
    check.require(DECISION_APPROVE.equals(decision) || DECISION_RETURN.equals(decision),
        "approvalDecision", "请选择“批准”或“退回修改”");
    if (DECISION_RETURN.equals(decision)) {
      String comment = APPROVAL_COMMENT.get(task);
      check.require(comment != null && !comment.isBlank(), "approvalComment", "退回时必须填写审批意见");
    }
    check.maxLength(APPROVAL_COMMENT, 2000, "审批意见");
    check.done();
  }
}
