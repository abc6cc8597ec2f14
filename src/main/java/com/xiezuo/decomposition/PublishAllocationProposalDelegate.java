package com.xiezuo.decomposition;

import static com.xiezuo.workflow.ProcessVariables.ALLOCATION_ROUND;
import static com.xiezuo.workflow.ProcessVariables.ALLOCATION_SUMMARY;
import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Opens a new round: each unit of the table gets its confirmation task. */
@Component("publishAllocationProposalDelegate")
public class PublishAllocationProposalDelegate implements JavaDelegate {

  private final Allocations allocations;

  public PublishAllocationProposalDelegate(Allocations allocations) {
    this.allocations = allocations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ALLOCATION_ROUND.set(execution, ALLOCATION_ROUND.get(execution) + 1);
    ALLOCATION_SUMMARY.set(execution, allocations.summary(PLAN_ID.get(execution)));
  }
}
