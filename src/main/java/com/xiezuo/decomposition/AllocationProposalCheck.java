package com.xiezuo.decomposition;

import static com.xiezuo.workflow.ProcessVariables.ALLOCATION_READY;
import static com.xiezuo.workflow.ProcessVariables.ALLOCATION_ROUNDING;
import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;

import com.xiezuo.workflow.FormCheck;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The proposal goes out only when the table is filled in and every split indicator sums to its total. */
@Component("allocationProposalCheck")
public class AllocationProposalCheck implements TaskListener {

  private final Allocations allocations;

  public AllocationProposalCheck(Allocations allocations) {
    this.allocations = allocations;
  }

  @Override
  public void notify(DelegateTask task) {
    FormCheck check = new FormCheck(task);
    Double rounding = ALLOCATION_ROUNDING.get(task);
    check.require(Boolean.TRUE.equals(ALLOCATION_READY.get(task)), "allocationReady", "请先在指标分解表中填写并确认");
    check.require(rounding != null && rounding >= 0 && rounding <= 1_000_000, "allocationRounding",
        "允许舍入误差须在 0 到 1000000 之间");
    if (rounding != null && rounding >= 0) {
      allocations.check(PLAN_ID.get(task), BigDecimal.valueOf(rounding))
          .forEach(problem -> check.require(false, "allocation", problem));
    }
    check.done();
  }
}
