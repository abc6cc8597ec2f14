package com.xiezuo.supervision;

import static com.xiezuo.supervision.Rectifications.CLOSE;
import static com.xiezuo.supervision.Rectifications.EXTEND;
import static com.xiezuo.supervision.Rectifications.GRANT;
import static com.xiezuo.supervision.Rectifications.MAX_DAYS_AHEAD;
import static com.xiezuo.supervision.Rectifications.REFUSE;
import static com.xiezuo.supervision.Rectifications.REPORT;
import static com.xiezuo.supervision.Rectifications.REPORT_MAX;
import static com.xiezuo.supervision.Rectifications.REPORT_MIN;
import static com.xiezuo.supervision.Rectifications.RETURN;
import static com.xiezuo.supervision.Rectifications.TEXT_MAX;
import static com.xiezuo.supervision.Rectifications.dueAt;
import static com.xiezuo.supervision.Rectifications.parseDate;
import static com.xiezuo.workflow.ProcessVariables.EXTENSION_COMMENT;
import static com.xiezuo.workflow.ProcessVariables.EXTENSION_DECISION;
import static com.xiezuo.workflow.ProcessVariables.EXTENSION_REASON;
import static com.xiezuo.workflow.ProcessVariables.EXTENSION_UNTIL;
import static com.xiezuo.workflow.ProcessVariables.PLAN_TITLE;
import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_ACTION;
import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_DUE;
import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_DUE_TEXT;
import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_EVIDENCE;
import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_HISTORY;
import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_ID;
import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_REPORT;
import static com.xiezuo.workflow.ProcessVariables.SUPERVISOR_DUE;
import static com.xiezuo.workflow.ProcessVariables.TASK_NUMBER;
import static com.xiezuo.workflow.ProcessVariables.TASK_TITLE;
import static com.xiezuo.workflow.ProcessVariables.UNIT_NAME;
import static com.xiezuo.workflow.ProcessVariables.VERIFY_COMMENT;
import static com.xiezuo.workflow.ProcessVariables.VERIFY_DECISION;

import com.xiezuo.mail.MailService;
import com.xiezuo.supervision.RectificationRecords.Rectification;
import com.xiezuo.workflow.CurrentUser;
import com.xiezuo.workflow.Deadlines;
import com.xiezuo.workflow.FormCheck;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The steps of a rectification's process: the notice mail, the unit's answer (a report with evidence, or a request
 * for more time before the due date), the supervisor's verification and decision on an extension, and the escalation
 * once past the due date. Who answered is the authenticated user (or the task's assignee), never a form value.
 */
@Component
public class RectificationSteps {

  /** A supervisor verifies a report, or decides an extension, within this many days of the unit's answer. */
  static final int SUPERVISOR_DAYS = 5;

  private final Rectifications rectifications;
  private final RectificationRecords records;
  private final RectificationMails mails;
  private final MailService mailService;
  private final CurrentUser currentUser;

  public RectificationSteps(Rectifications rectifications, RectificationRecords records, RectificationMails mails,
      MailService mailService, CurrentUser currentUser) {
    this.rectifications = rectifications;
    this.records = records;
    this.mails = mails;
    this.mailService = mailService;
    this.currentUser = currentUser;
  }

  /** The notice goes to the unit's contacts through the outbox. */
  public void sendNotice(DelegateExecution execution) {
    Rectification rectification = rectifications.find(RECTIFICATION_ID.get(execution));
    mailService.deliver(mails.notice(rectification, UNIT_NAME.get(execution), PLAN_TITLE.get(execution),
        about(execution), execution.getProcessBusinessKey()));
  }

  /** The unit's answer: what it did, with evidence already uploaded, or a request for more time before the due date. */
  public void answer(DelegateTask task) {
    Rectification rectification = rectifications.find(RECTIFICATION_ID.get(task));
    String action = RECTIFICATION_ACTION.get(task);
    String report = RECTIFICATION_REPORT.get(task);
    FormCheck check = new FormCheck(task)
        .require(REPORT.equals(action) || EXTEND.equals(action), RECTIFICATION_ACTION.name(), "请选择报送整改情况或申请延期");
    Instant now = Deadlines.now().toInstant();
    String user = currentUser.of(task);
    if (REPORT.equals(action)) {
      check.require(report != null && report.strip().length() >= REPORT_MIN, RECTIFICATION_REPORT.name(),
              "请填写整改情况（不少于 " + REPORT_MIN + " 字）")
          .maxLength(RECTIFICATION_REPORT, REPORT_MAX, "整改情况")
          .require(!rectifications.liveEvidence(rectification.id()).isEmpty(), RECTIFICATION_EVIDENCE.name(),
              "请先在整改页面上传整改佐证材料（" + RectificationPaths.page(rectification.id()) + "）")
          .done();
      records.setStatus(rectification.id(), RectificationStatus.REPORTED, null);
      records.addEvent(rectification.id(), RectificationEventKind.REPORTED, report.strip(), null, user, now);
      RECTIFICATION_EVIDENCE.set(task, rectifications.evidenceList(rectification.id()));
    } else if (EXTEND.equals(action)) {
      List<String> problems = new ArrayList<>();
      LocalDate until = parseDate(EXTENSION_UNTIL.get(task), "延期至", problems);
      String reason = EXTENSION_REASON.get(task);
      LocalDate today = Deadlines.today();
      check.require(problems.isEmpty(), EXTENSION_UNTIL.name(), String.join("；", problems))
          .require(until == null || until.isAfter(rectification.dueDate()), EXTENSION_UNTIL.name(),
              "延期后的期限须晚于现期限（" + rectification.dueDate() + "）")
          .require(until == null || !until.isAfter(rectification.dueDate().plusDays(MAX_DAYS_AHEAD)),
              EXTENSION_UNTIL.name(), "延期不能超过一年")
          .require(!today.isAfter(rectification.dueDate()), EXTENSION_UNTIL.name(),
              "整改期限（" + rectification.dueDate() + "）已过，不能再申请延期，请报送整改情况")
          .require(reason != null && !reason.isBlank(), EXTENSION_REASON.name(), "请说明申请延期的理由")
          .maxLength(EXTENSION_REASON, TEXT_MAX, "延期理由")
          .done();
      records.setStatus(rectification.id(), RectificationStatus.EXTENSION_REQUESTED, null);
      records.addEvent(rectification.id(), RectificationEventKind.EXTENSION_REQUESTED, reason.strip(), until, user,
          now);
    } else {
      check.done();
    }
    RECTIFICATION_HISTORY.set(task, rectifications.history(rectification.id()));
    SUPERVISOR_DUE.set(task, Deadlines.endOfDay(Deadlines.today().plusDays(SUPERVISOR_DAYS)));
  }

  /** The supervisor's verification: 销号, or back to the unit with what is still missing. */
  public void verify(DelegateTask task) {
    Rectification rectification = rectifications.find(RECTIFICATION_ID.get(task));
    new FormCheck(task).decision(VERIFY_DECISION, CLOSE, RETURN, "请选择销号或退回重新整改", VERIFY_COMMENT, "复核意见",
        "退回时请写明还需整改什么").done();
    Instant now = Deadlines.now().toInstant();
    String comment = VERIFY_COMMENT.get(task) == null ? null : VERIFY_COMMENT.get(task).strip();
    if (CLOSE.equals(VERIFY_DECISION.get(task))) {
      records.setStatus(rectification.id(), RectificationStatus.CLOSED, now);
      records.addEvent(rectification.id(), RectificationEventKind.CLOSED, comment, null, currentUser.of(task), now);
    } else {
      records.setStatus(rectification.id(), RectificationStatus.RETURNED, null);
      records.addEvent(rectification.id(), RectificationEventKind.RETURNED, comment, null, currentUser.of(task), now);
    }
    RECTIFICATION_HISTORY.set(task, rectifications.history(rectification.id()));
    RECTIFICATION_ACTION.set(task, null);
  }

  /** The supervisor's answer to an extension request: the new due date moves the notice and its escalation. */
  public void decideExtension(DelegateTask task) {
    Rectification rectification = rectifications.find(RECTIFICATION_ID.get(task));
    new FormCheck(task).decision(EXTENSION_DECISION, GRANT, REFUSE, "请选择同意或不同意延期", EXTENSION_COMMENT, "意见",
        "不同意延期时请说明理由").done();
    Instant now = Deadlines.now().toInstant();
    String comment = EXTENSION_COMMENT.get(task) == null ? null : EXTENSION_COMMENT.get(task).strip();
    if (GRANT.equals(EXTENSION_DECISION.get(task))) {
      LocalDate until = Deadlines.typedDate(EXTENSION_UNTIL.get(task)).orElseThrow();
      records.moveDue(rectification.id(), until);
      records.addEvent(rectification.id(), RectificationEventKind.EXTENSION_GRANTED, comment, until,
          currentUser.of(task), now);
      RECTIFICATION_DUE.set(task, dueAt(until));
      RECTIFICATION_DUE_TEXT.set(task, until.toString());
    } else {
      records.addEvent(rectification.id(), RectificationEventKind.EXTENSION_REFUSED, comment, null,
          currentUser.of(task), now);
    }
    records.setStatus(rectification.id(), RectificationStatus.ISSUED, null);
    RECTIFICATION_HISTORY.set(task, rectifications.history(rectification.id()));
    RECTIFICATION_ACTION.set(task, null);
    EXTENSION_DECISION.set(task, null);
  }

  /** Past the due date and not closed: red, and leadership and supervisors told once per due date. */
  public void escalate(DelegateExecution execution) {
    Rectification rectification = rectifications.find(RECTIFICATION_ID.get(execution));
    if (!rectification.isOpen() || !records.markOverdue(rectification.id())) {
      return;
    }
    records.addEvent(rectification.id(), RectificationEventKind.ESCALATED, "整改期限 " + rectification.dueDate()
        + " 已过，尚未销号", null, null, Deadlines.now().toInstant());
    mailService.deliver(mails.overdue(rectifications.find(rectification.id()), UNIT_NAME.get(execution), PLAN_TITLE.get(execution),
        about(execution), execution.getProcessBusinessKey()));
  }

  private static String about(DelegateExecution execution) {
    return TASK_NUMBER.get(execution) + " " + TASK_TITLE.get(execution);
  }
}
