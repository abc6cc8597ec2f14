package com.xiezuo.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Published while a decision step completes (a leader approves or returns, a unit reports completion): what was
 * decided and the comment typed with it, for features that keep their own record of decisions. Listeners run in the
 * completing transaction, with the task still readable. {@code unitId} names the unit the step was for where the
 * task's process does not (a unit's answer on the decomposition); null means the process's own unit, if any.
 */
public record TaskDecided(DelegateTask task, String userId, String decision, String comment, String unitId) {

  public TaskDecided(DelegateTask task, String userId, String decision, String comment) {
    this(task, userId, decision, comment, null);
  }
}
