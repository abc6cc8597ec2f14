package com.xiezuo.plan;

import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;

import com.xiezuo.workflow.CommandRefusedException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * A plan's process starts once, for a plan Xiezuo has stored and not yet started, under the plan's business key:
 * whoever starts {@code annualPlan} (even an administrator over REST), a second live process for the same plan, or
 * one for a plan that does not exist, is refused and nothing is stored.
 */
@Component("planStartCheck")
public class PlanStartCheck implements ExecutionListener {

  private final PlanRepository plans;

  public PlanStartCheck(PlanRepository plans) {
    this.plans = plans;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Long planId = PLAN_ID.get(execution);
    PlanSummary plan = planId == null ? null : plans.findSummary(planId).orElse(null);
    if (plan == null) {
      throw new CommandRefusedException("没有编号为 " + planId + " 的工作计划：工作计划流程只能由导入计划发起");
    }
    if (plan.processInstanceId() != null || plan.status() != PlanStatus.IN_REVIEW) {
      throw new CommandRefusedException("工作计划 " + planId + " 的流程已经发起过，不能再次发起");
    }
    if (!PlanImportService.businessKey(plan.year(), plan.id()).equals(execution.getProcessBusinessKey())) {
      throw new CommandRefusedException("工作计划流程的业务键必须是 " + PlanImportService.businessKey(plan.year(), plan.id()));
    }
  }
}
