package com.xiezuo.execution;

import static com.xiezuo.workflow.ProcessVariables.APPROVAL_COMMENT;
import static com.xiezuo.workflow.ProcessVariables.APPROVAL_DECISION;
import static com.xiezuo.workflow.ProcessVariables.ASSIGNMENT_ID;
import static com.xiezuo.workflow.ProcessVariables.ASSIGNMENT_SEQ;
import static com.xiezuo.workflow.ProcessVariables.DEADLINE;
import static com.xiezuo.workflow.ProcessVariables.DEADLINE_TEXT;
import static com.xiezuo.workflow.ProcessVariables.INDICATOR_TARGETS;
import static com.xiezuo.workflow.ProcessVariables.LEAD_REVIEW_COMMENT;
import static com.xiezuo.workflow.ProcessVariables.LEAD_REVIEW_DECISION;
import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;
import static com.xiezuo.workflow.ProcessVariables.PLAN_TASK_ID;
import static com.xiezuo.workflow.ProcessVariables.PLAN_TITLE;
import static com.xiezuo.workflow.ProcessVariables.PLAN_YEAR;
import static com.xiezuo.workflow.ProcessVariables.REMINDERS_FROM;
import static com.xiezuo.workflow.ProcessVariables.REPORT_PERIOD_DUE;
import static com.xiezuo.workflow.ProcessVariables.TASK_CONTENT;
import static com.xiezuo.workflow.ProcessVariables.TASK_NUMBER;
import static com.xiezuo.workflow.ProcessVariables.TASK_TITLE;
import static com.xiezuo.workflow.ProcessVariables.UNIT_ID;
import static com.xiezuo.workflow.ProcessVariables.UNIT_NAME;
import static com.xiezuo.workflow.ProcessVariables.UNIT_ROLE_LABEL;

import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.workflow.Deadlines;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** A unit task learns what it is about from its assignment: plan, task, unit, role, deadline and targets. */
@Component("unitTaskStartListener")
public class UnitTaskStartListener implements ExecutionListener {

  static final int CONTENT_MAX = 1500;

  private final UnitAssignments assignments;
  private final PlanRepository plans;
  private final UnitDirectory directory;
  private final IndicatorTargets targets;

  public UnitTaskStartListener(UnitAssignments assignments, PlanRepository plans, UnitDirectory directory,
      IndicatorTargets targets) {
    this.assignments = assignments;
    this.plans = plans;
    this.directory = directory;
    this.targets = targets;
  }

  @Override
  public void notify(DelegateExecution execution) {
    UnitAssignment assignment = assignments.find(PLAN_ID.get(execution), ASSIGNMENT_SEQ.get(execution)).orElseThrow();
    var ref = plans.findTask(assignment.planTaskId(), directory.snapshot()).orElseThrow();
    ASSIGNMENT_ID.set(execution, assignment.id());
    PLAN_TASK_ID.set(execution, assignment.planTaskId());
    PLAN_TITLE.set(execution, ref.plan().title());
    PLAN_YEAR.set(execution, ref.plan().year());
    TASK_NUMBER.set(execution, ref.task().number());
    TASK_TITLE.set(execution, ref.task().title());
    TASK_CONTENT.set(execution, contentOf(ref.task().content()));
    UNIT_ID.set(execution, assignment.unitId());
    UNIT_NAME.set(execution, directory.find(assignment.unitId()).map(unit -> unit.name()).orElse(assignment.unitId()));
    UNIT_ROLE_LABEL.set(execution, assignment.isLead() ? "牵头单位" : "配合单位");
    DEADLINE.set(execution, Deadlines.endOfDay(ref.task().deadline()));
    DEADLINE_TEXT.set(execution, ref.task().yearRound() ? "全年实施（" + ref.task().deadline() + "）"
        : ref.task().deadline() + (ref.task().deadlineText() == null ? "" : "（" + ref.task().deadlineText() + "）"));
    INDICATOR_TARGETS.set(execution, targets.describe(ref.task(), assignment));
    REMINDERS_FROM.set(execution, Deadlines.now());
    REPORT_PERIOD_DUE.set(execution, null);
    for (var form : List.of(APPROVAL_DECISION, APPROVAL_COMMENT, LEAD_REVIEW_DECISION, LEAD_REVIEW_COMMENT)) {
      form.set(execution, null);
    }
    assignments.started(assignment.id(), execution.getProcessInstanceId());
  }

  /** The task's content as forms and Tasklist show it; a very long text is cut (the plan page has it whole). */
  static String contentOf(String content) {
    if (content == null || content.isBlank()) {
      return "（计划未写明任务内容）";
    }
    return content.length() <= CONTENT_MAX ? content : content.substring(0, CONTENT_MAX) + "……（全文见计划页面）";
  }
}
