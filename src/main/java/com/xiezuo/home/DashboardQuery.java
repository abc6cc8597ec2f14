package com.xiezuo.home;

import com.xiezuo.assessment.AssessmentRecords.Assessment;
import com.xiezuo.assessment.AssessmentViews;
import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.execution.AssignmentStatus;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.progress.PlanProgress;
import com.xiezuo.progress.PlanProgressQuery;
import com.xiezuo.progress.TaskBucket;
import com.xiezuo.security.Viewer;
import com.xiezuo.workflow.Deadlines;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Builds the dashboard of a plan from the progress read model and the plan's facts, in a fixed number of queries
 * whatever the plan's size. Every list is made with the same predicate as its count.
 */
@Service
public class DashboardQuery {

  static final int LISTED_DUE = 10;

  private final PlanProgressQuery progress;
  private final UnitDirectory directory;
  private final UnitAssignments assignments;
  private final AssessmentViews assessments;
  private final IndicatorBars indicatorBars;
  private final SupervisionTiles supervisionTiles;

  public DashboardQuery(PlanProgressQuery progress, UnitDirectory directory, UnitAssignments assignments,
      AssessmentViews assessments, IndicatorBars indicatorBars, SupervisionTiles supervisionTiles) {
    this.progress = progress;
    this.directory = directory;
    this.assignments = assignments;
    this.assessments = assessments;
    this.indicatorBars = indicatorBars;
    this.supervisionTiles = supervisionTiles;
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
        indicatorBars.of(plan.plan().id(), viewer, names),
        viewer.seesEveryUnit() ? supervisionTiles.summary(plan.plan().id()) : null,
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
