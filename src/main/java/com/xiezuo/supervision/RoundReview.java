package com.xiezuo.supervision;

import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.execution.AssignmentStatus;
import com.xiezuo.execution.PlanExecutionFacts.AssignmentFacts;
import com.xiezuo.execution.PlanExecutionFacts;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.supervision.SupervisionRoundRecords.Round;
import com.xiezuo.supervision.SupervisionRoundRecords.StoredFinding;
import com.xiezuo.workflow.Deadlines;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a supervisor does with an open round: dismisses a finding with a reason, adds one, raises or clears a red card
 * by hand. Each action is refused whole, with every problem in Chinese; a finished round cannot change.
 */
@Service
public class RoundReview {

  static final int DISMISS_REASON_MAX = 500;
  static final int DETAIL_MAX = 1000;

  private final SupervisionRoundRecords records;
  private final SupervisionCards cards;
  private final PlanExecutionFacts executionFacts;
  private final UnitAssignments assignments;
  private final PlanRepository plans;
  private final UnitDirectory directory;
  private final SupervisionRounds rounds;

  public RoundReview(SupervisionRoundRecords records, SupervisionCards cards, PlanExecutionFacts executionFacts,
      UnitAssignments assignments, PlanRepository plans, UnitDirectory directory, SupervisionRounds rounds) {
    this.records = records;
    this.rounds = rounds;
    this.cards = cards;
    this.executionFacts = executionFacts;
    this.assignments = assignments;
    this.plans = plans;
    this.directory = directory;
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
    cards.redecide(round, finding.finding().assignmentId(), deadlineOf(round, finding.finding().assignmentId()),
        "排除发现");
    rounds.refreshSummary(round);
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
    long id = records.insertFinding(round.id(), Finding.of(assignment.id(), assignment.unitId(),
        assignment.taskNumber(), FindingReason.MANUAL, text, Deadlines.today()), user, Deadlines.now().toInstant());
    cards.redecide(round, assignment.id(), deadlineOf(round, assignment.id()), "补充发现");
    rounds.refreshSummary(round);
    return id;
  }

  private Round openRound(long roundId) {
    Round round = records.round(roundId)
        .orElseThrow(() -> new SupervisionProblemException("没有编号为 " + roundId + " 的督查轮次"));
    if (!round.isOpen()) {
      throw new SupervisionProblemException("第 " + round.number() + " 轮督查已完成，发现不能再修改");
    }
    return round;
  }
}
