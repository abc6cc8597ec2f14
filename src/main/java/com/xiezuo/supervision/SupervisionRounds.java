package com.xiezuo.supervision;

import static com.xiezuo.workflow.ProcessVariables.FINDINGS_SUMMARY;
import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;
import static com.xiezuo.workflow.ProcessVariables.PLAN_TITLE;
import static com.xiezuo.workflow.ProcessVariables.PLAN_YEAR;
import static com.xiezuo.workflow.ProcessVariables.ROUND_ID;
import static com.xiezuo.workflow.ProcessVariables.ROUND_LABEL;
import static com.xiezuo.workflow.ProcessVariables.SUPERVISION_ROUND;

import com.xiezuo.directory.UnitDirectory;
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
      SupervisionCards cards, UnitAssignments assignments, RectificationRecords rectificationRecords,
      @Value("${xiezuo.supervision.behind-schedule-points:15}") int behindSchedulePoints) {
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
    ROUND_LABEL.put(variables, label(round));
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
    ROUND_LABEL.set(execution, label(round));
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

  static String label(Round round) {
    return "第 " + round.number() + " 轮" + round.kind().label();
  }

  public static String businessKey(PlanSummary plan, Round round) {
    return PlanImportService.businessKey(plan.year(), plan.id()) + "/supervision/" + round.number();
  }

  /** What the supervisor's task says of the round: as of when, how many findings of which reason, where to see them. */
  public String summary(Round round) {
    Map<FindingReason, Long> counts = new EnumMap<>(FindingReason.class);
    List<StoredFinding> findings = records.findings(round.id());
    findings.stream().filter(stored -> !stored.isDismissed())
        .forEach(stored -> counts.merge(stored.finding().reason(), 1L, Long::sum));
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    long dismissed = findings.stream().filter(StoredFinding::isDismissed).count();
    String scope = round.scopeUnits().isEmpty() ? "全部责任单位" : round.scopeUnits().size() + " 个指定单位";
    String head = "截至 " + round.asOf() + "，" + label(round) + "（" + scope + "）";
    String set = dismissed == 0 ? "" : "（另已排除 " + dismissed + " 项）";
    if (total == 0) {
      return head + "未发现逾期、未报进展、低于序时进度或节点未完成的任务" + set + "。";
    }
    String byReason = counts.entrySet().stream().map(entry -> entry.getKey().label() + " " + entry.getValue() + " 项")
        .collect(Collectors.joining("；"));
    return head + "有效发现 " + total + " 项" + set + "：" + byReason + "。逐项明细见本轮督查页面（可按单位、原因筛选，可排除或补充）。";
  }

  /** After the supervisor dismissed or added a finding: the review task shows the round as it now stands. */
  void refreshSummary(Round round) {
    if (round.processInstanceId() == null) {
      return;
    }
    asSystem.run(() -> {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(round.processInstanceId()).count() == 1) {
        runtimeService.setVariable(round.processInstanceId(), FINDINGS_SUMMARY.name(), summary(round));
      }
    });
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
