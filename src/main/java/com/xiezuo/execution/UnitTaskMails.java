package com.xiezuo.execution;

import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.mail.MailKind;
import com.xiezuo.mail.MailMessage;
import com.xiezuo.workflow.Deadlines;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The Chinese mails about a unit task sent by people (a supervisor's urge), and what every unit-task mail shares. */
@Component
public class UnitTaskMails {

  public static final String FOOTER = "\n\n此邮件由协作（东西部协作工作系统）自动发送，请勿直接回复。";

  private final UnitDirectory directory;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final String baseUrl;

  public UnitTaskMails(UnitDirectory directory, IdentityService identityService, TaskService taskService,
      @Value("${xiezuo.base-url:http://localhost:${server.port:8080}}") String baseUrl) {
    this.directory = directory;
    this.identityService = identityService;
    this.taskService = taskService;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  public MailMessage urge(long assignmentId, String unitId, String unitName, String planTitle, String taskNumber,
      String taskTitle, LocalDate due, String processInstanceId, String businessKey, String supervisor, String message) {
    String subject = "【协作催办】任务 " + taskNumber + " " + taskTitle + "（完成时限 " + due + "）";
    String body = unitName + "：\n\n督查人员（" + supervisor + "）催办 " + planTitle + " 任务 " + taskNumber + "《" + taskTitle
        + "》，完成时限为 " + format(due) + "。请抓紧办理。\n" + (message == null || message.isBlank() ? "" : "督查意见：" + message + "\n")
        + "办理入口：" + link(processInstanceId, assignmentId) + FOOTER;
    return new MailMessage(urgeKey(assignmentId, supervisor, message), MailKind.URGE,
        unitContacts(unitId), subject, body, businessKey, supervisor);
  }

  /**
   * One urge per supervisor, text and minute: a double click, or the same urge sent twice at once, is one mail and
   * one note; the same supervisor may urge again a minute later.
   */
  static String urgeKey(long assignmentId, String supervisor, String message) {
    String text = message == null ? "" : message.trim();
    return "urge/" + assignmentId + "/" + supervisor + "/" + Deadlines.now().getTime() / 60_000 + "/"
        + UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The unit's contact mails from the directory; its staff's mails when the directory has none. */
  public List<String> unitContacts(String unitId) {
    List<String> mails = new ArrayList<>(directory.find(unitId).map(unit -> unit.emails()).orElse(List.of()));
    if (mails.isEmpty()) {
      mails.addAll(groupMails(unitId));
    }
    return mails;
  }

  public List<String> groupMails(String groupId) {
    return identityService.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getEmail)
        .filter(mail -> mail != null && !mail.isBlank()).distinct().toList();
  }

  /** The open task in Tasklist when there is one, else the task page. */
  public String link(String processInstanceId, long assignmentId) {
    return openTaskOr(processInstanceId, "/execution/" + assignmentId);
  }

  /** The instance's open task in Tasklist when there is one, else the page at {@code path}. */
  public String openTaskOr(String processInstanceId, String path) {
    List<Task> open = processInstanceId == null ? List.of()
        : taskService.createTaskQuery().processInstanceId(processInstanceId).list();
    if (!open.isEmpty()) {
      return baseUrl + "/camunda/app/tasklist/default/#/?task=" + open.get(0).getId() + "&forceDisplayTask=true";
    }
    return pageLink(path);
  }

  public String pageLink(String path) {
    return baseUrl + path;
  }

  public String planLink(long planId) {
    return pageLink("/plans/" + planId);
  }

  public static String format(LocalDate date) {
    return date.getYear() + " 年 " + date.getMonthValue() + " 月 " + date.getDayOfMonth() + " 日（"
        + date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA) + "）";
  }
}
