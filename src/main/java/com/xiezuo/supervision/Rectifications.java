package com.xiezuo.supervision;

import static com.xiezuo.workflow.ProcessVariables.EXTENSION_COMMENT;
import static com.xiezuo.workflow.ProcessVariables.EXTENSION_DECISION;
import static com.xiezuo.workflow.ProcessVariables.EXTENSION_REASON;
import static com.xiezuo.workflow.ProcessVariables.EXTENSION_UNTIL;
import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;
import static com.xiezuo.workflow.ProcessVariables.PLAN_TITLE;
import static com.xiezuo.workflow.ProcessVariables.PLAN_YEAR;
import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_ACTION;
import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_DUE;
import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_DUE_TEXT;
import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_EVIDENCE;
import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_HISTORY;
import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_ID;
import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_PROBLEM;
import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_REPORT;
import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_REQUIREMENT;
import static com.xiezuo.workflow.ProcessVariables.TASK_NUMBER;
import static com.xiezuo.workflow.ProcessVariables.TASK_TITLE;
import static com.xiezuo.workflow.ProcessVariables.UNIT_ID;
import static com.xiezuo.workflow.ProcessVariables.UNIT_NAME;
import static com.xiezuo.workflow.ProcessVariables.VERIFY_COMMENT;
import static com.xiezuo.workflow.ProcessVariables.VERIFY_DECISION;

import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.execution.Evidence;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.mail.MailService;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.PlanRepository.PlanTaskRef;
import com.xiezuo.supervision.RectificationRecords.Event;
import com.xiezuo.supervision.RectificationRecords.Rectification;
import com.xiezuo.supervision.SupervisionRoundRecords.Round;
import com.xiezuo.supervision.SupervisionRoundRecords.StoredFinding;
import com.xiezuo.workflow.AsSystem;
import com.xiezuo.workflow.CurrentUser;
import com.xiezuo.workflow.Deadlines;
import com.xiezuo.workflow.FormCheck;
import com.xiezuo.workflow.PersonNames;
import com.xiezuo.workflow.ProcessKeys;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rectification notices (整改通知): issued by a supervisor to one unit from findings of a round, answered by the unit
 * in Tasklist with what it did and evidence (or a request for more time before the due date), verified by a
 * supervisor (销号, or back with reasons), escalated to leadership once past the due date.
 */
@Service
public class Rectifications {

  public static final String REPORT = "report";
  public static final String EXTEND = "extend";
  public static final String CLOSE = "close";
  public static final String RETURN = "return";
  public static final String GRANT = "grant";
  public static final String REFUSE = "refuse";
  static final int TEXT_MAX = 2000;
  static final int REPORT_MIN = 10;
  static final int REPORT_MAX = 5000;
  /** A due date more than this far ahead is a typing error, not a rectification. */
  static final int MAX_DAYS_AHEAD = 366;

  /** A rectification with what a reader needs around it. */
  public record View(Rectification rectification, String unitName, String planTitle, String about,
      List<Event> events, List<Evidence.File> evidence, List<StoredFinding> findings) {}

  private final RectificationRecords records;
  private final SupervisionRoundRecords rounds;
  private final UnitAssignments assignments;
  private final PlanRepository plans;
  private final UnitDirectory directory;
  private final Evidence evidence;
  private final RectificationMails mails;
  private final MailService mailService;
  private final RuntimeService runtimeService;
  private final AsSystem asSystem;
  private final CurrentUser currentUser;
  private final PersonNames personNames;

  public Rectifications(RectificationRecords records, SupervisionRoundRecords rounds, UnitAssignments assignments,
      PlanRepository plans, UnitDirectory directory, Evidence evidence, RectificationMails mails,
      MailService mailService, RuntimeService runtimeService, AsSystem asSystem, CurrentUser currentUser,
      PersonNames personNames) {
    this.records = records;
    this.rounds = rounds;
    this.assignments = assignments;
    this.plans = plans;
    this.directory = directory;
    this.evidence = evidence;
    this.mails = mails;
    this.mailService = mailService;
    this.runtimeService = runtimeService;
    this.asSystem = asSystem;
    this.currentUser = currentUser;
    this.personNames = personNames;
  }

  /** Issues a notice to the one unit the chosen findings are about, and starts its process. */
  @Transactional
  public Rectification issue(long roundId, List<Long> findingIds, String problem, String requirement, String due,
      String user) {
    Round round = rounds.round(roundId)
        .orElseThrow(() -> new SupervisionProblemException("没有编号为 " + roundId + " 的督查轮次"));
    List<String> problems = new ArrayList<>();
    List<StoredFinding> chosen = rounds.findings(roundId).stream()
        .filter(stored -> findingIds != null && findingIds.contains(stored.id())).toList();
    if (chosen.isEmpty()) {
      problems.add("请勾选要整改的发现（同一单位的一条或多条）");
    } else if (chosen.size() < findingIds.stream().distinct().count()) {
      problems.add("所选发现有的不属于本轮督查");
    }
    if (chosen.stream().anyMatch(StoredFinding::isDismissed)) {
      problems.add("已排除的发现不能下发整改");
    }
    if (chosen.stream().map(stored -> stored.finding().unitId()).distinct().count() > 1) {
      problems.add("一份整改通知只发给一个单位，请只勾选同一单位的发现");
    }
    String problemText = problem == null || problem.isBlank()
        ? chosen.stream().map(stored -> stored.finding().reason().label() + "：" + stored.finding().detail())
            .collect(Collectors.joining("；"))
        : problem.strip();
    String requirementText = requirement == null ? "" : requirement.strip();
    checkLength(problems, problemText, "问题描述");
    if (requirementText.isEmpty()) {
      problems.add("请填写整改要求（要做到什么、报送什么材料）");
    }
    checkLength(problems, requirementText, "整改要求");
    LocalDate dueDate = parseDate(due, "整改期限", problems);
    LocalDate today = Deadlines.today();
    if (dueDate != null && !dueDate.isAfter(today)) {
      problems.add("整改期限须晚于今天（" + today + "）");
    } else if (dueDate != null && dueDate.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
      problems.add("整改期限不能晚于一年之后（" + today.plusDays(MAX_DAYS_AHEAD) + "）");
    }
    if (!problems.isEmpty()) {
      throw new SupervisionProblemException(problems);
    }
    StoredFinding first = chosen.get(0);
    UnitAssignment assignment = assignments.find(first.finding().assignmentId()).orElseThrow();
    Instant now = Deadlines.now().toInstant();
    long id = records.insert(roundId, round.planId(), assignment.id(), assignment.unitId(), problemText,
        requirementText, dueDate, user, now);
    chosen.forEach(stored -> records.linkFinding(id, stored.id()));
    records.addEvent(id, RectificationEventKind.ISSUED, problemText, dueDate, user, now);
    PlanTaskRef task = plans.findTask(assignment.planTaskId(), directory.snapshot()).orElseThrow();
    Map<String, Object> variables = new HashMap<>();
    RECTIFICATION_ID.put(variables, id);
    PLAN_ID.put(variables, round.planId());
    PLAN_TITLE.put(variables, task.plan().title());
    PLAN_YEAR.put(variables, task.plan().year());
    UNIT_ID.put(variables, assignment.unitId());
    UNIT_NAME.put(variables, unitName(assignment.unitId()));
    TASK_NUMBER.put(variables, task.task().number());
    TASK_TITLE.put(variables, task.task().title());
    RECTIFICATION_PROBLEM.put(variables, problemText);
    RECTIFICATION_REQUIREMENT.put(variables, requirementText);
    RECTIFICATION_DUE.put(variables, dueAt(dueDate));
    RECTIFICATION_DUE_TEXT.put(variables, dueDate.toString());
    RECTIFICATION_HISTORY.put(variables, history(id));
    String businessKey = PlanImportService.businessKey(task.plan().year(), round.planId()) + "/rectification/" + id;
    String instance = asSystem.call(() -> runtimeService.startProcessInstanceByKey(ProcessKeys.RECTIFICATION,
        businessKey, variables).getId());
    records.attachProcess(id, instance);
    return records.find(id).orElseThrow();
  }

  /** The notice goes to the unit's contacts through the outbox. */
  public void sendNotice(DelegateExecution execution) {
    Rectification rectification = find(RECTIFICATION_ID.get(execution));
    mailService.deliver(mails.notice(rectification, UNIT_NAME.get(execution), PLAN_TITLE.get(execution),
        about(execution), execution.getProcessBusinessKey()));
  }

  /** The unit's answer: what it did, with evidence already uploaded, or a request for more time before the due date. */
  public void answer(DelegateTask task) {
    Rectification rectification = find(RECTIFICATION_ID.get(task));
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
          .require(!liveEvidence(rectification.id()).isEmpty(), RECTIFICATION_EVIDENCE.name(),
              "请先在整改页面上传整改佐证材料（" + RectificationPaths.page(rectification.id()) + "）")
          .done();
      records.setStatus(rectification.id(), RectificationStatus.REPORTED, null);
      records.addEvent(rectification.id(), RectificationEventKind.REPORTED, report.strip(), null, user, now);
      RECTIFICATION_EVIDENCE.set(task, evidenceList(rectification.id()));
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
    RECTIFICATION_HISTORY.set(task, history(rectification.id()));
  }

  /** The supervisor's verification: 销号, or back to the unit with what is still missing. */
  public void verify(DelegateTask task) {
    Rectification rectification = find(RECTIFICATION_ID.get(task));
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
    RECTIFICATION_HISTORY.set(task, history(rectification.id()));
    RECTIFICATION_ACTION.set(task, null);
  }

  /** The supervisor's answer to an extension request: the new due date moves the notice and its escalation. */
  public void decideExtension(DelegateTask task) {
    Rectification rectification = find(RECTIFICATION_ID.get(task));
    new FormCheck(task).decision(EXTENSION_DECISION, GRANT, REFUSE, "请选择同意或不同意延期", EXTENSION_COMMENT, "意见",
        "不同意延期时请说明理由").done();
    Instant now = Deadlines.now().toInstant();
    String comment = EXTENSION_COMMENT.get(task) == null ? null : EXTENSION_COMMENT.get(task).strip();
    if (GRANT.equals(EXTENSION_DECISION.get(task))) {
      LocalDate until = LocalDate.parse(EXTENSION_UNTIL.get(task).strip());
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
    RECTIFICATION_HISTORY.set(task, history(rectification.id()));
    RECTIFICATION_ACTION.set(task, null);
    EXTENSION_DECISION.set(task, null);
  }

  /** Past the due date and not closed: red, and leadership and supervisors told once per due date. */
  public void escalate(DelegateExecution execution) {
    Rectification rectification = find(RECTIFICATION_ID.get(execution));
    if (!rectification.isOpen() || !records.markOverdue(rectification.id())) {
      return;
    }
    records.addEvent(rectification.id(), RectificationEventKind.ESCALATED, "整改期限 " + rectification.dueDate()
        + " 已过，尚未销号", null, null, Deadlines.now().toInstant());
    mailService.deliver(mails.overdue(find(rectification.id()), UNIT_NAME.get(execution), PLAN_TITLE.get(execution),
        about(execution), execution.getProcessBusinessKey()));
  }

  /** Evidence for the rectification, kept in the unit's evidence store with the task it is about. */
  @Transactional
  public long attachEvidence(long id, String fileName, byte[] bytes, String description, String user) {
    Rectification rectification = find(id);
    if (rectification.status() != RectificationStatus.ISSUED && rectification.status() != RectificationStatus.RETURNED) {
      throw new SupervisionProblemException("整改通知" + rectification.status().label() + "，现在不能上传材料");
    }
    String text = description == null || description.isBlank() ? "整改佐证" : "整改佐证：" + description.strip();
    long evidenceId = evidence.store(rectification.assignmentId(), fileName, bytes, text, user);
    records.linkEvidence(id, evidenceId);
    return evidenceId;
  }

  public Optional<Rectification> findOptional(long id) {
    return records.find(id);
  }

  public View view(Rectification rectification) {
    PlanTaskRef task = assignments.find(rectification.assignmentId())
        .flatMap(assignment -> plans.findTask(assignment.planTaskId(), directory.snapshot())).orElseThrow();
    List<Long> findingIds = records.findingIds(rectification.id());
    return new View(rectification, unitName(rectification.unitId()), task.plan().title(),
        task.task().number() + " " + task.task().title(), records.events(rectification.id()),
        evidenceOf(rectification.id()), rounds.findings(rectification.roundId()).stream()
            .filter(stored -> findingIds.contains(stored.id())).toList());
  }

  public List<Rectification> ofRound(long roundId) {
    return records.ofRound(roundId);
  }

  public List<Rectification> ofPlan(long planId) {
    return records.ofPlan(planId);
  }

  public List<Rectification> ofUnits(List<String> unitIds) {
    return records.ofUnits(unitIds);
  }

  public List<Rectification> latest(int limit) {
    return records.latest(limit);
  }

  private Rectification find(long id) {
    return records.find(id).orElseThrow(() -> new SupervisionProblemException("没有编号为 " + id + " 的整改通知"));
  }

  private List<Evidence.File> evidenceOf(long id) {
    List<Long> ids = records.evidenceIds(id);
    return records.find(id).map(rectification -> evidence.of(rectification.assignmentId()).stream()
        .filter(file -> ids.contains(file.id())).toList()).orElse(List.of());
  }

  private List<Evidence.File> liveEvidence(long id) {
    return evidenceOf(id).stream().filter(file -> !file.withdrawn()).toList();
  }

  private String evidenceList(long id) {
    return liveEvidence(id).stream().map(file -> file.fileName() + "（" + Math.max(1, file.size() / 1024) + " KB）")
        .collect(Collectors.joining("\n"));
  }

  /** The notice's events as the forms show them, one line each. */
  String history(long id) {
    return records.events(id).stream().map(event -> Deadlines.minute(event.at()) + " " + event.kind().label()
        + (event.actor() == null ? "" : "（" + personNames.label(event.actor()) + "）")
        + (event.newDueDate() == null || event.kind() == RectificationEventKind.ISSUED ? ""
            : "，期限 " + event.newDueDate())
        + (event.detail() == null || event.detail().isBlank() ? "" : "：" + event.detail()))
        .collect(Collectors.joining("\n"));
  }

  private static String about(DelegateExecution execution) {
    return TASK_NUMBER.get(execution) + " " + TASK_TITLE.get(execution);
  }

  private String unitName(String unitId) {
    return directory.find(unitId).map(unit -> unit.name()).orElse(unitId);
  }

  /** The notice is overdue once its due day has ended. */
  private static java.util.Date dueAt(LocalDate due) {
    return Deadlines.endOfDay(due);
  }

  private static void checkLength(List<String> problems, String text, String label) {
    if (text.length() > TEXT_MAX) {
      problems.add(label + "不能超过 " + TEXT_MAX + " 字（现为 " + text.length() + " 字）");
    }
  }

  private static LocalDate parseDate(String typed, String label, List<String> problems) {
    if (typed == null || typed.isBlank()) {
      problems.add("请填写" + label + "（年-月-日，如 2026-10-31）");
      return null;
    }
    try {
      return LocalDate.parse(typed.strip());
    } catch (DateTimeParseException e) {
      problems.add(label + "“" + typed.strip() + "”不是日期，请写成年-月-日，如 2026-10-31");
      return null;
    }
  }
}
