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
    new FormCheck(task).decision(APPROVAL_DECISION, DECISION_APPROVE, DECISION_RETURN, "请选择审批结果：批准，或退回",
        APPROVAL_COMMENT, "审批意见", "退回时必须填写审批意见").done();
  }
}
