package com.xiezuo.plan.change;

import java.time.LocalDate;

/**
 * What an approved change did to a plan task, announced as an application event inside the change's transaction:
 * the features built on the plan (unit tasks, the assessment) follow it without the plan knowing them.
 */
public sealed interface PlanTaskChanged {

  long planId();

  long planTaskId();

  /** The task's deadline moved later; {@code deadlineText} is how the plan now prints it. */
  record DeadlineExtended(long planId, long planTaskId, LocalDate oldDeadline, LocalDate newDeadline,
      String deadlineText) implements PlanTaskChanged {}

  /** The task was cancelled: its unit tasks end. */
  record Cancelled(long planId, long planTaskId) implements PlanTaskChanged {}

  /** The task's title or content was reworded; a null part stayed as it was. */
  record Adjusted(long planId, long planTaskId, String newTitle, String newContent) implements PlanTaskChanged {}
}
