package com.xiezuo.decomposition;

import static com.xiezuo.workflow.ProcessVariables.ALLOCATION_CONFIRM;
import static com.xiezuo.workflow.ProcessVariables.ALLOCATION_DECISION;
import static com.xiezuo.workflow.ProcessVariables.ALLOCATION_OBJECT;
import static com.xiezuo.workflow.ProcessVariables.ALLOCATION_ROUND;
import static com.xiezuo.workflow.ProcessVariables.ALLOCATION_UNIT_ID;
import static com.xiezuo.workflow.ProcessVariables.OBJECTION_REASON;
import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;

import com.xiezuo.workflow.CurrentUser;
import com.xiezuo.workflow.FormCheck;
import com.xiezuo.workflow.TaskDecided;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A unit confirms, or objects with a reason; the answer is recorded for the coordinator and the audit, in the name of
 * the unit the task was offered to.
 */
@Component("allocationConfirmationCheck")
public class AllocationConfirmationCheck implements TaskListener {

  private final Allocations allocations;
  private final CurrentUser currentUser;

  private final ApplicationEventPublisher events;

  public AllocationConfirmationCheck(Allocations allocations, CurrentUser currentUser, ApplicationEventPublisher events) {
    this.events = events;
    this.allocations = allocations;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    new FormCheck(task).decision(ALLOCATION_DECISION, ALLOCATION_CONFIRM, ALLOCATION_OBJECT, "请选择“确认”或“有异议”",
        OBJECTION_REASON, "异议理由", "提出异议时必须说明理由").done();
    allocations.recordResponse(PLAN_ID.get(task), ALLOCATION_ROUND.get(task), answeringUnit(task),
        ALLOCATION_DECISION.get(task), OBJECTION_REASON.get(task), currentUser.of(task));
    events.publishEvent(new TaskDecided(task, currentUser.of(task),
        ALLOCATION_CONFIRM.equals(ALLOCATION_DECISION.get(task)) ? "确认分解" : "对分解有异议", OBJECTION_REASON.get(task),
        answeringUnit(task)));
  }

  /** The unit the task was offered to when it was created, not whatever a variable now says. */
  private static String answeringUnit(DelegateTask task) {
    List<String> groups = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull)
        .distinct().toList();
    if (groups.size() != 1 || !groups.get(0).equals(ALLOCATION_UNIT_ID.get(task))) {
      throw new IllegalStateException("确认任务 " + task.getId() + " 的责任单位与分配时不一致：" + groups);
    }
    return groups.get(0);
  }
}
