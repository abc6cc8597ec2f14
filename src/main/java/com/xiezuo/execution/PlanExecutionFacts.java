package com.xiezuo.execution;

import com.xiezuo.decomposition.Allocations;
import com.xiezuo.decomposition.IndicatorRow;
import com.xiezuo.plan.PlanMilestone;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.workflow.AsSystem;
import com.xiezuo.workflow.Deadlines;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What every unit of a plan has done, read in a fixed handful of queries whatever the plan's size: for a supervision
 * round or a dashboard looking at ~300 unit tasks at once (the per-task reads of {@link UnitTaskData} would be N+1).
 */
@Component
public class PlanExecutionFacts {

  /** One unit task's record: when it was handed out, which periods it reported, its ledger against its own target. */
  public record AssignmentFacts(UnitAssignment assignment, LocalDate handedOutOn, Set<LocalDate> reportedPeriods,
      boolean completionReported, List<Indicator> indicators, List<Milestone> milestones) {}

  /** An indicator as one unit carries it: its own target (its signed share, or the whole target for the lead). */
  public record Indicator(IndicatorRow indicator, BigDecimal target, BigDecimal standing) {}

  public record Milestone(PlanMilestone milestone, boolean done) {}

  /** A report as submitted: its kind, the period it is for (none for a completion report), how long, and when. */
  public record Report(long assignmentId, String kind, LocalDate periodEnd, int length, LocalDate submittedOn) {

    public boolean isCompletion() {
      return UnitTaskData.COMPLETION.equals(kind);
    }
  }

  private final JdbcClient jdbc;
  private final UnitAssignments assignments;
  private final Allocations allocations;
  private final PlanRepository plans;
  private final HistoryService historyService;
  private final AsSystem asSystem;

  public PlanExecutionFacts(JdbcClient jdbc, UnitAssignments assignments, Allocations allocations,
      PlanRepository plans, HistoryService historyService, AsSystem asSystem) {
    this.asSystem = asSystem;
    this.jdbc = jdbc;
    this.assignments = assignments;
    this.allocations = allocations;
    this.plans = plans;
    this.historyService = historyService;
  }

  public List<AssignmentFacts> ofPlan(long planId) {
    List<UnitAssignment> all = assignments.ofPlan(planId);
    Map<String, LocalDate> started = startDates(all);
    Map<Long, Set<LocalDate>> periods = new HashMap<>();
    Set<Long> completed = new HashSet<>();
    jdbc.sql("""
        select r.assignment_id, r.kind, r.period_end from xz_progress_report r
        join xz_unit_assignment a on a.id = r.assignment_id where a.plan_id = ?""").param(planId).query(rs -> {
          if (UnitTaskData.COMPLETION.equals(rs.getString("kind"))) {
            completed.add(rs.getLong("assignment_id"));
          } else if (rs.getDate("period_end") != null) {
            periods.computeIfAbsent(rs.getLong("assignment_id"), k -> new HashSet<>())
                .add(rs.getDate("period_end").toLocalDate());
          }
        });
    Map<Long, Map<Long, BigDecimal>> totals = new HashMap<>();
    Map<Long, Map<Long, BigDecimal>> latest = new HashMap<>();
    jdbc.sql("""
        select e.assignment_id, e.indicator_id, e.amount from xz_ledger_entry e
        join xz_unit_assignment a on a.id = e.assignment_id where a.plan_id = ? order by e.entry_date, e.id""")
        .param(planId).query(rs -> {
          long assignment = rs.getLong("assignment_id");
          long indicator = rs.getLong("indicator_id");
          BigDecimal amount = rs.getBigDecimal("amount");
          totals.computeIfAbsent(assignment, k -> new HashMap<>()).merge(indicator, amount, BigDecimal::add);
          latest.computeIfAbsent(assignment, k -> new HashMap<>()).put(indicator, amount);
        });
    Map<Long, Set<Long>> milestonesDone = new HashMap<>();
    jdbc.sql("""
        select m.assignment_id, m.milestone_id from xz_assignment_milestone m
        join xz_unit_assignment a on a.id = m.assignment_id where a.plan_id = ?""").param(planId)
        .query(rs -> {
          milestonesDone.computeIfAbsent(rs.getLong("assignment_id"), k -> new HashSet<>()).add(rs.getLong("milestone_id"));
        });
    List<IndicatorRow> indicators = allocations.indicators(planId);
    Map<Long, Map<String, BigDecimal>> signed = allocations.isFinal(planId) ? allocations.table(planId) : Map.of();
    Map<Long, List<PlanMilestone>> milestones = plans.milestonesOfPlan(planId);
    return all.stream().map(assignment -> {
      List<Indicator> own = indicators.stream().filter(row -> row.taskNumber().equals(assignment.taskNumber()))
          .map(row -> {
            BigDecimal target = signed.getOrDefault(row.id(), Map.of()).get(assignment.unitId());
            if (target == null && assignment.isLead() && !signed.containsKey(row.id())) {
              target = row.total();
            }
            Map<Long, BigDecimal> values = (row.isRatio() ? latest : totals).getOrDefault(assignment.id(), Map.of());
            return target == null ? null
                : new Indicator(row, target.stripTrailingZeros(), values.getOrDefault(row.id(), BigDecimal.ZERO)
                    .stripTrailingZeros());
          }).filter(Objects::nonNull).toList();
      Set<Long> done = milestonesDone.getOrDefault(assignment.id(), Set.of());
      List<Milestone> due = milestones.getOrDefault(assignment.planTaskId(), List.of()).stream()
          .map(milestone -> new Milestone(milestone, done.contains(milestone.id()))).toList();
      return new AssignmentFacts(assignment, started.get(assignment.processInstanceId()),
          periods.getOrDefault(assignment.id(), Set.of()), completed.contains(assignment.id()), own, due);
    }).toList();
  }

  /** A ledger entry behind a dashboard's bar: which unit task, when, how much, noted by whom. */
  public record LedgerLine(long assignmentId, long indicatorId, String unitId, String taskNumber, LocalDate date,
      BigDecimal amount, String note, String createdBy) {}

  /** The whole ledger of the plan's unit tasks, oldest first. */
  public List<LedgerLine> ledgerOf(long planId) {
    return jdbc.sql("""
        select e.assignment_id, e.indicator_id, a.unit_id, a.task_number, e.entry_date, e.amount, e.note, e.created_by
        from xz_ledger_entry e join xz_unit_assignment a on a.id = e.assignment_id
        where a.plan_id = ? order by e.entry_date, e.id""")
        .param(planId)
        .query((rs, n) -> new LedgerLine(rs.getLong("assignment_id"), rs.getLong("indicator_id"), rs.getString("unit_id"),
            rs.getString("task_number"), rs.getDate("entry_date").toLocalDate(), rs.getBigDecimal("amount")
                .stripTrailingZeros(), rs.getString("note"), rs.getString("created_by")))
        .list();
  }

  /** Every report of the plan's unit tasks, oldest first. */
  public List<Report> reports(long planId) {
    return jdbc.sql("""
        select r.assignment_id, r.kind, r.period_end, length(r.report_text) as text_length, r.submitted_at
        from xz_progress_report r join xz_unit_assignment a on a.id = r.assignment_id where a.plan_id = ?
        order by r.submitted_at, r.id""").param(planId)
        .query((rs, row) -> new Report(rs.getLong("assignment_id"), rs.getString("kind"),
            rs.getDate("period_end") == null ? null : rs.getDate("period_end").toLocalDate(), rs.getInt("text_length"),
            Deadlines.toLocalDate(rs.getTimestamp("submitted_at")))).list();
  }

  /** Read as the system: the facts are the same whoever asks (an assessor may not read every unit's history). */
  private Map<String, LocalDate> startDates(List<UnitAssignment> all) {
    Set<String> ids = new HashSet<>();
    all.stream().map(UnitAssignment::processInstanceId).filter(Objects::nonNull).forEach(ids::add);
    Map<String, LocalDate> started = new LinkedHashMap<>();
    if (!ids.isEmpty()) {
      asSystem.call(() -> historyService.createHistoricProcessInstanceQuery().processInstanceIds(ids).list())
          .forEach(instance -> started.put(instance.getId(), Deadlines.toLocalDate(instance.getStartTime())));
    }
    return started;
  }
}
