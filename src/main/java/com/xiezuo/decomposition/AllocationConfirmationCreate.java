package com.xiezuo.decomposition;

import static com.xiezuo.workflow.ProcessVariables.ALLOCATION_DECISION;
import static com.xiezuo.workflow.ProcessVariables.ALLOCATION_UNIT_ID;
import static com.xiezuo.workflow.ProcessVariables.OBJECTION_REASON;
import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;
import static com.xiezuo.workflow.ProcessVariables.UNIT_ALLOCATION;
import static com.xiezuo.workflow.ProcessVariables.UNIT_NAME;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Shows each unit its own parts; its answer stays in its own instance (parallel units do not overwrite each other). */
@Component("allocationConfirmationCreate")
public class AllocationConfirmationCreate implements TaskListener {

  private final Allocations allocations;

  public AllocationConfirmationCreate(Allocations allocations) {
    this.allocations = allocations;
  }

  @Override
  public void notify(DelegateTask task) {
    String unitId = ALLOCATION_UNIT_ID.get(task);
    var perUnit = task.getExecution();
    UNIT_NAME.setLocal(perUnit, allocations.unitNames().getOrDefault(unitId, unitId));
    UNIT_ALLOCATION.setLocal(perUnit, allocations.unitSummary(PLAN_ID.get(task), unitId));
    ALLOCATION_DECISION.setLocal(perUnit, null);
    OBJECTION_REASON.setLocal(perUnit, null);
  }
}
