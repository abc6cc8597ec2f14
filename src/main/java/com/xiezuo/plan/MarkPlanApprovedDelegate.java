package com.xiezuo.plan;

import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("markPlanApprovedDelegate")
public class MarkPlanApprovedDelegate implements JavaDelegate {

  private final PlanRepository plans;

  public MarkPlanApprovedDelegate(PlanRepository plans) {
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    plans.setStatus(PLAN_ID.get(execution), PlanStatus.APPROVED);
  }
}
