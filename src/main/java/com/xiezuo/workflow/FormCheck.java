package com.xiezuo.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Server-side re-validation of a submitted form (a form is not a guard). Collects every problem, then
 * refuses the completion with one Chinese message listing each problem; the task stays open. The field names
 * are kept for reading the checks, not shown to users.
 */
public class FormCheck {

  private final DelegateTask task;
  private final List<String> problems = new ArrayList<>();

  public FormCheck(DelegateTask task) {
    this.task = task;
  }

  public FormCheck require(boolean condition, String field, String message) {
    if (!condition) {
      problems.add(message);
    }
    return this;
  }

  public FormCheck maxLength(Var<String> variable, int max, String label) {
    String value = variable.get(task);
    return require(value == null || value.length() <= max, variable.name(), label + "不能超过 " + max + " 字");
  }

  public void done() {
    if (!problems.isEmpty()) {
      throw new FormValidationException("“" + task.getName() + "”未通过校验：" + String.join("；", problems));
    }
  }
}
