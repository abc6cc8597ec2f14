package com.xiezuo.execution;

import com.xiezuo.decomposition.Allocations;
import com.xiezuo.decomposition.IndicatorRow;
import com.xiezuo.workflow.Quantities;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A unit's figures on a task (ledger totals per indicator) and, for the lead unit, what its co-units contributed:
 * the lead consolidates them, and the task's achieved value is the lead's figure.
 */
@Component
public class UnitTaskFigures {

  private final UnitTaskData data;
  private final UnitAssignments assignments;
  private final Allocations allocations;

  public UnitTaskFigures(UnitTaskData data, UnitAssignments assignments, Allocations allocations) {
    this.data = data;
    this.assignments = assignments;
    this.allocations = allocations;
  }

  public List<IndicatorRow> indicatorsOf(UnitAssignment assignment) {
    return allocations.indicators(assignment.planId()).stream()
        .filter(indicator -> indicator.taskNumber().equals(assignment.taskNumber())).toList();
  }

  /** Per indicator: the unit's ledger total, its signed share of the target (if decomposed) and the task's target. */
  public String ledgerSummary(UnitAssignment assignment) {
    Map<Long, BigDecimal> totals = data.ledgerTotals(assignment.id());
    List<String> lines = new ArrayList<>();
    for (IndicatorRow indicator : indicatorsOf(assignment)) {
      BigDecimal total = totals.getOrDefault(indicator.id(), BigDecimal.ZERO);
      String share = allocations.finalTarget(indicator.id(), assignment.unitId())
          .map(target -> "本单位分解目标 " + Quantities.format(target, indicator.unit()) + "；").orElse("");
      lines.add(indicator.label() + "：台账合计 " + Quantities.format(total, indicator.unit()) + "（" + share + "全任务目标 "
          + Quantities.comparator(indicator.comparator()) + " " + Quantities.format(indicator.total(), indicator.unit()) + "）");
    }
    return lines.isEmpty() ? "本任务无协议指标" : String.join("\n", lines);
  }

  public String coUnitContributions(UnitAssignment lead, Map<String, String> unitNames) {
    if (!lead.isLead()) {
      return "";
    }
    List<String> lines = new ArrayList<>();
    for (UnitAssignment co : assignments.ofTask(lead.planTaskId())) {
      if (co.isLead()) {
        continue;
      }
      Map<Long, BigDecimal> totals = data.ledgerTotals(co.id());
      StringBuilder line = new StringBuilder(unitNames.getOrDefault(co.unitId(), co.unitId())).append("（")
          .append(co.status().label()).append("）");
      for (IndicatorRow indicator : indicatorsOf(co)) {
        line.append("；").append(indicator.label()).append(" ")
            .append(Quantities.format(totals.getOrDefault(indicator.id(), BigDecimal.ZERO), indicator.unit()));
      }
      data.reports(co.id()).stream().filter(report -> report.kind().equals(UnitTaskData.COMPLETION))
          .reduce((first, second) -> second)
          .ifPresent(report -> line.append("；完成情况：").append(excerpt(report.text())));
      lines.add(line.toString());
    }
    return lines.isEmpty() ? "本任务没有配合单位" : String.join("\n", lines);
  }

  /** The task's achieved value of an indicator: the lead unit's ledger (co-units' figures are consolidated there). */
  public BigDecimal achieved(long planTaskId, long indicatorId) {
    return data.leadAssignment(planTaskId).map(data::ledgerTotals)
        .map(totals -> totals.getOrDefault(indicatorId, BigDecimal.ZERO)).orElse(BigDecimal.ZERO);
  }

  private static String excerpt(String text) {
    return text.length() <= 120 ? text : text.substring(0, 120) + "……";
  }
}
