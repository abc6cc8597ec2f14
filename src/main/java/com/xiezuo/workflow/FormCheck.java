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

  /**
   * A two-way decision: {@code proceed} or {@code sendBack}, and sending back needs a reason (at most 2000
   * characters) so the person who gets the work back knows what to change.
   */
  public FormCheck decision(Var<String> choice, String proceed, String sendBack, String chooseMessage,
      Var<String> reason, String reasonLabel, String reasonMissingMessage) {
    String value = choice.get(task);
    require(proceed.equals(value) || sendBack.equals(value), choice.name(), chooseMessage);
    String text = reason.get(task);
    require(!sendBack.equals(value) || (text != null && !text.isBlank()), reason.name(), reasonMissingMessage);
    return maxLength(reason, 2000, reasonLabel);
  }

  public void done() {
    if (!problems.isEmpty()) {
      throw new FormValidationException("“" + task.getName() + "”未通过校验：" + String.join("；", problems));
    }
  }
}
