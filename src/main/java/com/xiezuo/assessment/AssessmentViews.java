package com.xiezuo.assessment;

import com.xiezuo.assessment.AdjustmentRecords.Adjustment;
import com.xiezuo.assessment.AssessmentRecords.AssessedUnit;
import com.xiezuo.assessment.AssessmentRecords.Assessment;
import com.xiezuo.assessment.AssessmentRecords.Event;
import com.xiezuo.assessment.AssessmentRecords.SelfAssessing;
import com.xiezuo.assessment.AssessmentRecords.StoredComponent;
import com.xiezuo.assessment.UnitFacts.Fact;
import com.xiezuo.plan.PlanRepository;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** What the assessment pages show: the ranking by class, and one unit's score sheet with its facts and points. */
@Service
public class AssessmentViews {

  /** Component keys the facts are filed under, by decision. */
  static final Map<String, String> FACTS_OF = Map.of("decision_completionScore", "completion",
      "decision_onTimeScore", "onTime", "decision_indicatorScore", "indicator", "decision_reportingScore",
      "reporting", "decision_supervisionScore", "supervision", "decision_bonus", "bonus", "decision_penalty",
      "penalty");

  public record Overview(Assessment assessment, String planTitle, List<AssessedUnit> districts,
      List<AssessedUnit> others, List<Event> events) {}

  public record SheetLine(StoredComponent component, List<Fact> facts) {}

  public record Sheet(Assessment assessment, String planTitle, AssessedUnit unit, List<SheetLine> lines,
      List<Adjustment> adjustments, BigDecimal adjustmentTotal, BigDecimal innovationTotal) {}

  private final AssessmentRecords records;
  private final AdjustmentRecords adjustmentRecords;
  private final PlanRepository plans;

  public AssessmentViews(AssessmentRecords records, AdjustmentRecords adjustmentRecords, PlanRepository plans) {
    this.records = records;
    this.adjustmentRecords = adjustmentRecords;
    this.plans = plans;
  }

  public Optional<Overview> overview(long id) {
    return records.find(id).map(assessment -> {
      List<AssessedUnit> units = records.units(id).stream()
          .sorted(Comparator.comparing((AssessedUnit unit) -> unit.rank() == null ? Integer.MAX_VALUE
              : unit.rank()).thenComparing(AssessedUnit::position)).toList();
      return new Overview(assessment, planTitle(assessment), units.stream().filter(AssessedUnit::district).toList(),
          units.stream().filter(unit -> !unit.district()).toList(), records.events(id));
    });
  }

  public Optional<Sheet> sheet(long id, String unitId) {
    return records.find(id).flatMap(assessment -> records.units(id).stream()
        .filter(unit -> unit.unitId().equals(unitId)).findFirst().map(unit -> {
          List<Fact> facts = records.facts(id, unitId);
          List<SheetLine> lines = records.components(id, unitId).stream()
              .map(component -> new SheetLine(component, facts.stream()
                  .filter(fact -> fact.component().equals(FACTS_OF.get(component.decisionKey()))).toList()))
              .toList();
          List<Adjustment> adjustments = adjustmentRecords.adjustments(id).stream()
              .filter(adjustment -> adjustment.unitId().equals(unitId)).toList();
          return new Sheet(assessment, planTitle(assessment), unit, lines, adjustments,
              sum(adjustments, AdjustmentKind.ADJUSTMENT), sum(adjustments, AdjustmentKind.INNOVATION));
        }));
  }

  public List<Assessment> latest(int limit) {
    return records.latest(limit);
  }

  /** Every version of a plan's assessment, the latest first. */
  public List<Assessment> versions(long planId) {
    return records.ofPlan(planId);
  }

  /** The reader's units in assessments collecting self-assessments (where they claim innovation items). */
  public List<SelfAssessing> selfAssessing(Set<String> groups) {
    return records.selfAssessing(groups);
  }

  public Map<Long, String> planTitles(List<Assessment> assessments) {
    return assessments.stream().map(Assessment::planId).distinct()
        .collect(Collectors.toMap(planId -> planId, planId -> plans.findSummary(planId)
            .map(plan -> plan.title()).orElse("")));
  }

  /** Who signs the assessment 通报: the plan's issuer. */
  public String issuer(Assessment assessment) {
    return plans.findSummary(assessment.planId()).map(plan -> plan.issuer()).filter(issuer -> issuer != null
        && !issuer.isBlank()).orElse("东西部协作工作领导小组");
  }

  private String planTitle(Assessment assessment) {
    return plans.findSummary(assessment.planId()).map(plan -> plan.title()).orElse("");
  }

  private static BigDecimal sum(List<Adjustment> adjustments, AdjustmentKind kind) {
    return adjustments.stream().filter(adjustment -> adjustment.standing() && adjustment.kind() == kind)
        .map(Adjustment::points)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
