package com.xiezuo.plan;

import static com.xiezuo.workflow.ProcessVariables.REVIEW_COMMENT;
import static com.xiezuo.workflow.ProcessVariables.REVIEW_CONFIRMED;

import com.xiezuo.workflow.FormCheck;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Re-checks on the server what the plan-review form checks in the browser. */
@Component("planReviewCheck")
public class PlanReviewCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormCheck check = new FormCheck(task);
    check.require(Boolean.TRUE.equals(REVIEW_CONFIRMED.get(task)), "reviewConfirmed", "请先核对并勾选确认");
    check.maxLength(REVIEW_COMMENT, 2000, "审核意见");
    check.done();
  }
}
