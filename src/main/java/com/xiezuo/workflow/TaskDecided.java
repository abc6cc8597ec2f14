package com.xiezuo.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Published while a decision step completes (a leader approves or returns, a unit reports completion): what was
 * decided and the comment typed with it, for features that keep their own record of decisions. Listeners run in the
 * completing transaction, with the task still readable.
 */
public record TaskDecided(DelegateTask task, String userId, String decision, String comment) {}
