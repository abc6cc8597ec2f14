package com.xiezuo.workflow;

/**
 * Told just before a user's task form is read (Tasklist opening the task), outside the reading command, so a
 * feature can bring what the form shows up to date first.
 */
public interface TaskFormOpening {

  void opening(String taskId);
}
