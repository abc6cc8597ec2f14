package com.xiezuo.decomposition;

import static com.xiezuo.workflow.ProcessVariables.ALLOCATION_ROUND;
import static com.xiezuo.workflow.ProcessVariables.ALLOCATION_ROUNDING;
import static com.xiezuo.workflow.ProcessVariables.INDICATOR_COUNT;
import static com.xiezuo.workflow.ProcessVariables.OBJECTION_SUMMARY;
import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("loadIndicatorsDelegate")
public class LoadIndicatorsDelegate implements JavaDelegate {

  private final Allocations allocations;

  public LoadIndicatorsDelegate(Allocations allocations) {
    this.allocations = allocations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    INDICATOR_COUNT.set(execution, allocations.indicators(PLAN_ID.get(execution)).size());
    ALLOCATION_ROUND.set(execution, 0);
    ALLOCATION_ROUNDING.set(execution, 0.0);
    OBJECTION_SUMMARY.set(execution, "");
  }
}
