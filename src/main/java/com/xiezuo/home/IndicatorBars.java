package com.xiezuo.home;

import com.xiezuo.decomposition.Allocations;
import com.xiezuo.decomposition.IndicatorRow;
import com.xiezuo.execution.PlanExecutionFacts;
import com.xiezuo.security.Viewer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/** The dashboard's indicator attainment: each indicator's headline figure and its per-unit bars. */
@Component
class IndicatorBars {

  private final PlanExecutionFacts facts;
  private final Allocations allocations;

  IndicatorBars(PlanExecutionFacts facts, Allocations allocations) {
    this.facts = facts;
    this.allocations = allocations;
  }

  /**
   * Each indicator with a target or a ledger: per unit its signed share against its own ledger. The headline is the
   * task's figure as the rest of Xiezuo counts it (the bulletins, the API, the assessment): the lead unit's ledger,
   * where the co-units' work is consolidated, against the plan's target; a unit that does not lead the task sees its
   * own ledger against its own share.
   */
  List<PlanDashboard.IndicatorBar> of(long planId, Viewer viewer, Map<String, String> names) {
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
}
