package com.xiezuo.audit;

import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;
import static com.xiezuo.workflow.ProcessVariables.TASK_NUMBER;
import static com.xiezuo.workflow.ProcessVariables.UNIT_ID;

import com.xiezuo.workflow.TaskDecided;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A decision step's line on the trail says what was decided and keeps the comment — the approval comments that
 * otherwise live only in the engine's history, which its time-to-live deletes.
 */
@Component
class DecisionsOnTrail {

  private final AuditTrail trail;

  DecisionsOnTrail(AuditTrail trail) {
    this.trail = trail;
  }

  @EventListener
  void on(TaskDecided decided) {
    DelegateTask task = decided.task();
    String comment = decided.comment() == null || decided.comment().isBlank() ? null : decided.comment().strip();
    String detail = decided.decision() + (comment == null ? "" : "。意见：" + comment);
    trail.decided(task.getId(), AuditEntry.of(actionOf(decided.decision()), decided.userId(), task.getName())
        .detail(detail).plan(PLAN_ID.get(task)).task(TASK_NUMBER.get(task)).unit(UNIT_ID.get(task))
        .process(task.getProcessInstanceId()));
  }

  static AuditAction actionOf(String decision) {
    if (decision.contains("退回")) {
      return AuditAction.RETURNED;
    }
    if (decision.contains("批准") || decision.contains("通过")) {
      return AuditAction.APPROVED;
    }
    if (decision.startsWith("提交")) {
      return AuditAction.SUBMITTED;
    }
    return AuditAction.REPORTED;
  }
}
