package com.xiezuo.workflow;

import static com.xiezuo.workflow.ProcessVariables.APPROVAL_COMMENT;
import static com.xiezuo.workflow.ProcessVariables.APPROVAL_DECISION;
import static com.xiezuo.workflow.ProcessVariables.DECISION_APPROVE;

import org.camunda.bpm.engine.delegate.DelegateTask;

/** A leader's answer in an approval form (after {@code approvalDecisionCheck}): approved or not, and the comment. */
public record LeaderDecision(boolean approved, String comment) {

  public static LeaderDecision of(DelegateTask task) {
    String comment = APPROVAL_COMMENT.get(task);
    return new LeaderDecision(DECISION_APPROVE.equals(APPROVAL_DECISION.get(task)),
        comment == null ? null : comment.strip());
  }
}
