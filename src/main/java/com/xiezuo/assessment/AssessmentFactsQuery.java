package com.xiezuo.assessment;

import com.xiezuo.assessment.UnitFacts.Fact;
import com.xiezuo.decomposition.IndicatorRow;
import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.execution.AssignmentStatus;
import com.xiezuo.execution.PlanExecutionFacts.AssignmentFacts;
import com.xiezuo.execution.PlanExecutionFacts.Report;
import com.xiezuo.execution.PlanExecutionFacts;
import com.xiezuo.execution.ReportPeriods;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.plan.PlanDetail;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.supervision.CardColor;
import com.xiezuo.supervision.RectificationRecords.Rectification;
import com.xiezuo.supervision.Rectifications;
import com.xiezuo.supervision.SupervisionRoundRecords.Card;
import com.xiezuo.supervision.SupervisionRoundRecords.Round;
import com.xiezuo.supervision.SupervisionRoundRecords;
import com.xiezuo.supervision.bulletin.BulletinRecords.Mention;
import com.xiezuo.supervision.bulletin.BulletinRecords;
import com.xiezuo.supervision.bulletin.MentionKind;
import com.xiezuo.workflow.Quantities;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The year's facts per unit as the index system counts them, read from the records of every feature below
 * (execution, supervision and its bulletins), as they were: a task once overdue counts as late though an extension
 * later cleared its overdue flag.
 */
@Component
public class AssessmentFactsQuery {

  private final PlanRepository plans;
  private final UnitDirectory directory;
  private final UnitAssignments assignments;
  private final PlanExecutionFacts executionFacts;
  private final ReportPeriods periods;
  private final Rectifications rectifications;
  private final SupervisionRoundRecords rounds;
  private final BulletinRecords bulletins;

  public AssessmentFactsQuery(PlanRepository plans, UnitDirectory directory, UnitAssignments assignments,
      PlanExecutionFacts executionFacts, ReportPeriods periods, Rectifications rectifications,
      SupervisionRoundRecords rounds, BulletinRecords bulletins) {
    this.plans = plans;
    this.directory = directory;
    this.assignments = assignments;
    this.executionFacts = executionFacts;
    this.periods = periods;
    this.rectifications = rectifications;
    this.rounds = rounds;
    this.bulletins = bulletins;
  }

  /** Every unit with a unit task of the plan (cancelled ones aside), districts first, as of {@code asOf}. */
  public List<UnitFacts> of(long planId, LocalDate asOf, int emptyReportChars) {
    PlanDetail plan = plans.find(planId, directory.snapshot()).orElseThrow();
    Map<Long, PlanDetail.Task> tasks = plan.tasks().stream()
        .collect(Collectors.toMap(PlanDetail.Task::id, Function.identity()));
    List<AssignmentFacts> facts = executionFacts.ofPlan(planId).stream()
        .filter(fact -> fact.assignment().status() != AssignmentStatus.CANCELLED).toList();
    Set<Long> everOverdue = assignments.everOverdue(planId);
    Map<Long, List<Report>> reports = executionFacts.reports(planId).stream()
        .collect(Collectors.groupingBy(Report::assignmentId));
    Map<Long, Map<Long, Card>> cardsByRound = new HashMap<>();
    for (Card card : rounds.cardsOfPlan(planId)) {
      cardsByRound.computeIfAbsent(card.roundId(), id -> new LinkedHashMap<>()).put(card.assignmentId(), card);
    }
    Map<Long, Integer> roundNumbers = rounds.roundsOf(planId).stream()
        .collect(Collectors.toMap(Round::id, Round::number));
    List<Rectification> notices = rectifications.ofPlan(planId);
    List<Mention> mentions = bulletins.publishedMentionsOfPlan(planId);

    List<UnitFacts> result = new ArrayList<>();
    for (Unit unit : directory.districtsFirst()) {
      List<AssignmentFacts> own = facts.stream().filter(fact -> fact.assignment().unitId().equals(unit.id())).toList();
      if (!own.isEmpty()) {
        result.add(count(unit, own, tasks, everOverdue, reports, new Cards(cardsByRound, roundNumbers), notices,
            mentions, asOf, emptyReportChars));
      }
    }
    return result;
  }

  /** The cards of every round, by round and unit task, with the rounds' numbers. */
  private record Cards(Map<Long, Map<Long, Card>> byRound, Map<Long, Integer> roundNumbers) {}

  /** The counts being made for one unit, with the facts behind them. */
  private static final class Tally {
    final List<Fact> facts = new ArrayList<>();
    int leadTasks;
    int coTasks;
    int leadDone;
    int coDone;
    int late;
    int missing;
    int empty;
    int lateReports;
    int indicators;
    BigDecimal attainment = BigDecimal.ZERO;
    int stretch;
    int red;
    int yellow;
    int overdueNotices;
    int praised;
    int criticised;

    void fact(String component, String kind, long recordId, String text) {
      facts.add(new Fact(component, kind, recordId, text));
    }
  }

  private UnitFacts count(Unit unit, List<AssignmentFacts> own, Map<Long, PlanDetail.Task> tasks,
      Set<Long> everOverdue, Map<Long, List<Report>> reports, Cards cards,
      List<Rectification> notices, List<Mention> mentions, LocalDate asOf, int emptyReportChars) {
    Tally tally = new Tally();
    for (AssignmentFacts fact : own) {
      PlanDetail.Task task = tasks.get(fact.assignment().planTaskId());
      String label = fact.assignment().taskNumber() + " " + (task == null ? "" : task.title());
      List<Report> submitted = reports.getOrDefault(fact.assignment().id(), List.of());
      LocalDate completedOn = submitted.stream().filter(Report::isCompletion).map(Report::submittedOn)
          .reduce((first, second) -> second).orElse(null);
      LocalDate deadline = task == null ? null : task.deadline();
      task(tally, fact.assignment(), label, everOverdue.contains(fact.assignment().id()), completedOn, deadline, asOf);
      reporting(tally, fact, label, submitted, completedOn, deadline, asOf, emptyReportChars);
      fact.indicators().forEach(indicator -> indicator(tally, fact.assignment(), indicator));
    }
    for (Map<Long, Card> roundCards : cards.byRound().values()) {
      for (AssignmentFacts fact : own) {
        Card card = roundCards.get(fact.assignment().id());
        if (card != null && card.color() != CardColor.GREEN) {
          tally.red += card.color() == CardColor.RED ? 1 : 0;
          tally.yellow += card.color() == CardColor.YELLOW ? 1 : 0;
          PlanDetail.Task task = tasks.get(fact.assignment().planTaskId());
          tally.fact("supervision", "CARD", fact.assignment().id(), "第 " + cards.roundNumbers().get(card.roundId())
              + " 轮督查 · " + fact.assignment().taskNumber() + " " + (task == null ? "" : task.title()) + "："
              + card.color().label() + "（" + card.describe() + "）");
        }
      }
    }
    notices.stream().filter(notice -> notice.unitId().equals(unit.id()) && notice.overdue()).forEach(notice -> {
      tally.overdueNotices++;
      tally.fact("supervision", "RECTIFICATION", notice.id(), "第 " + notice.id() + " 号整改通知逾期（期限 "
          + notice.dueDate() + "，" + notice.statusLabel() + "）");
    });
    mentions.stream().filter(mention -> mention.unitId().equals(unit.id())).forEach(mention -> {
      boolean praise = mention.kind() == MentionKind.PRAISE;
      tally.praised += praise ? 1 : 0;
      tally.criticised += praise ? 0 : 1;
      tally.fact(praise ? "bonus" : "penalty", "BULLETIN", mention.bulletinId(),
          mention.kind().label() + "：" + mention.facts());
    });
    BigDecimal average = tally.indicators == 0 ? null
        : tally.attainment.divide(BigDecimal.valueOf(tally.indicators), 6, RoundingMode.HALF_UP);
    return new UnitFacts(unit.id(), unit.name(), unit.isDistrict(), tally.leadTasks, tally.coTasks, tally.leadDone,
        tally.coDone, tally.late, tally.indicators, average, tally.stretch, tally.missing, tally.empty,
        tally.lateReports, tally.overdueNotices, tally.red, tally.yellow, tally.praised, tally.criticised,
        List.copyOf(tally.facts));
  }

  private static void task(Tally tally, UnitAssignment assignment, String label, boolean everOverdue,
      LocalDate completedOn, LocalDate deadline, LocalDate asOf) {
    boolean done = assignment.status() == AssignmentStatus.COMPLETED;
    if (assignment.isLead()) {
      tally.leadTasks++;
      tally.leadDone += done ? 1 : 0;
    } else {
      tally.coTasks++;
      tally.coDone += done ? 1 : 0;
    }
    tally.fact("completion", "TASK", assignment.id(), label + "（" + (assignment.isLead() ? "牵头" : "配合") + "）："
        + (done ? "已办结" : "未办结"));
    String lateness = lateness(everOverdue, done, completedOn, deadline, asOf);
    if (lateness != null) {
      tally.late++;
      tally.fact("onTime", "TASK", assignment.id(), label + "：" + lateness);
    }
  }

  /** Periods that ended while the task ran and have no report; reports too short to say anything; late ones. */
  private void reporting(Tally tally, AssignmentFacts fact, String label, List<Report> submitted,
      LocalDate completedOn, LocalDate deadline, LocalDate asOf, int emptyReportChars) {
    long id = fact.assignment().id();
    if (fact.handedOutOn() != null && deadline != null) {
      LocalDate stop = completedOn != null && completedOn.isBefore(asOf) ? completedOn : asOf;
      for (LocalDate end : periods.all(fact.handedOutOn(), deadline)) {
        if (end.isBefore(stop) && !fact.reportedPeriods().contains(end)) {
          tally.missing++;
          tally.fact("reporting", "TASK", id, label + "：" + periods.label(end) + "进展缺报");
        }
      }
    }
    for (Report report : submitted) {
      if (report.isCompletion() || report.periodEnd() == null) {
        continue;
      }
      if (report.length() < emptyReportChars) {
        tally.empty++;
        tally.fact("reporting", "TASK", id, label + "：" + periods.label(report.periodEnd()) + "进展仅 "
            + report.length() + " 字（空报）");
      }
      if (report.submittedOn().isAfter(report.periodEnd())) {
        tally.lateReports++;
        tally.fact("reporting", "TASK", id, label + "：" + periods.label(report.periodEnd()) + "进展于 "
            + report.submittedOn() + " 报送（迟报）");
      }
    }
  }

  private static void indicator(Tally tally, UnitAssignment assignment, PlanExecutionFacts.Indicator indicator) {
    tally.indicators++;
    BigDecimal reached = reached(indicator);
    tally.attainment = tally.attainment.add(reached);
    String measure = indicator.indicator().unit();
    tally.fact("indicator", "TASK", assignment.id(), indicator.indicator().label() + "：目标 "
        + Quantities.format(indicator.target(), measure) + "，台账 " + Quantities.format(indicator.standing(), measure)
        + "，完成 " + reached.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP) + "%");
    BigDecimal stretchTarget = stretchTarget(indicator);
    if (stretchTarget != null && indicator.standing().compareTo(stretchTarget) >= 0) {
      tally.stretch++;
      tally.fact("bonus", "TASK", assignment.id(), indicator.indicator().label() + "：达到力争目标 "
          + Quantities.format(stretchTarget, measure));
    }
  }

  /** Why a task counts as late, or null: it went overdue (an extension does not undo that), or finished late. */
  static String lateness(boolean everOverdue, boolean done, LocalDate completedOn, LocalDate deadline, LocalDate asOf) {
    if (deadline == null) {
      return null;
    }
    if (completedOn != null && completedOn.isAfter(deadline)) {
      return "截止 " + deadline + "，" + completedOn + " 才报送完成（超期完成）";
    }
    if (!done && completedOn == null && deadline.isBefore(asOf)) {
      return "截止 " + deadline + "，至 " + asOf + " 未完成（逾期）";
    }
    if (everOverdue) {
      return "曾于截止日期后逾期（后经延期或补办）";
    }
    return null;
  }

  /** Share of the unit's own target reached, at most 1; a ceiling ("不超过") is reached or not. */
  private static BigDecimal reached(PlanExecutionFacts.Indicator indicator) {
    BigDecimal target = indicator.target();
    BigDecimal standing = indicator.standing();
    if ("<=".equals(indicator.indicator().comparator())) {
      return standing.compareTo(target) <= 0 ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (target.signum() <= 0) {
      return BigDecimal.ONE;
    }
    return standing.divide(target, 6, RoundingMode.HALF_UP).min(BigDecimal.ONE);
  }

  /** The stretch target (力争) as the unit carries it: a level for ratios and "each" targets, else its share. */
  private static BigDecimal stretchTarget(PlanExecutionFacts.Indicator indicator) {
    IndicatorRow row = indicator.indicator();
    if (row.stretch() == null) {
      return null;
    }
    if (!row.isSplit() || row.total() == null || row.total().signum() == 0) {
      return row.stretch();
    }
    return row.stretch().multiply(indicator.target()).divide(row.total(), 4, RoundingMode.HALF_UP);
  }
}
