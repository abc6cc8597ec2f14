package com.xiezuo.reminder;

import static com.xiezuo.workflow.ProcessVariables.DEADLINE;
import static com.xiezuo.workflow.ProcessVariables.PLAN_TITLE;
import static com.xiezuo.workflow.ProcessVariables.TASK_NUMBER;
import static com.xiezuo.workflow.ProcessVariables.TASK_TITLE;
import static com.xiezuo.workflow.ProcessVariables.UNIT_NAME;
import static com.xiezuo.workflow.ProcessVariables.UNIT_ROLE_LABEL;

import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.security.Roles;
import com.xiezuo.workflow.Deadlines;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The Chinese mails about a unit task: reminder, escalation when overdue, a supervisor's urge. */
@Component
public class UnitTaskMails {

  private static final String FOOTER = "\n\n此邮件由协作（东西部协作工作系统）自动发送，请勿直接回复。";

  private final UnitDirectory directory;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final String baseUrl;

  public UnitTaskMails(UnitDirectory directory, IdentityService identityService, TaskService taskService,
      @Value("${xiezuo.base-url:http://localhost:8080}") String baseUrl) {
    this.directory = directory;
    this.identityService = identityService;
    this.taskService = taskService;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
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
        + TASK_TITLE.get(task) + "》的" + what + "为 " + format(due) + "，" + when + "。\n"
        + "尚待办理：" + reminder.target().missing() + "\n"
        + "本单位角色：" + UNIT_ROLE_LABEL.get(task) + "\n"
        + "办理入口：" + link(assignment.processInstanceId(), assignment.id()) + FOOTER;
    return new MailMessage(reminder.dedupKey(), MailKind.REMINDER, unitContacts(assignment.unitId()), subject, body,
        assignment.businessKey(), null);
  }

  public MailMessage escalation(VariableScope task, UnitAssignment assignment) {
    LocalDate due = Deadlines.toLocalDate(DEADLINE.get(task));
    String subject = "【协作督办】任务 " + TASK_NUMBER.get(task) + " " + TASK_TITLE.get(task) + " 已逾期（"
        + UNIT_NAME.get(task) + "，完成时限 " + due + "）";
    String body = UNIT_NAME.get(task) + "、督查人员：\n\n" + PLAN_TITLE.get(task) + " 任务 " + TASK_NUMBER.get(task) + "《"
        + TASK_TITLE.get(task) + "》已超过完成时限 " + format(due) + "，" + UNIT_NAME.get(task) + "（"
        + UNIT_ROLE_LABEL.get(task) + "）尚未完成办理。\n请尽快办理并报送完成情况；确需延期的，请协调员提出延期申请。\n"
        + "办理入口：" + link(assignment.processInstanceId(), assignment.id()) + FOOTER;
    Set<String> recipients = new LinkedHashSet<>(unitContacts(assignment.unitId()));
    recipients.addAll(groupMails(Roles.SUPERVISORS));
    return new MailMessage("escalation/" + assignment.id() + "/" + due, MailKind.ESCALATION,
        List.copyOf(recipients), subject, body, assignment.businessKey(), null);
  }

  public MailMessage urge(long assignmentId, String unitId, String unitName, String planTitle, String taskNumber,
      String taskTitle, LocalDate due, String processInstanceId, String businessKey, String supervisor, String message) {
    String subject = "【协作催办】任务 " + taskNumber + " " + taskTitle + "（完成时限 " + due + "）";
    String body = unitName + "：\n\n督查人员（" + supervisor + "）催办 " + planTitle + " 任务 " + taskNumber + "《" + taskTitle
        + "》，完成时限为 " + format(due) + "。请抓紧办理。\n" + (message == null || message.isBlank() ? "" : "督查意见：" + message + "\n")
        + "办理入口：" + link(processInstanceId, assignmentId) + FOOTER;
    return new MailMessage("urge/" + assignmentId + "/" + Deadlines.now().getTime(), MailKind.URGE,
        unitContacts(unitId), subject, body, businessKey, supervisor);
  }

  /** The unit's contact mails from the directory; its staff's mails when the directory has none. */
  public List<String> unitContacts(String unitId) {
    List<String> mails = new ArrayList<>(directory.find(unitId).map(unit -> unit.emails()).orElse(List.of()));
    if (mails.isEmpty()) {
      mails.addAll(groupMails(unitId));
    }
    return mails;
  }

  private List<String> groupMails(String groupId) {
    return identityService.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getEmail)
        .filter(mail -> mail != null && !mail.isBlank()).distinct().toList();
  }

  /** The open task in Tasklist when there is one, else the task page. */
  public String link(String processInstanceId, long assignmentId) {
    List<Task> open = processInstanceId == null ? List.of()
        : taskService.createTaskQuery().processInstanceId(processInstanceId).list();
    if (!open.isEmpty()) {
      return baseUrl + "/camunda/app/tasklist/default/#/?task=" + open.get(0).getId();
    }
    return baseUrl + "/execution/" + assignmentId;
  }

  static String format(LocalDate date) {
    return date.getYear() + " 年 " + date.getMonthValue() + " 月 " + date.getDayOfMonth() + " 日（"
        + date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA) + "）";
  }
}
