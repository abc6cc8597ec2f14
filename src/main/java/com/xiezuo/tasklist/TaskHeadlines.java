package com.xiezuo.tasklist;

import static com.xiezuo.workflow.ProcessVariables.CHANGE_SUMMARY;
import static com.xiezuo.workflow.ProcessVariables.DEADLINE_TEXT;
import static com.xiezuo.workflow.ProcessVariables.PLAN_TITLE;
import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_DUE_TEXT;
import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_PROBLEM;
import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_REQUIREMENT;
import static com.xiezuo.workflow.ProcessVariables.ROUND_LABEL;
import static com.xiezuo.workflow.ProcessVariables.TASK_CONTENT;
import static com.xiezuo.workflow.ProcessVariables.TASK_NUMBER;
import static com.xiezuo.workflow.ProcessVariables.TASK_TITLE;
import static com.xiezuo.workflow.ProcessVariables.UNIT_NAME;
import static com.xiezuo.workflow.ProcessVariables.UNIT_ROLE_LABEL;

import com.xiezuo.workflow.ElementIds.Rectification;
import com.xiezuo.workflow.ElementIds.UnitTask;
import com.xiezuo.workflow.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Every user task says in Tasklist what it is about: its name carries the plan task ("签收任务｜5(1) 组织劳务输出") or
 * the plan, its description the unit, deadline and content; and the filter columns (plan, task number, unit) are
 * copied onto the task itself, where everyone who may see the task may read them (a unit may not read the process
 * instance's variables).
 */
@Component
public class TaskHeadlines implements TaskListener {

  static final String BAR = "｜";
  static final int NAME_MAX = 255;
  static final int DESCRIPTION_MAX = 4000;
  static final List<Var<String>> COLUMNS = List.of(PLAN_TITLE, TASK_NUMBER, UNIT_NAME);
  static final Set<String> REVIEWS_OF_A_UNIT = Set.of(UnitTask.LEAD_REVIEW, UnitTask.SIGN_OFF,
      Rectification.VERIFY, Rectification.DECIDE_EXTENSION);

  /** A variable's value where the headline is made: the new task, or a running instance's variables. */
  interface Values {
    String of(Var<String> variable);
  }

  @Override
  public void notify(DelegateTask task) {
    Values values = variable -> variable.get(task);
    task.setName(name(baseName(task.getName()), values, task.getTaskDefinitionKey()));
    task.setDescription(description(values));
    for (Var<String> column : COLUMNS) {
      String value = column.get(task);
      if (value != null) {
        column.setLocal(task, value);
      }
    }
  }

  /** The model's name of the step, without what a previous headline added. */
  static String baseName(String name) {
    if (name == null) {
      return "";
    }
    int bar = name.indexOf(BAR);
    return bar < 0 ? name : name.substring(0, bar);
  }

  /** A review of a unit's work (lead review, sign-off) also names the unit: a leader signs many units' tasks. */
  static String name(String base, Values values, String taskKey) {
    String number = values.of(TASK_NUMBER);
    String title = values.of(TASK_TITLE);
    String round = values.of(ROUND_LABEL);
    String plan = round != null && values.of(PLAN_TITLE) != null ? round + " · " + values.of(PLAN_TITLE)
        : values.of(PLAN_TITLE);
    String about = number != null && title != null ? number + " " + title : plan;
    String unit = values.of(UNIT_NAME);
    if (about != null && unit != null && REVIEWS_OF_A_UNIT.contains(taskKey)) {
      about = about + "（" + unit + "）";
    }
    return about == null ? base : cut(base + BAR + about, NAME_MAX);
  }

  static String description(Values values) {
    List<String> lines = new ArrayList<>();
    add(lines, "工作计划：", values.of(PLAN_TITLE));
    String unit = values.of(UNIT_NAME);
    String role = values.of(UNIT_ROLE_LABEL);
    add(lines, "责任单位：", unit == null ? null : unit + (role == null ? "" : "（" + role + "）"));
    add(lines, "完成时限：", values.of(DEADLINE_TEXT));
    add(lines, "任务内容：", values.of(TASK_CONTENT));
    add(lines, "变更申请：", values.of(CHANGE_SUMMARY));
    add(lines, "督查轮次：", values.of(ROUND_LABEL));
    add(lines, "存在问题：", values.of(RECTIFICATION_PROBLEM));
    add(lines, "整改要求：", values.of(RECTIFICATION_REQUIREMENT));
    add(lines, "整改期限：", values.of(RECTIFICATION_DUE_TEXT));
    return lines.isEmpty() ? null : cut(String.join("\n", lines), DESCRIPTION_MAX);
  }

  private static void add(List<String> lines, String label, String value) {
    if (value != null && !value.isBlank()) {
      lines.add(label + value);
    }
  }

  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
