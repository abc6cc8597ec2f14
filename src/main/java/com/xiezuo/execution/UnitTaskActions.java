package com.xiezuo.execution;

import com.xiezuo.audit.AuditAction;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.mail.MailService;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.workflow.AsSystem;
import com.xiezuo.workflow.EngineComments;
import com.xiezuo.workflow.Quantities;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** What people do on a unit task outside the forms: ledger, milestones, instructions, urging. */
@Service
public class UnitTaskActions {

  static final int NOTE_MAX = 1000;

  static final int MAX_URGE_NOTE = 500;

  private final UnitTaskData data;
  private final UnitAssignments assignments;
  private final PlanRepository plans;
  private final UnitDirectory directory;
  private final TaskService taskService;
  private final UnitTaskMails mails;
  private final MailService mailService;
  private final UnitTaskFigures figures;
  private final AsSystem asSystem;
  private final EngineComments comments;
  private final FormFigures formFigures;
  private final Evidence evidence;
  private final UnitTaskAudit audit;

  public UnitTaskActions(UnitTaskData data, UnitAssignments assignments, PlanRepository plans, UnitDirectory directory,
      TaskService taskService, UnitTaskMails mails, MailService mailService, UnitTaskFigures figures, AsSystem asSystem,
      EngineComments comments, FormFigures formFigures, Evidence evidence, UnitTaskAudit audit) {
    this.audit = audit;
    this.formFigures = formFigures;
    this.evidence = evidence;
    this.asSystem = asSystem;
    this.comments = comments;
    this.data = data;
    this.assignments = assignments;
    this.plans = plans;
    this.directory = directory;
    this.taskService = taskService;
    this.mails = mails;
    this.mailService = mailService;
    this.figures = figures;
  }

  @Transactional
  public void addLedgerEntry(UnitAssignment assignment, long indicatorId, LocalDate date, BigDecimal amount, String note,
      String user) {
    if (figures.indicatorsOf(assignment).stream().noneMatch(indicator -> indicator.id() == indicatorId)) {
      throw new IllegalArgumentException("该指标不属于本任务");
    }
    if (amount == null || amount.signum() < 0) {
      throw new IllegalArgumentException("台账数量须为非负数");
    }
    requireInRange(amount);
    if (date == null || date.isAfter(com.xiezuo.workflow.Deadlines.today())) {
      throw new IllegalArgumentException("台账日期不能晚于今天");
    }
    if (note != null && note.trim().length() > NOTE_MAX) {
      throw new IllegalArgumentException("说明不能超过 " + NOTE_MAX + " 字（现为 " + note.trim().length() + " 字）");
    }
    data.addLedgerEntry(assignment.id(), indicatorId, date, amount, note == null ? null : note.trim(), user);
    audit.record(AuditAction.LEDGER_ADDED, assignment, user, indicatorName(assignment, indicatorId),
        UnitTaskAudit.ledgerLine(date, amount, note == null ? null : note.trim()));
    formFigures.refresh(assignment);
  }

  /**
   * Corrects one of the unit's ledger entries while its task is open; what the entry said before is kept with the
   * reason, who and when. A wrong entry is voided by correcting its amount to 0.
   */
  @Transactional
  public void correctLedgerEntry(UnitAssignment assignment, long entryId, LocalDate date, BigDecimal amount, String note,
      String reason, String user) {
    requireOpen(assignment, "台账");
    UnitTaskData.LedgerEntry before = data.ledgerEntry(entryId)
        .filter(entry -> data.ledgerEntryAssignment(entryId).orElse(-1L) == assignment.id())
        .orElseThrow(() -> new IllegalArgumentException("该台账记录不属于本任务"));
    if (amount == null || amount.signum() < 0) {
      throw new IllegalArgumentException("台账数量须为非负数（作废一条记录请更正为 0）");
    }
    requireInRange(amount);
    if (date == null || date.isAfter(com.xiezuo.workflow.Deadlines.today())) {
      throw new IllegalArgumentException("台账日期不能晚于今天");
    }
    String why = reason == null ? "" : reason.trim();
    if (why.isEmpty() || why.length() > 500) {
      throw new IllegalArgumentException("请填写更正原因（不超过 500 字）");
    }
    String text = note == null || note.isBlank() ? null : note.trim();
    if (text != null && text.length() > NOTE_MAX) {
      throw new IllegalArgumentException("说明不能超过 " + NOTE_MAX + " 字（现为 " + text.length() + " 字）");
    }
    if (before.date().equals(date) && before.amount().compareTo(amount) == 0 && java.util.Objects.equals(before.note(), text)) {
      throw new IllegalArgumentException("更正后的日期、数量和说明与原记录相同，无需更正");
    }
    data.correctLedgerEntry(before, date, amount, text, why, user);
    audit.record(AuditAction.LEDGER_CORRECTED, assignment, user, indicatorName(assignment, before.indicatorId()),
        "原记录：" + UnitTaskAudit.ledgerLine(before.date(), before.amount(), before.note()) + "；更正为："
            + UnitTaskAudit.ledgerLine(date, amount, text) + "；原因：" + why);
    formFigures.refresh(assignment);
  }

  /** Withdraws an evidence file while the task is open; the file stays stored, marked with who, when and why. */
  @Transactional
  public void withdrawEvidence(UnitAssignment assignment, Evidence.File file, String reason, String user) {
    requireOpen(assignment, "佐证材料");
    if (file.assignmentId() != assignment.id()) {
      throw new IllegalArgumentException("该佐证材料不属于本任务");
    }
    if (file.withdrawn()) {
      throw new IllegalArgumentException("该佐证材料已撤回");
    }
    String why = reason == null ? "" : reason.trim();
    if (why.isEmpty() || why.length() > 500) {
      throw new IllegalArgumentException("请填写撤回原因（不超过 500 字）");
    }
    evidence.withdraw(file.id(), why, user);
    audit.record(AuditAction.EVIDENCE_WITHDRAWN, assignment, user, file.fileName(), "原因：" + why);
  }

  private String indicatorName(UnitAssignment assignment, long indicatorId) {
    return figures.indicatorsOf(assignment).stream().filter(indicator -> indicator.id() == indicatorId)
        .map(indicator -> "台账｜" + indicator.name()).findFirst().orElse("台账");
  }

  private static void requireInRange(BigDecimal amount) {
    if (amount.compareTo(Quantities.LIMIT) >= 0 || amount.stripTrailingZeros().scale() > Quantities.MAX_DECIMALS) {
      throw new IllegalArgumentException("台账数量超出范围：上限为 1000 万亿，最多 " + Quantities.MAX_DECIMALS + " 位小数");
    }
  }

  private static void requireOpen(UnitAssignment assignment, String what) {
    if (assignment.status() != AssignmentStatus.ACTIVE) {
      throw new IllegalArgumentException("任务" + assignment.status().label() + "，" + what + "不能再更正");
    }
  }

  @Transactional
  public void instruct(UnitAssignment assignment, String text, String user) {
    if (text == null || text.isBlank() || text.length() > 2000) {
      throw new IllegalArgumentException("批示内容不能为空，且不超过 2000 字");
    }
    data.addInstruction(assignment.id(), text.trim(), user);
    audit.record(AuditAction.INSTRUCTED, assignment, user, "领导批示", text.trim());
    comment(assignment, user, "领导批示（" + user + "）：" + text.trim());
  }

  /**
   * A supervisor's urge: a mail to the unit, logged in the outbox with who sent it, and noted on the task. If the
   * mail server is down the urge still stands and the mail goes out later; returns whether it went out now.
   */
  @Transactional
  public boolean urge(UnitAssignment assignment, String message, String supervisor) {
    String note = message == null ? "" : message.trim();
    if (note.length() > MAX_URGE_NOTE) {
      throw new IllegalArgumentException("督查意见不能超过 " + MAX_URGE_NOTE + " 字");
    }
    assignments.lock(assignment.id());
    if (mailService.isKnown(UnitTaskMails.urgeKey(assignment.id(), supervisor, note))) {
      return true; // the same urge a moment ago (a double click): already noted and mailed
    }
    var ref = plans.findTask(assignment.planTaskId(), directory.snapshot()).orElseThrow();
    String unitName = directory.find(assignment.unitId()).map(unit -> unit.name()).orElse(assignment.unitId());
    comment(assignment, supervisor, "督查催办（" + supervisor + "）" + (note.isEmpty() ? "" : "：" + note));
    audit.record(AuditAction.URGED, assignment, supervisor, "督查催办", note.isEmpty() ? null : note);
    return asSystem.call(() -> mailService.deliverOrLeavePending(mails.urge(assignment.id(), assignment.unitId(),
        unitName, ref.plan().title(), ref.task().number(), ref.task().title(), ref.task().deadline(),
        assignment.processInstanceId(), assignment.businessKey(), supervisor, note)));
  }

  /** Noted on the open tasks, in the author's name, so it shows in Tasklist; the access check was ours. */
  private void comment(UnitAssignment assignment, String author, String text) {
    if (assignment.processInstanceId() == null) {
      return;
    }
    List<Task> open = asSystem.call(() -> taskService.createTaskQuery()
        .processInstanceId(assignment.processInstanceId()).list());
    open.forEach(task -> comments.addAs(author, task.getId(), assignment.processInstanceId(), text));
  }

  public UnitAssignment find(long id) {
    return assignments.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "没有编号为 " + id + " 的单位任务"));
  }
}
