package com.xiezuo.security;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/** What the command guard needs to know of a task, read without the user's authorization. */
record TaskFacts(String processInstanceId, String assignee, List<String> candidateUsers, List<String> candidateGroups,
    TaskFormFields form) {

  /** The task, or null when there is none (the engine then answers the command itself). */
  static TaskFacts read(CommandContext context, String taskId, boolean withForm) {
    return context.runWithoutAuthorization(() -> {
      TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return null;
      }
      List<IdentityLinkEntity> links = task.getIdentityLinks().stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).toList();
      return new TaskFacts(task.getProcessInstanceId(), task.getAssignee(),
          links.stream().map(IdentityLinkEntity::getUserId).filter(id -> id != null).toList(),
          links.stream().map(IdentityLinkEntity::getGroupId).filter(id -> id != null).toList(),
          withForm ? form(context, taskId) : TaskFormFields.NONE);
    });
  }

  private static TaskFormFields form(CommandContext context, String taskId) {
    try {
      return TaskFormFields.parse(new GetDeployedTaskFormCmd(taskId).execute(context));
    } catch (BadUserRequestException noCamundaForm) {
      return TaskFormFields.NONE;
    }
  }

  /** The user may work on it: assigned to them, or offered to them or to one of their groups. */
  boolean workableBy(String userId, Set<String> groups) {
    return userId.equals(assignee) || candidateUsers.contains(userId)
        || candidateGroups.stream().anyMatch(groups::contains);
  }
}
