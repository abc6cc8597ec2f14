package com.xiezuo.audit;

import static com.xiezuo.workflow.ProcessVariables.ALLOCATION_UNIT_ID;
import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;
import static com.xiezuo.workflow.ProcessVariables.TASK_NUMBER;
import static com.xiezuo.workflow.ProcessVariables.UNIT_ID;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Copies each line of the engine's user operation log into the audit trail as the engine writes it, in the same
 * transaction: the engine's log is deleted with its history (time-to-live), the trail stays with the plan. Lines
 * without a user (the system's own steps) are not operations of a person and are left out. A task's line carries
 * the plan, task number and unit of its process, read from the process's variables.
 */
class OperationLogCopy implements HistoryEventHandler {

  private final ObjectProvider<AuditTrail> trail;

  OperationLogCopy(ObjectProvider<AuditTrail> trail) {
    this.trail = trail;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof UserOperationLogEntryEventEntity entry && entry.getUserId() != null) {
      copy(entry);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  private void copy(UserOperationLogEntryEventEntity entry) {
    AuditTrail audit = trail.getObject();
    String property = EngineOperations.property(entry.getProperty(), entry.getNewValue());
    String operationId = entry.getOperationId();
    if (operationId != null && audit.exists(operationId)) {
      if (property != null && !AuditAction.TASK_COMPLETED.equals(EngineOperations.action(entry))) {
        audit.appendToOperation(operationId, property);
      }
      return;
    }
    VariableScope scope = scopeOf(entry);
    AuditEntry line = AuditEntry.of(EngineOperations.action(entry), entry.getUserId(), subject(entry))
        .detail(detail(entry, property))
        .process(entry.getProcessInstanceId());
    if (scope != null) {
      String unit = read(() -> UNIT_ID.get(scope));
      // a unit's answer on the decomposition names its unit in a variable of its own
      line = line.plan(read(() -> PLAN_ID.get(scope))).task(read(() -> TASK_NUMBER.get(scope)))
          .unit(unit != null ? unit : read(() -> ALLOCATION_UNIT_ID.get(scope)));
    }
    audit.insert(line, entry.getTimestamp(), entry.getTaskId(), operationId, AuditRecord.FROM_ENGINE);
  }

  private static String subject(UserOperationLogEntryEventEntity entry) {
    TaskEntity task = task(entry);
    if (task != null && task.getName() != null) {
      return task.getName();
    }
    String key = entry.getProcessDefinitionKey();
    return EngineOperations.entity(entry.getEntityType()) + (key == null ? "" : "（" + key + "）");
  }

  private static String detail(UserOperationLogEntryEventEntity entry, String property) {
    AuditAction action = EngineOperations.action(entry);
    if (action == AuditAction.TASK_COMPLETED || action == AuditAction.TASK_CLAIMED
        || action == AuditAction.TASK_UNCLAIMED) {
      return null;
    }
    String what = EngineOperations.operation(entry.getOperationType()) + EngineOperations.entity(entry.getEntityType());
    return property == null ? what : what + "；" + property;
  }

  private static TaskEntity task(UserOperationLogEntryEventEntity entry) {
    CommandContext context = Context.getCommandContext();
    if (entry.getTaskId() == null || context == null) {
      return null;
    }
    return context.getTaskManager().findTaskById(entry.getTaskId());
  }

  private static VariableScope scopeOf(UserOperationLogEntryEventEntity entry) {
    TaskEntity task = task(entry);
    if (task != null && task.getExecutionId() != null) {
      return task;
    }
    CommandContext context = Context.getCommandContext();
    if (entry.getProcessInstanceId() == null || context == null) {
      return null;
    }
    return context.getExecutionManager().findExecutionById(entry.getProcessInstanceId());
  }

  /** A variable of another type than ours (a process not of Xiezuo's) leaves the field empty. */
  private static <T> T read(java.util.function.Supplier<T> value) {
    try {
      return value.get();
    } catch (ClassCastException e) {
      return null;
    }
  }
}
