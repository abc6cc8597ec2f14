package com.xiezuo.supervision;

import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;
import static com.xiezuo.workflow.ProcessVariables.PLAN_TITLE;
import static com.xiezuo.workflow.ProcessVariables.PLAN_YEAR;
import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_DUE;
import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_DUE_TEXT;
import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_HISTORY;
import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_ID;
import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_PROBLEM;
import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_REQUIREMENT;
import static com.xiezuo.workflow.ProcessVariables.TASK_NUMBER;
import static com.xiezuo.workflow.ProcessVariables.TASK_TITLE;
import static com.xiezuo.workflow.ProcessVariables.UNIT_ID;
import static com.xiezuo.workflow.ProcessVariables.UNIT_NAME;

import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.execution.Evidence;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.mail.MailService;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanRepository.PlanTaskRef;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.supervision.RectificationRecords.Event;
import com.xiezuo.supervision.RectificationRecords.Rectification;
import com.xiezuo.supervision.SupervisionRoundRecords.Round;
import com.xiezuo.supervision.SupervisionRoundRecords.StoredFinding;
import com.xiezuo.workflow.AsSystem;
import com.xiezuo.workflow.CurrentUser;
import com.xiezuo.workflow.Deadlines;
import com.xiezuo.workflow.PersonNames;
import com.xiezuo.workflow.ProcessKeys;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rectification notices (整改通知): issued by a supervisor to one unit from findings of a round, with what is read of
 * them and the unit's evidence; the steps of their process are {@link RectificationSteps}.
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
  /** The evidence store takes 500 characters; "整改佐证：" goes before what the unit typed. */
  static final int EVIDENCE_DESCRIPTION_MAX = 400;
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
    List<String> numbers = chosen.stream().map(stored -> stored.finding().taskNumber()).distinct().toList();
    // a notice about several of the unit's tasks is named by all their numbers, its first task's title and a count
    TASK_NUMBER.put(variables, String.join("、", numbers));
    TASK_TITLE.put(variables, task.task().title() + (numbers.size() > 1 ? " 等 " + numbers.size() + " 项任务" : ""));
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

  /** Evidence for the rectification, kept in the unit's evidence store with the task it is about. */
  @Transactional
  public long attachEvidence(long id, String fileName, byte[] bytes, String description, String user) {
    Rectification rectification = find(id);
    if (rectification.status() != RectificationStatus.ISSUED && rectification.status() != RectificationStatus.RETURNED) {
      throw new SupervisionProblemException("整改通知" + rectification.status().label() + "，现在不能上传材料");
    }
    String typed = description == null ? "" : description.strip();
    if (typed.length() > EVIDENCE_DESCRIPTION_MAX) {
      throw new SupervisionProblemException("说明不能超过 " + EVIDENCE_DESCRIPTION_MAX + " 字（现为 " + typed.length() + " 字）");
    }
    String text = typed.isEmpty() ? "整改佐证" : "整改佐证：" + typed;
    long evidenceId = evidence.store(rectification.assignmentId(), fileName, bytes, text, user);
    records.linkEvidence(id, evidenceId);
    String stored = evidence.of(rectification.assignmentId()).stream().filter(file -> file.id() == evidenceId)
        .map(Evidence.File::fileName).findFirst().orElse("");
    records.addEvent(id, RectificationEventKind.EVIDENCE_ADDED, stored + (typed.isEmpty() ? "" : "：" + typed), null,
        user, Deadlines.now().toInstant());
    return evidenceId;
  }

  public Optional<Rectification> findOptional(long id) {
    return records.find(id);
  }

  public View view(Rectification rectification) {
    PlanTaskRef task = assignments.find(rectification.assignmentId())
        .flatMap(assignment -> plans.findTask(assignment.planTaskId(), directory.snapshot())).orElseThrow();
    List<Long> findingIds = records.findingIds(rectification.id());
    List<StoredFinding> findings = rounds.findings(rectification.roundId()).stream()
        .filter(stored -> findingIds.contains(stored.id())).toList();
    List<String> numbers = findings.stream().map(stored -> stored.finding().taskNumber()).distinct().toList();
    String about = numbers.size() > 1 ? "任务 " + String.join("、", numbers) + "（" + task.task().number() + " "
        + task.task().title() + " 等 " + numbers.size() + " 项）" : task.task().number() + " " + task.task().title();
    return new View(rectification, unitName(rectification.unitId()), task.plan().title(), about,
        records.events(rectification.id()), evidenceOf(rectification.id()), findings);
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

  Rectification find(long id) {
    return records.find(id).orElseThrow(() -> new SupervisionProblemException("没有编号为 " + id + " 的整改通知"));
  }

  private List<Evidence.File> evidenceOf(long id) {
    List<Long> ids = records.evidenceIds(id);
    return records.find(id).map(rectification -> evidence.of(rectification.assignmentId()).stream()
        .filter(file -> ids.contains(file.id())).toList()).orElse(List.of());
  }

  List<Evidence.File> liveEvidence(long id) {
    return evidenceOf(id).stream().filter(file -> !file.withdrawn()).toList();
  }

  String evidenceList(long id) {
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

  private String unitName(String unitId) {
    return directory.find(unitId).map(unit -> unit.name()).orElse(unitId);
  }

  /** The notice is overdue once its due day has ended. */
  static Date dueAt(LocalDate due) {
    return Deadlines.endOfDay(due);
  }

  private static void checkLength(List<String> problems, String text, String label) {
    if (text.length() > TEXT_MAX) {
      problems.add(label + "不能超过 " + TEXT_MAX + " 字（现为 " + text.length() + " 字）");
    }
  }

  static LocalDate parseDate(String typed, String label, List<String> problems) {
    if (typed == null || typed.isBlank()) {
      problems.add("请填写" + label + "（年-月-日，如 2026-10-31）");
      return null;
    }
    Optional<LocalDate> date = Deadlines.typedDate(typed);
    if (date.isEmpty()) {
      problems.add(label + "“" + typed.strip() + "”不是日期，请写成年-月-日，如 2026-10-31");
    }
    return date.orElse(null);
  }
}
