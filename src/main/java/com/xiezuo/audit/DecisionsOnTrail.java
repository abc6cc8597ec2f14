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
    AuditAction action = actionOf(decided.decision());
    String detail = decided.decision() + (comment == null ? "" : "。" + commentLabel(action) + comment);
    trail.decided(task.getId(), AuditEntry.of(action, decided.userId(), task.getName())
        .detail(detail).plan(PLAN_ID.get(task)).task(TASK_NUMBER.get(task))
        .unit(decided.unitId() != null ? decided.unitId() : UNIT_ID.get(task)).process(task.getProcessInstanceId()));
  }

  /** A report's text, an objection's reason, a decision's comment. */
  static String commentLabel(AuditAction action) {
    return switch (action) {
      case REPORTED -> "内容：";
      case ALLOCATION_ANSWERED -> "理由：";
      default -> "意见：";
    };
  }

  static AuditAction actionOf(String decision) {
    if (decision.contains("分解")) {
      return AuditAction.ALLOCATION_ANSWERED;
    }
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
