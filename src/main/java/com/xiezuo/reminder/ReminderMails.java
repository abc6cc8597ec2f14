package com.xiezuo.reminder;

import static com.xiezuo.workflow.ProcessVariables.DEADLINE;
import static com.xiezuo.workflow.ProcessVariables.PLAN_TITLE;
import static com.xiezuo.workflow.ProcessVariables.TASK_NUMBER;
import static com.xiezuo.workflow.ProcessVariables.TASK_TITLE;
import static com.xiezuo.workflow.ProcessVariables.UNIT_NAME;
import static com.xiezuo.workflow.ProcessVariables.UNIT_ROLE_LABEL;

import com.xiezuo.directory.Roles;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitTaskMails;
import com.xiezuo.mail.MailKind;
import com.xiezuo.mail.MailMessage;
import com.xiezuo.workflow.Deadlines;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** The deadline watch's Chinese mails: a reminder before a date, the escalation when a unit task is overdue. */
@Component
public class ReminderMails {

  private final UnitTaskMails unitTaskMails;

  public ReminderMails(UnitTaskMails unitTaskMails) {
    this.unitTaskMails = unitTaskMails;
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
}
