package com.xiezuo.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Decompositions, unit tasks, confirmations and assessments run only as part of their plan's
 * process, which checked the plan's state before calling them: started on their own they would be orphans.
 */
@Component("calledFromParentCheck")
public class CalledFromParentCheck implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.getProcessInstance().getSuperExecution() == null) {
      throw new CommandRefusedException("流程“" + execution.getProcessDefinitionId().split(":")[0]
          + "”只能由工作计划流程调用，不能单独发起");
    }
  }
}
