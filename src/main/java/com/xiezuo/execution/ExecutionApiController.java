package com.xiezuo.execution;

import com.xiezuo.decomposition.Allocations;
import com.xiezuo.decomposition.IndicatorRow;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Execution figures over the API: each indicator's target and its achieved value, which is the lead unit's ledger. */
@RestController
public class ExecutionApiController {

  public record IndicatorProgress(IndicatorRow indicator, BigDecimal achieved, Map<String, BigDecimal> byUnit) {}

  private final Allocations allocations;
  private final UnitTaskFigures figures;
  private final UnitAssignments assignments;
  private final UnitTaskData data;

  public ExecutionApiController(Allocations allocations, UnitTaskFigures figures, UnitAssignments assignments,
      UnitTaskData data) {
    this.allocations = allocations;
    this.figures = figures;
    this.assignments = assignments;
    this.data = data;
  }

  @GetMapping("/api/plans/{planId}/indicators")
  public List<IndicatorProgress> indicators(@PathVariable long planId) {
    List<UnitAssignment> all = assignments.ofPlan(planId);
    return allocations.indicators(planId).stream().map(indicator -> {
      Map<String, BigDecimal> byUnit = new java.util.LinkedHashMap<>();
      long planTaskId = all.stream().filter(a -> a.taskNumber().equals(indicator.taskNumber())).findFirst()
          .map(UnitAssignment::planTaskId).orElse(-1L);
      all.stream().filter(a -> a.planTaskId() == planTaskId).forEach(a -> byUnit.put(a.unitId(),
          data.ledgerTotals(a.id()).getOrDefault(indicator.id(), BigDecimal.ZERO)));
      return new IndicatorProgress(indicator, planTaskId < 0 ? BigDecimal.ZERO : figures.achieved(planTaskId, indicator.id()),
          byUnit);
    }).toList();
  }
}
