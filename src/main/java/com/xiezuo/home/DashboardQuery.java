package com.xiezuo.home;

import com.xiezuo.assessment.AssessmentRecords.Assessment;
import com.xiezuo.assessment.AssessmentViews;
import com.xiezuo.decomposition.Allocations;
import com.xiezuo.decomposition.IndicatorRow;
import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.execution.AssignmentStatus;
import com.xiezuo.execution.PlanExecutionFacts;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.progress.PlanProgress;
import com.xiezuo.progress.PlanProgressQuery;
import com.xiezuo.progress.TaskBucket;
import com.xiezuo.security.Viewer;
import com.xiezuo.supervision.CardColor;
import com.xiezuo.supervision.Rectifications;
import com.xiezuo.supervision.SupervisionCards;
import com.xiezuo.supervision.SupervisionRoundRecords.Card;
import com.xiezuo.supervision.SupervisionRoundRecords.Round;
import com.xiezuo.supervision.SupervisionRounds;
import com.xiezuo.workflow.AsSystem;
import com.xiezuo.workflow.Deadlines;
import com.xiezuo.workflow.ElementIds.UnitTask;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;

/**
 * Builds the dashboard of a plan from the progress read model and the plan's facts, in a fixed number of queries
 * whatever the plan's size. Every list is made with the same predicate as its count.
 */
@Service
public class DashboardQuery {

  static final int LISTED_DUE = 10;

  /** Steps of a unit's task that the lead unit or leadership work on, not the unit itself. */
  static final Set<String> OTHERS_STEPS = Set.of(UnitTask.LEAD_REVIEW, UnitTask.SIGN_OFF);

  private final PlanProgressQuery progress;
  private final UnitDirectory directory;
  private final UnitAssignments assignments;
  private final PlanExecutionFacts facts;
  private final SupervisionRounds rounds;
  private final SupervisionCards cards;
  private final Rectifications rectifications;
  private final AssessmentViews assessments;
  private final TaskService taskService;
  private final AsSystem asSystem;
  private final Allocations allocations;

  public DashboardQuery(PlanProgressQuery progress, UnitDirectory directory, UnitAssignments assignments,
      PlanExecutionFacts facts, SupervisionRounds rounds, SupervisionCards cards, Rectifications rectifications,
      AssessmentViews assessments, TaskService taskService, AsSystem asSystem, Allocations allocations) {
    this.allocations = allocations;
    this.taskService = taskService;
    this.asSystem = asSystem;
    this.progress = progress;
    this.directory = directory;
    this.assignments = assignments;
    this.facts = facts;
    this.rounds = rounds;
    this.cards = cards;
    this.rectifications = rectifications;
    this.assessments = assessments;
  }

  public Optional<PlanProgress> visible(long planId, Viewer viewer) {
    return progress.of(planId).map(plan -> plan.visibleTo(viewer));
  }

  public Map<String, String> unitNames() {
    return directory.findAll().stream().collect(Collectors.toMap(Unit::id, Unit::name, (a, b) -> a, LinkedHashMap::new));
  }

  public Optional<PlanDashboard> of(long planId, Viewer viewer) {
    return visible(planId, viewer).map(plan -> build(plan, viewer));
  }

  private PlanDashboard build(PlanProgress plan, Viewer viewer) {
    LocalDate today = Deadlines.today();
    Map<String, String> names = unitNames();
    List<PlanProgress.Row> rows = plan.rows().toList();
    Map<TaskBucket, Integer> counts = new EnumMap<>(TaskBucket.class);
    for (TaskBucket bucket : TaskBucket.values()) {
      counts.put(bucket, (int) rows.stream().filter(row -> bucket.holds(row, today)).count());
    }
    List<PlanDashboard.Line> dueSoon = lines(rows, row -> TaskBucket.DUE30.holds(row, today), names).stream()
        .sorted(Comparator.comparing(PlanDashboard.Line::deadline)).limit(LISTED_DUE).toList();
    return new PlanDashboard(plan.plan(), today, viewer.seesEveryUnit(), counts,
        completion(plan, rows, today), dueSoon, overdueByUnit(rows, names, today), plan.unitRates(names, today),
        indicators(plan.plan().id(), viewer, names), viewer.seesEveryUnit() ? supervision(plan.plan().id()) : null,
        ranking(plan.plan().id()));
  }

  /** The rows a count stands for, in plan order. */
  public List<PlanDashboard.Line> lines(List<PlanProgress.Row> rows, Predicate<PlanProgress.Row> which,
      Map<String, String> names) {
    return rows.stream().filter(which).map(row -> line(row, names)).toList();
  }

  static PlanDashboard.Line line(PlanProgress.Row row, Map<String, String> names) {
    var state = row.unitTask();
    return new PlanDashboard.Line(state.assignmentId(), row.task().number(), row.task().title(), state.unitId(),
        names.getOrDefault(state.unitId(), state.unitId()), state.isLead() ? "牵头单位" : "配合单位",
        AssignmentStatus.valueOf(state.status()).label(), state.light(), state.lightLabel(), row.task().deadline());
  }

  private List<PlanDashboard.Month> completion(PlanProgress plan, List<PlanProgress.Row> rows, LocalDate today) {
    Map<Long, LocalDate> completed = assignments.completedOn(plan.plan().id());
    List<PlanDashboard.Month> months = new ArrayList<>();
    int year = plan.plan().year();
    YearMonth last = YearMonth.of(year, 12);
    for (YearMonth month = YearMonth.of(year, 1); !month.isAfter(last); month = month.plusMonths(1)) {
      LocalDate end = month.atEndOfMonth();
      int due = (int) rows.stream().filter(row -> !TaskBucket.CANCELLED.holds(row, today)
          && !row.task().deadline().isAfter(end)).count();
      int done = month.atDay(1).isAfter(today) ? -1 : (int) rows.stream().filter(row -> {
        LocalDate day = completed.get(row.unitTask().assignmentId());
        return day != null && !day.isAfter(end);
      }).count();
      months.add(new PlanDashboard.Month(month.getMonthValue() + " 月", due, done));
    }
    return months;
  }

  private static List<PlanDashboard.UnitCount> overdueByUnit(List<PlanProgress.Row> rows, Map<String, String> names,
      LocalDate today) {
    Map<String, Integer> overdue = new LinkedHashMap<>();
    rows.stream().filter(row -> TaskBucket.RED.holds(row, today))
        .forEach(row -> overdue.merge(row.unitTask().unitId(), 1, Integer::sum));
    return overdue.entrySet().stream()
        .map(entry -> new PlanDashboard.UnitCount(entry.getKey(), names.getOrDefault(entry.getKey(), entry.getKey()),
            entry.getValue()))
        .sorted(Comparator.comparingInt(PlanDashboard.UnitCount::count).reversed()).toList();
  }

  /**
   * Each indicator with a target or a ledger: per unit its signed share against its own ledger. The headline is the
   * task's figure as the rest of Xiezuo counts it (the bulletins, the API, the assessment): the lead unit's ledger,
   * where the co-units' work is consolidated, against the plan's target; a unit that does not lead the task sees its
   * own ledger against its own share.
   */
  private List<PlanDashboard.IndicatorBar> indicators(long planId, Viewer viewer, Map<String, String> names) {
    Predicate<String> sees = unitId -> viewer.seesEveryUnit() || viewer.memberOf(unitId);
    Map<Long, Map<String, BigDecimal>> targets = new LinkedHashMap<>();
    Map<String, String> leads = new LinkedHashMap<>();
    for (PlanExecutionFacts.AssignmentFacts unitFacts : facts.ofPlan(planId)) {
      String unitId = unitFacts.assignment().unitId();
      if (unitFacts.assignment().isLead()) {
        leads.put(unitFacts.assignment().taskNumber(), unitId);
      }
      if (sees.test(unitId)) {
        unitFacts.indicators().forEach(indicator -> targets.computeIfAbsent(indicator.indicator().id(),
            id -> new LinkedHashMap<>()).put(unitId, indicator.target()));
      }
    }
    Map<Long, Map<String, BigDecimal>> totals = new LinkedHashMap<>();
    Map<Long, Map<String, BigDecimal>> latest = new LinkedHashMap<>();
    facts.ledgerOf(planId).stream().filter(line -> sees.test(line.unitId())).forEach(line -> {
      totals.computeIfAbsent(line.indicatorId(), id -> new LinkedHashMap<>()).merge(line.unitId(), line.amount(),
          BigDecimal::add);
      latest.computeIfAbsent(line.indicatorId(), id -> new LinkedHashMap<>()).put(line.unitId(), line.amount());
    });
    List<PlanDashboard.IndicatorBar> bars = new ArrayList<>();
    for (IndicatorRow row : allocations.indicators(planId)) {
      Map<String, BigDecimal> own = targets.getOrDefault(row.id(), Map.of());
      Map<String, BigDecimal> booked = (row.isRatio() ? latest : totals).getOrDefault(row.id(), Map.of());
      if (own.isEmpty() && booked.isEmpty()) {
        continue;
      }
      List<String> units = new ArrayList<>(own.keySet());
      booked.keySet().stream().filter(unitId -> !own.containsKey(unitId)).forEach(units::add);
      List<PlanDashboard.UnitShare> shares = units.stream().map(unitId -> new PlanDashboard.UnitShare(unitId,
          names.getOrDefault(unitId, unitId), own.get(unitId), booked.getOrDefault(unitId, BigDecimal.ZERO)
              .stripTrailingZeros())).toList();
      String lead = leads.get(row.taskNumber());
      boolean whole = lead != null && sees.test(lead);
      BigDecimal target = whole ? row.total() : own.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal achieved = whole ? booked.getOrDefault(lead, BigDecimal.ZERO)
          : booked.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      bars.add(new PlanDashboard.IndicatorBar(row.id(), row.taskNumber(), row.name(), row.unit(),
          target == null ? null : target.stripTrailingZeros(), achieved.stripTrailingZeros(), row.isRatio(),
          whole ? lead : null, shares));
    }
    return bars;
  }

  /** One unit's tasks of the plan; the caller has checked the viewer may see that unit. */
  public Optional<UnitOverview> unit(long planId, String unitId, Viewer viewer) {
    Map<String, String> names = unitNames();
    if (!names.containsKey(unitId)) {
      return Optional.empty();
    }
    return progress.of(planId).map(plan -> {
      LocalDate today = Deadlines.today();
      List<PlanProgress.Row> rows = plan.rows().filter(row -> row.unitTask().unitId().equals(unitId)).toList();
      Map<TaskBucket, Integer> counts = new EnumMap<>(TaskBucket.class);
      for (TaskBucket bucket : TaskBucket.values()) {
        counts.put(bucket, PlanProgress.count(rows, bucket, today));
      }
      Map<Long, PlanExecutionFacts.AssignmentFacts> byAssignment = facts.ofPlan(planId).stream()
          .filter(unitFacts -> unitFacts.assignment().unitId().equals(unitId))
          .collect(Collectors.toMap(unitFacts -> unitFacts.assignment().id(), unitFacts -> unitFacts));
      Map<String, List<UnitOverview.OpenStep>> steps = openSteps(rows, unitId, viewer);
      List<UnitOverview.Item> items = rows.stream().map(row -> {
        PlanDashboard.Line line = line(row, names);
        if (!row.unitTask().isActive()) {
          return new UnitOverview.Item(line, null, null, List.of());
        }
        var next = byAssignment.containsKey(line.assignmentId()) ? byAssignment.get(line.assignmentId()).milestones()
            .stream().filter(milestone -> !milestone.done() && milestone.milestone().date() != null
                && milestone.milestone().date().isBefore(row.task().deadline()))
            .min(Comparator.comparing(milestone -> milestone.milestone().date())) : Optional.<PlanExecutionFacts.Milestone>empty();
        return next.map(milestone -> new UnitOverview.Item(line, milestone.milestone().date(),
                "节点：" + milestone.milestone().text(), steps.getOrDefault(row.unitTask().processInstanceId(), List.of())))
            .orElse(new UnitOverview.Item(line, row.task().deadline(), "完成时限",
                steps.getOrDefault(row.unitTask().processInstanceId(), List.of())));
      }).toList();
      return new UnitOverview(plan.plan(), unitId, names.get(unitId), counts, items);
    });
  }

  /** The open steps, linked to Tasklist only for whoever works them: the unit its own, leadership its sign-off. */
  private Map<String, List<UnitOverview.OpenStep>> openSteps(List<PlanProgress.Row> rows, String unitId, Viewer viewer) {
    String[] instances = rows.stream().filter(row -> row.unitTask().isActive() && row.unitTask().processInstanceId() != null)
        .map(row -> row.unitTask().processInstanceId()).toArray(String[]::new);
    if (instances.length == 0) {
      return Map.of();
    }
    // the viewer's right to this unit was checked; the query names the instances, so it runs as the system
    return asSystem.call(() -> taskService.createTaskQuery().processInstanceIdIn(instances).orderByTaskCreateTime()
        .asc().list()).stream().collect(Collectors.groupingBy(task -> task.getProcessInstanceId(),
            Collectors.mapping(task -> new UnitOverview.OpenStep(task.getName(),
                worksOn(viewer, unitId, task.getTaskDefinitionKey())
                    ? HomeQuery.TASKLIST + task.getId() + "&forceDisplayTask=true" : null), Collectors.toList())));
  }

  static boolean worksOn(Viewer viewer, String unitId, String step) {
    if (UnitTask.SIGN_OFF.equals(step)) {
      return viewer.leadership();
    }
    return !OTHERS_STEPS.contains(step) && viewer.memberOf(unitId);
  }

  /** A supervision record behind a number on the dashboard: what, which unit, which unit task, and where to read it. */
  public record RecordLine(String what, String unitName, String taskNumber, String detail, String link) {}

  /** What the supervision tiles count, by kind: findings and cards of the latest round, the plan's notices. */
  public enum SupervisionList {
    FINDINGS("督查问题"), RED("红牌"), YELLOW("黄牌"), GREEN("绿牌"), OPEN("整改未销号"), OVERDUE("其中整改逾期"),
    CLOSED("整改已销号");

    private final String label;

    SupervisionList(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The records one supervision tile counts; the tile's number is this list's length. */
  public List<RecordLine> supervisionList(long planId, SupervisionList which) {
    Map<String, String> names = unitNames();
    return switch (which) {
      case FINDINGS -> latestRound(planId).map(round -> rounds.findings(round.id()).stream()
          .filter(finding -> !finding.isDismissed())
          .map(finding -> new RecordLine(finding.finding().reason().label(),
              names.getOrDefault(finding.finding().unitId(), finding.finding().unitId()), finding.finding().taskNumber(),
              finding.finding().detail(), "/execution/" + finding.finding().assignmentId())).toList())
          .orElse(List.of());
      case RED, YELLOW, GREEN -> latestRound(planId).map(round -> cards.ofRound(round.id()).values().stream()
          .filter(card -> card.color().name().equals(which.name()))
          .map(card -> new RecordLine(card.color().label(), names.getOrDefault(card.unitId(), card.unitId()),
              assignments.find(card.assignmentId()).map(a -> a.taskNumber()).orElse(""), card.reason(),
              "/execution/" + card.assignmentId())).toList())
          .orElse(List.of());
      case OPEN, OVERDUE, CLOSED -> rectifications.ofPlan(planId).stream()
          .filter(notice -> which == SupervisionList.OPEN ? notice.isOpen()
              : which == SupervisionList.OVERDUE ? notice.isOpen() && notice.overdue() : !notice.isOpen())
          .map(notice -> new RecordLine(notice.statusLabel(), names.getOrDefault(notice.unitId(), notice.unitId()),
              assignments.find(notice.assignmentId()).map(a -> a.taskNumber()).orElse(""), notice.problem(),
              "/rectifications/" + notice.id())).toList();
    };
  }

  private Optional<Round> latestRound(long planId) {
    return rounds.rounds(planId).stream().max(Comparator.comparingInt(Round::number));
  }

  private PlanDashboard.Supervision supervision(long planId) {
    List<Round> all = rounds.rounds(planId);
    var notices = rectifications.ofPlan(planId);
    int open = (int) notices.stream().filter(notice -> notice.isOpen()).count();
    int overdue = (int) notices.stream().filter(notice -> notice.isOpen() && notice.overdue()).count();
    if (all.isEmpty()) {
      return notices.isEmpty() ? null
          : new PlanDashboard.Supervision(0, 0, null, "", 0, 0, 0, 0, open, overdue, notices.size() - open);
    }
    Round latest = latestRound(planId).orElseThrow();
    int findings = (int) rounds.findings(latest.id()).stream().filter(finding -> !finding.isDismissed()).count();
    Map<CardColor, Long> colours = cards.ofRound(latest.id()).values().stream()
        .collect(Collectors.groupingBy(Card::color, Collectors.counting()));
    return new PlanDashboard.Supervision(latest.id(), latest.number(), latest.asOf(), latest.statusLabel(), findings,
        colours.getOrDefault(CardColor.RED, 0L).intValue(), colours.getOrDefault(CardColor.YELLOW, 0L).intValue(),
        colours.getOrDefault(CardColor.GREEN, 0L).intValue(), open, overdue, notices.size() - open);
  }

  private PlanDashboard.Ranking ranking(long planId) {
    List<Assessment> versions = assessments.versions(planId);
    Optional<PlanDashboard.Ranking> published = versions.stream().filter(version -> version.status().published())
        .max(Comparator.comparingInt(Assessment::version))
        .flatMap(version -> assessments.overview(version.id()))
        .map(overview -> new PlanDashboard.Ranking(overview.assessment().id(), overview.assessment().version(),
            overview.assessment().status().label(), true, overview.districts().stream()
                .map(unit -> new PlanDashboard.Ranked(unit.unitName(), unit.rank(), unit.total(), unit.grade()))
                .toList()));
    return published.orElseGet(() -> versions.stream().max(Comparator.comparingInt(Assessment::version))
        .map(version -> new PlanDashboard.Ranking(version.id(), version.version(), version.status().label(), false,
            List.of()))
        .orElse(null));
  }

}
