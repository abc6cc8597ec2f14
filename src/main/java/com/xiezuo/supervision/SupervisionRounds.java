package com.xiezuo.supervision;

import static com.xiezuo.workflow.ProcessVariables.FINDINGS_SUMMARY;
import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;
import static com.xiezuo.workflow.ProcessVariables.PLAN_TITLE;
import static com.xiezuo.workflow.ProcessVariables.PLAN_YEAR;
import static com.xiezuo.workflow.ProcessVariables.ROUND_ID;
import static com.xiezuo.workflow.ProcessVariables.SUPERVISION_ROUND;

import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.execution.AssignmentStatus;
import com.xiezuo.execution.PlanExecutionFacts.AssignmentFacts;
import com.xiezuo.execution.PlanExecutionFacts;
import com.xiezuo.execution.ReportPeriods;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.plan.PlanDetail;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.supervision.SupervisionRoundRecords.Round;
import com.xiezuo.supervision.SupervisionRoundRecords.StoredFinding;
import com.xiezuo.workflow.AsSystem;
import com.xiezuo.workflow.Deadlines;
import com.xiezuo.workflow.ProcessKeys;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens supervision rounds: records the round, flags the plan's rounds still open as late when a cycle round opens
 * (they never hold it back), and stores what the record shows behind as of that day, one finding per row.
 */
@Service
public class SupervisionRounds {

  static final int DISMISS_REASON_MAX = 500;
  static final int DETAIL_MAX = 1000;

  private final SupervisionRoundRecords records;
  private final PlanRepository plans;
  private final UnitDirectory directory;
  private final PlanExecutionFacts executionFacts;
  private final FindingsScan scan;
  private final SupervisionCards cards;
  private final UnitAssignments assignments;
  private final RectificationRecords rectificationRecords;
  private final RuntimeService runtimeService;
  private final AsSystem asSystem;

  public SupervisionRounds(SupervisionRoundRecords records, PlanRepository plans, UnitDirectory directory,
      PlanExecutionFacts executionFacts, ReportPeriods periods, RuntimeService runtimeService, AsSystem asSystem,
      SupervisionCards cards, UnitAssignments assignments, RectificationRecords rectificationRecords, @Value("${xiezuo.supervision.behind-schedule-points:15}") int behindSchedulePoints) {
    this.records = records;
    this.runtimeService = runtimeService;
    this.asSystem = asSystem;
    this.cards = cards;
    this.assignments = assignments;
    this.rectificationRecords = rectificationRecords;
    this.plans = plans;
    this.directory = directory;
    this.executionFacts = executionFacts;
    this.scan = new FindingsScan(periods, behindSchedulePoints);
  }

  /**
   * Opens a round and starts its process: the supervisors' task to go through its findings. Several rounds of a plan
   * may run at once; none waits for another.
   */
  @Transactional
  public Round start(long planId, RoundKind kind, Collection<String> scopeUnits, String user) {
    Round round = open(planId, kind, scopeUnits, user);
    PlanSummary plan = plans.findSummary(planId).orElseThrow();
    Map<String, Object> variables = new HashMap<>();
    PLAN_ID.put(variables, planId);
    PLAN_TITLE.put(variables, plan.title());
    PLAN_YEAR.put(variables, plan.year());
    ROUND_ID.put(variables, round.id());
    SUPERVISION_ROUND.put(variables, round.number());
    FINDINGS_SUMMARY.put(variables, summary(round));
    String instance = asSystem.call(() -> runtimeService.startProcessInstanceByKey(ProcessKeys.SUPERVISION_ROUND,
        businessKey(plan, round), variables).getId());
    records.attachProcess(round.id(), instance);
    return records.round(round.id()).orElseThrow();
  }

  /** A round process started by an earlier plan version's call activity: its round is opened here, on the cycle. */
  public void adopt(DelegateExecution execution) {
    if (ROUND_ID.get(execution) != null) {
      return;
    }
    Round round = open(PLAN_ID.get(execution), RoundKind.CYCLE, List.of(), null);
    records.attachProcess(round.id(), execution.getProcessInstanceId());
    ROUND_ID.set(execution, round.id());
    SUPERVISION_ROUND.set(execution, round.number());
    FINDINGS_SUMMARY.set(execution, summary(round));
  }

  /** The supervisor went through the round: its summary is kept with the round, which is then complete. */
  public void close(long roundId, String conclusion) {
    records.close(roundId, conclusion, Deadlines.now().toInstant());
  }

  public Optional<Round> round(long roundId) {
    return records.round(roundId);
  }

  public List<Round> rounds(long planId) {
    return records.roundsOf(planId);
  }

  public List<StoredFinding> findings(long roundId) {
    return records.findings(roundId);
  }

  /** A computed or added finding set aside for a reason; it stays listed as dismissed with who, when and why. */
  @Transactional
  public void dismiss(long roundId, long findingId, String reason, String user) {
    Round round = openRound(roundId);
    StoredFinding finding = records.finding(findingId).filter(stored -> stored.roundId() == round.id())
        .orElseThrow(() -> new SupervisionProblemException("本轮督查没有这条发现（编号 " + findingId + "）"));
    String text = reason == null ? "" : reason.strip();
    List<String> problems = new ArrayList<>();
    if (finding.isDismissed()) {
      problems.add("这条发现已于此前排除，无需再次排除");
    }
    if (text.isEmpty()) {
      problems.add("请填写排除理由（例如：已核实按期完成、口径不适用）");
    } else if (text.length() > DISMISS_REASON_MAX) {
      problems.add("排除理由不能超过 " + DISMISS_REASON_MAX + " 字（现为 " + text.length() + " 字）");
    }
    if (!problems.isEmpty()) {
      throw new SupervisionProblemException(problems);
    }
    records.dismiss(findingId, text, user, Deadlines.now().toInstant());
    cards.redecide(round, finding.finding().assignmentId(), deadlineOf(round, finding.finding().assignmentId()));
  }

  /** A red card by hand on a unit task badly behind (严重滞后), with the reason; it stays until cleared. */
  @Transactional
  public void raiseRedCard(long roundId, Long assignmentId, String reason, String user) {
    Round round = openRound(roundId);
    AssignmentFacts target = cardTarget(round, assignmentId, reason, "亮红牌理由");
    if (cards.manualRedOf(round.planId(), target.assignment().id()).isPresent()) {
      throw new SupervisionProblemException("该任务已亮红牌，无需重复");
    }
    cards.raiseRed(round, target.assignment().id(), target.assignment().unitId(), reason.strip(), user);
  }

  /** Clears a red card raised by hand; it steps down to yellow, and turns green at a later round if on track. */
  @Transactional
  public CardColor clearRedCard(long roundId, Long assignmentId, String reason, String user) {
    Round round = openRound(roundId);
    AssignmentFacts target = cardTarget(round, assignmentId, reason, "撤销理由");
    if (cards.manualRedOf(round.planId(), target.assignment().id()).isEmpty()) {
      throw new SupervisionProblemException("该任务没有督查人员亮出的红牌（按逾期自动评定的红牌在逾期消除后自动降级）");
    }
    return cards.clearRed(round, target.assignment().id(), target.assignment().unitId(), reason.strip(),
        deadlineOf(round, target.assignment().id()), user);
  }

  private AssignmentFacts cardTarget(Round round, Long assignmentId, String reason, String reasonName) {
    List<String> problems = new ArrayList<>();
    Optional<AssignmentFacts> target = assignmentId == null ? Optional.empty()
        : executionFacts.ofPlan(round.planId()).stream().filter(fact -> fact.assignment().id() == assignmentId)
            .filter(fact -> fact.assignment().status() == AssignmentStatus.ACTIVE).findFirst();
    if (target.isEmpty()) {
      problems.add("请选择本计划中一项办理中的单位任务");
    } else if (!round.scopeUnits().isEmpty() && !round.scopeUnits().contains(target.get().assignment().unitId())) {
      problems.add("本轮督查只涉及指定单位，所选任务的单位不在其中");
    }
    String text = reason == null ? "" : reason.strip();
    if (text.isEmpty()) {
      problems.add("请填写" + reasonName);
    } else if (text.length() > SupervisionCards.REASON_MAX) {
      problems.add(reasonName + "不能超过 " + SupervisionCards.REASON_MAX + " 字（现为 " + text.length() + " 字）");
    }
    if (!problems.isEmpty()) {
      throw new SupervisionProblemException(problems);
    }
    return target.get();
  }

  private LocalDate deadlineOf(Round round, long assignmentId) {
    return assignments.find(assignmentId).flatMap(assignment -> plans.findTask(assignment.planTaskId(),
        directory.snapshot())).map(ref -> ref.task().deadline()).orElse(null);
  }

  /**
   * Rectifications the unit let pass their due date (escalated, and still with the unit: a report waiting for the
   * supervisor's verification is not the unit's delay), one finding each, on the unit task they are about.
   */
  private List<Finding> overdueRectifications(long planId, List<String> scope, LocalDate asOf) {
    return rectificationRecords.ofPlan(planId).stream()
        .filter(rectification -> rectification.overdue() && rectification.dueDate().isBefore(asOf)
            && (rectification.status() == RectificationStatus.ISSUED
                || rectification.status() == RectificationStatus.RETURNED))
        .filter(rectification -> scope.isEmpty() || scope.contains(rectification.unitId()))
        .map(rectification -> {
          UnitAssignment assignment = assignments.find(rectification.assignmentId()).orElseThrow();
          return Finding.of(assignment.id(), assignment.unitId(), assignment.taskNumber(),
              FindingReason.RECTIFICATION_OVERDUE, "第 " + rectification.id() + " 号整改通知要求 " + rectification.dueDate()
                  + " 前完成整改，已逾期 " + ChronoUnit.DAYS.between(rectification.dueDate(), asOf)
                  + " 天未销号（" + rectification.status().label() + "）", rectification.dueDate());
        }).toList();
  }

  /** A supervisor's own finding on one unit task of the round's plan (and scope). */
  @Transactional
  public long addFinding(long roundId, Long assignmentId, String detail, String user) {
    Round round = openRound(roundId);
    String text = detail == null ? "" : detail.strip();
    List<String> problems = new ArrayList<>();
    Optional<AssignmentFacts> target = assignmentId == null ? Optional.empty()
        : executionFacts.ofPlan(round.planId()).stream().filter(fact -> fact.assignment().id() == assignmentId)
            .findFirst();
    if (target.isEmpty()) {
      problems.add("请选择本计划中的一项单位任务");
    } else if (!round.scopeUnits().isEmpty() && !round.scopeUnits().contains(target.get().assignment().unitId())) {
      problems.add("本轮督查只涉及指定单位，所选任务的单位不在其中");
    }
    if (text.isEmpty()) {
      problems.add("请填写发现的问题（事实、数字和依据）");
    } else if (text.length() > DETAIL_MAX) {
      problems.add("发现的问题不能超过 " + DETAIL_MAX + " 字（现为 " + text.length() + " 字）");
    }
    if (!problems.isEmpty()) {
      throw new SupervisionProblemException(problems);
    }
    var assignment = target.get().assignment();
    return records.insertFinding(round.id(), Finding.of(assignment.id(), assignment.unitId(), assignment.taskNumber(),
        FindingReason.MANUAL, text, Deadlines.today()), user, Deadlines.now().toInstant());
  }

  private Round openRound(long roundId) {
    Round round = records.round(roundId)
        .orElseThrow(() -> new SupervisionProblemException("没有编号为 " + roundId + " 的督查轮次"));
    if (!round.isOpen()) {
      throw new SupervisionProblemException("第 " + round.number() + " 轮督查已完成，发现不能再修改");
    }
    return round;
  }

  public static String businessKey(PlanSummary plan, Round round) {
    return PlanImportService.businessKey(plan.year(), plan.id()) + "/supervision/" + round.number();
  }

  /** What the supervisor's task says of the round: as of when, how many findings of which reason, where to see them. */
  public String summary(Round round) {
    Map<FindingReason, Long> counts = new EnumMap<>(FindingReason.class);
    records.findings(round.id()).forEach(stored -> counts.merge(stored.finding().reason(), 1L, Long::sum));
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    String scope = round.scopeUnits().isEmpty() ? "全部责任单位" : round.scopeUnits().size() + " 个指定单位";
    String head = "截至 " + round.asOf() + "，第 " + round.number() + " 轮" + round.kind().label() + "（" + scope + "）";
    if (total == 0) {
      return head + "未发现逾期、未报进展、低于序时进度或节点未完成的任务。";
    }
    String byReason = counts.entrySet().stream().map(entry -> entry.getKey().label() + " " + entry.getValue() + " 项")
        .collect(Collectors.joining("；"));
    return head + "共发现 " + total + " 项：" + byReason + "。逐项明细见督查页面（可按单位、原因筛选，可排除或补充）。";
  }

  /** Opens a round as of today: for the whole plan, or with {@code scopeUnits} for those units only. */
  @Transactional
  public Round open(long planId, RoundKind kind, Collection<String> scopeUnits, String user) {
    PlanDetail plan = plans.find(planId, directory.snapshot())
        .orElseThrow(() -> new IllegalArgumentException("没有编号为 " + planId + " 的工作计划"));
    if (kind == RoundKind.CYCLE) {
      records.flagOpenAsLate(planId);
    }
    LocalDate asOf = Deadlines.today();
    Instant now = Deadlines.now().toInstant();
    List<String> scope = List.copyOf(scopeUnits);
    long roundId = records.insertRound(planId, records.nextNumber(planId), kind, scope, asOf, user, now);
    Map<Long, PlanDetail.Task> tasks = plan.tasks().stream()
        .collect(Collectors.toMap(PlanDetail.Task::id, Function.identity()));
    List<AssignmentFacts> facts = executionFacts.ofPlan(planId).stream()
        .filter(fact -> scope.isEmpty() || scope.contains(fact.assignment().unitId())).toList();
    List<Finding> findings = new ArrayList<>(scan.scan(plan.plan().year(), tasks, facts, asOf));
    findings.addAll(overdueRectifications(planId, scope, asOf));
    for (Finding finding : findings) {
      records.insertFinding(roundId, finding, null, now);
    }
    Round round = records.round(roundId).orElseThrow();
    cards.decideAll(round, tasks, facts, findings);
    return round;
  }
}
