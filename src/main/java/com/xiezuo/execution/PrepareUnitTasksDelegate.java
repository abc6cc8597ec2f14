package com.xiezuo.execution;

import static com.xiezuo.workflow.ProcessVariables.ASSIGNMENT_COUNT;
import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;

import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.PlanStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One assignment per (task, unit) of the approved plan; the multi-instance call activity starts one unitTask each. */
@Component("prepareUnitTasksDelegate")
public class PrepareUnitTasksDelegate implements JavaDelegate {

  private final UnitAssignments assignments;
  private final PlanRepository plans;

  public PrepareUnitTasksDelegate(UnitAssignments assignments, PlanRepository plans) {
    this.assignments = assignments;
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long planId = PLAN_ID.get(execution);
    ASSIGNMENT_COUNT.set(execution, assignments.create(planId));
    plans.setStatus(planId, PlanStatus.IN_PROGRESS);
  }
}
