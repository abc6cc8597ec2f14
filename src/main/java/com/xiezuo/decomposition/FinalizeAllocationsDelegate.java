package com.xiezuo.decomposition;

import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The signed table takes effect: its parts become the indicator targets of the units' tasks. */
@Component("finalizeAllocationsDelegate")
public class FinalizeAllocationsDelegate implements JavaDelegate {

  private final Allocations allocations;

  public FinalizeAllocationsDelegate(Allocations allocations) {
    this.allocations = allocations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    allocations.finalizeTable(PLAN_ID.get(execution));
  }
}
