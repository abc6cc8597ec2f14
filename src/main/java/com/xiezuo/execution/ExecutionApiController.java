package com.xiezuo.execution;

import com.xiezuo.decomposition.Allocations;
import com.xiezuo.decomposition.IndicatorRow;
import com.xiezuo.security.Viewer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Execution figures over the API: each indicator's target and its achieved value, which is the lead unit's ledger
 * ({@code achieved} is left out for a co-unit, which reads only its own ledger).
 */
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

  /**
   * Per role: coordinators, leadership and supervisors see every indicator and unit; a unit sees the indicators of
   * its own tasks with its own ledger total, and, where it leads the task, its co-units' and the task's total.
   */
  @GetMapping("/api/plans/{planId}/indicators")
  public List<IndicatorProgress> indicators(@PathVariable long planId, Authentication user) {
    Viewer viewer = Viewer.of(user);
    List<UnitAssignment> all = assignments.ofPlan(planId);
    List<IndicatorProgress> progress = new ArrayList<>();
    for (IndicatorRow indicator : allocations.indicators(planId)) {
      List<UnitAssignment> ofTask = all.stream().filter(a -> a.taskNumber().equals(indicator.taskNumber())).toList();
      boolean leads = viewer.seesEveryUnit() || ofTask.stream().anyMatch(a -> a.isLead() && viewer.memberOf(a.unitId()));
      boolean responsible = leads || ofTask.stream().anyMatch(a -> viewer.memberOf(a.unitId()));
      if (!responsible) {
        continue;
      }
      Map<String, BigDecimal> byUnit = new LinkedHashMap<>();
      ofTask.stream().filter(a -> leads || viewer.memberOf(a.unitId())).forEach(a -> byUnit.put(a.unitId(),
          figures.standing(a, indicator)));
      BigDecimal achieved = !leads ? null
          : ofTask.isEmpty() ? BigDecimal.ZERO : figures.achieved(ofTask.get(0).planTaskId(), indicator);
      progress.add(new IndicatorProgress(indicator, achieved, byUnit));
    }
    return progress;
  }
}
