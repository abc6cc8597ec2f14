package com.xiezuo.reminder;

import static com.xiezuo.workflow.ProcessVariables.DEADLINE;
import static com.xiezuo.workflow.ProcessVariables.PLAN_TITLE;
import static com.xiezuo.workflow.ProcessVariables.TASK_NUMBER;
import static com.xiezuo.workflow.ProcessVariables.TASK_TITLE;
import static com.xiezuo.workflow.ProcessVariables.UNIT_NAME;
import static com.xiezuo.workflow.ProcessVariables.UNIT_ROLE_LABEL;

import com.xiezuo.directory.Roles;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.execution.UnitTaskMails;
import com.xiezuo.mail.MailKind;
import com.xiezuo.mail.MailMessage;
import com.xiezuo.plan.PlanDetail;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.workflow.Deadlines;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The deadline watch's Chinese mails: a reminder before a date, the escalation when a unit task is overdue, and the
 * one notice per plan that lists the tasks whose deadline had passed before they were handed out.
 */
@Component
public class ReminderMails {

  private final UnitTaskMails unitTaskMails;
  private final PlanRepository plans;
  private final UnitDirectory directory;
  private final UnitAssignments assignments;

  public ReminderMails(UnitTaskMails unitTaskMails, PlanRepository plans, UnitDirectory directory,
      UnitAssignments assignments) {
    this.unitTaskMails = unitTaskMails;
    this.plans = plans;
    this.directory = directory;
    this.assignments = assignments;
  }

  public MailMessage reminder(VariableScope task, UnitAssignment assignment, ReminderPlanner.Reminder reminder) {
    LocalDate due = reminder.target().due();
    long days = ChronoUnit.DAYS.between(Deadlines.today(), due);
    String when = days <= 0 ? "今天到期" : "还有 " + days + " 天到期";
    String what = switch (reminder.target().kind()) {
      case DEADLINE -> "完成时限";
      case MILESTONE -> "节点时限";
      case PERIOD -> "进展报送时限";
    };
    String subject = "【协作提醒】任务 " + TASK_NUMBER.get(task) + " " + TASK_TITLE.get(task) + "：" + what + " "
        + due + "，" + when;
    String body = UNIT_NAME.get(task) + "：\n\n" + PLAN_TITLE.get(task) + " 任务 " + TASK_NUMBER.get(task) + "《"
        + TASK_TITLE.get(task) + "》的" + what + "为 " + UnitTaskMails.format(due) + "，" + when + "。\n"
        + "尚待办理：" + reminder.target().missing() + "\n"
        + "本单位角色：" + UNIT_ROLE_LABEL.get(task) + "\n"
        + "办理入口：" + unitTaskMails.link(assignment.processInstanceId(), assignment.id()) + UnitTaskMails.FOOTER;
    return new MailMessage(reminder.dedupKey(), MailKind.REMINDER, unitTaskMails.unitContacts(assignment.unitId()), subject, body,
        assignment.businessKey(), null);
  }

  public MailMessage escalation(VariableScope task, UnitAssignment assignment) {
    LocalDate due = Deadlines.toLocalDate(DEADLINE.get(task));
    String subject = "【协作督办】任务 " + TASK_NUMBER.get(task) + " " + TASK_TITLE.get(task) + " 已逾期（"
        + UNIT_NAME.get(task) + "，完成时限 " + due + "）";
    String body = UNIT_NAME.get(task) + "、督查人员：\n\n" + PLAN_TITLE.get(task) + " 任务 " + TASK_NUMBER.get(task) + "《"
        + TASK_TITLE.get(task) + "》已超过完成时限 " + UnitTaskMails.format(due) + "，" + UNIT_NAME.get(task) + "（"
        + UNIT_ROLE_LABEL.get(task) + "）尚未完成办理。\n请尽快办理并报送完成情况；确需延期的，请协调员提出延期申请。\n"
        + "办理入口：" + unitTaskMails.link(assignment.processInstanceId(), assignment.id()) + UnitTaskMails.FOOTER;
    Set<String> recipients = new LinkedHashSet<>(unitTaskMails.unitContacts(assignment.unitId()));
    recipients.addAll(unitTaskMails.groupMails(Roles.SUPERVISORS));
    return new MailMessage("escalation/" + assignment.id() + "/" + due, MailKind.ESCALATION,
        List.copyOf(recipients), subject, body, assignment.businessKey(), null);
  }

  /**
   * To coordinators and supervisors, once per plan and hand-out day: which tasks were already past their deadline
   * when handed out, how many unit tasks that marks overdue, and what to do about them.
   */
  public MailMessage lateStart(UnitAssignment assignment, LocalDate handedOut) {
    PlanDetail plan = plans.find(assignment.planId(), directory.snapshot()).orElseThrow();
    List<PlanDetail.Task> late = plan.tasks().stream()
        .filter(task -> "ACTIVE".equals(task.status()) && task.deadline().isBefore(handedOut)).toList();
    Map<String, Long> unitTasks = assignments.ofPlan(assignment.planId()).stream()
        .collect(Collectors.groupingBy(UnitAssignment::taskNumber, Collectors.counting()));
    long count = late.stream().mapToLong(task -> unitTasks.getOrDefault(task.number(), 0L)).sum();
    String lines = late.stream().map(task -> "· 任务 " + task.number() + "《" + task.title() + "》，完成时限 "
        + task.deadline() + "，" + unitTasks.getOrDefault(task.number(), 0L) + " 个责任单位")
        .collect(Collectors.joining("\n"));
    String subject = "【协作提醒】" + plan.plan().title() + "：" + late.size() + " 项任务下达时已过完成时限";
    String body = "协调员、督查人员：\n\n" + plan.plan().title() + " 于 " + UnitTaskMails.format(handedOut)
        + "下达各责任单位。以下 " + late.size() + " 项任务的完成时限在下达之前，其 " + count
        + " 个单位任务已标记为逾期；系统不再为其逐项发送督办邮件：\n" + lines + "\n\n"
        + "请逐项核实：已经完成的，请责任单位在任务中报送完成情况；仍需办理的，请在计划页面提出延期；不再执行的，请提出取消。\n"
        + "计划页面：" + unitTaskMails.planLink(plan.plan().id()) + UnitTaskMails.FOOTER;
    Set<String> recipients = new LinkedHashSet<>(unitTaskMails.groupMails(Roles.COORDINATORS));
    recipients.addAll(unitTaskMails.groupMails(Roles.SUPERVISORS));
    return new MailMessage("late-start/" + plan.plan().id() + "/" + handedOut, MailKind.LATE_START,
        List.copyOf(recipients), subject, body, PlanImportService.businessKey(plan.plan().year(), plan.plan().id()), null);
  }
}
