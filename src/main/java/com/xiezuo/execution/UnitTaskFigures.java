package com.xiezuo.execution;

import com.xiezuo.decomposition.Allocations;
import com.xiezuo.decomposition.IndicatorRow;
import com.xiezuo.workflow.Quantities;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  /**
   * What a unit's ledger stands at, per indicator: amounts and counts add up over the entries; a ratio (%) does not
   * — its latest entry stands (58 % then 60 % is 60 %, never 118 %).
   */
  public Map<Long, BigDecimal> standing(UnitAssignment assignment) {
    return standing(assignment.id(), indicatorsOf(assignment));
  }

  private Map<Long, BigDecimal> standing(long assignmentId, List<IndicatorRow> indicators) {
    Map<Long, BigDecimal> totals = data.ledgerTotals(assignmentId);
    Map<Long, BigDecimal> latest = data.ledgerLatest(assignmentId);
    Map<Long, BigDecimal> standing = new LinkedHashMap<>();
    for (IndicatorRow indicator : indicators) {
      BigDecimal value = (indicator.isRatio() ? latest : totals).get(indicator.id());
      standing.put(indicator.id(), value == null ? BigDecimal.ZERO : value);
    }
    return standing;
  }

  /** "台账合计" for what adds up, "台账最新值" for a ratio. */
  public static String standingLabel(IndicatorRow indicator) {
    return indicator.isRatio() ? "台账最新值" : "台账合计";
  }

  /** Per indicator: the unit's ledger standing, its signed share of the target (if decomposed) and the task's target. */
  public String ledgerSummary(UnitAssignment assignment) {
    Map<Long, BigDecimal> totals = standing(assignment);
    List<String> lines = new ArrayList<>();
    for (IndicatorRow indicator : indicatorsOf(assignment)) {
      BigDecimal total = totals.getOrDefault(indicator.id(), BigDecimal.ZERO);
      String share = allocations.finalTarget(indicator.id(), assignment.unitId())
          .map(target -> "本单位分解目标 " + Quantities.format(target, indicator.unit()) + "；").orElse("");
      lines.add(indicator.label() + "：" + standingLabel(indicator) + " " + Quantities.format(total, indicator.unit()) + "（" + share + "全任务目标 "
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
      Map<Long, BigDecimal> totals = standing(co);
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
  public BigDecimal achieved(long planTaskId, IndicatorRow indicator) {
    return data.leadAssignment(planTaskId).map(lead -> standing(lead, List.of(indicator)).get(indicator.id()))
        .orElse(BigDecimal.ZERO);
  }

  /** One unit's ledger standing on one indicator. */
  public BigDecimal standing(UnitAssignment assignment, IndicatorRow indicator) {
    return standing(assignment.id(), List.of(indicator)).get(indicator.id());
  }

  private static String excerpt(String text) {
    return text.length() <= 120 ? text : text.substring(0, 120) + "……";
  }
}
