package com.xiezuo.demo;

import com.xiezuo.decomposition.AllocationEntry;
import com.xiezuo.decomposition.Allocations;
import com.xiezuo.decomposition.IndicatorRow;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.directory.UnitKind;
import com.xiezuo.execution.Evidence;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitTaskActions;
import com.xiezuo.execution.UnitTaskFigures;
import com.xiezuo.plan.PlanDetail;
import com.xiezuo.plan.PlanRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The demo's figures: the coordinator's split of each agreement indicator among the paired districts (or the
 * task's other units), and the ledger entries units file — about two fifths with their first monthly report, the
 * rest, a little over target, with their completion report. A lead unit books the task's consolidated figure.
 */
@Component
class DemoLedger {

  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

  private final Allocations allocations;
  private final PlanRepository plans;
  private final UnitDirectory directory;
  private final UnitTaskFigures figures;
  private final UnitTaskActions actions;
  private final Evidence evidence;
  private final Set<Long> startedLedgers = new HashSet<>();

  DemoLedger(Allocations allocations, PlanRepository plans, UnitDirectory directory, UnitTaskFigures figures,
      UnitTaskActions actions, Evidence evidence) {
    this.evidence = evidence;
    this.allocations = allocations;
    this.plans = plans;
    this.directory = directory;
    this.figures = figures;
    this.actions = actions;
  }

  /** Equal shares of what is split (in 万 for money, whole numbers for counts); each unit meets a ratio itself. */
  List<AllocationEntry> split(long planId) {
    PlanDetail plan = plans.find(planId, directory.snapshot()).orElseThrow();
    List<AllocationEntry> entries = new ArrayList<>();
    for (IndicatorRow indicator : allocations.indicators(planId)) {
      List<String> units = sharers(plan, indicator.taskNumber());
      if (units.isEmpty()) {
        continue;
      }
      BigDecimal grain = grain(indicator);
      BigDecimal share = indicator.isSplit()
          ? indicator.total().divide(BigDecimal.valueOf(units.size()).multiply(grain), 0, RoundingMode.DOWN).multiply(grain)
          : indicator.total();
      BigDecimal rest = indicator.isSplit() ? indicator.total().subtract(share.multiply(BigDecimal.valueOf(units.size())))
          : BigDecimal.ZERO;
      for (int i = 0; i < units.size(); i++) {
        entries.add(new AllocationEntry(indicator.id(), units.get(i), i == 0 ? share.add(rest) : share, indicator.unit()));
      }
    }
    return entries;
  }

  /** The task's paired districts if it has any, else its co-units, else its lead unit. */
  private List<String> sharers(PlanDetail plan, String taskNumber) {
    PlanDetail.Task task = plan.tasks().stream().filter(t -> t.number().equals(taskNumber)).findFirst().orElseThrow();
    List<String> districts = new ArrayList<>();
    List<String> coUnits = new ArrayList<>();
    List<String> lead = new ArrayList<>();
    for (PlanDetail.Responsible responsible : task.units()) {
      for (String unitId : responsible.unitIds()) {
        boolean district = directory.find(unitId).map(unit -> unit.kind() == UnitKind.DISTRICT).orElse(false);
        List<String> into = district ? districts : PlanDetail.Responsible.LEAD.equals(responsible.role()) ? lead : coUnits;
        if (!into.contains(unitId)) {
          into.add(unitId);
        }
      }
    }
    return !districts.isEmpty() ? districts : !coUnits.isEmpty() ? coUnits : lead;
  }

  private static BigDecimal grain(IndicatorRow indicator) {
    return "元".equals(indicator.unit()) && indicator.total().compareTo(BigDecimal.valueOf(1_000_000)) >= 0
        ? TEN_THOUSAND : BigDecimal.ONE;
  }

  /** With the first monthly report: about 40 % of what is split, a ratio a little under its target. */
  void partly(UnitAssignment assignment, String user, LocalDate day) {
    if (assignment == null || !startedLedgers.add(assignment.id())) {
      return;
    }
    for (IndicatorRow indicator : figures.indicatorsOf(assignment)) {
      Optional<BigDecimal> target = target(assignment, indicator);
      BigDecimal value = target.map(t -> !indicator.isRatio() ? rounded(t.multiply(new BigDecimal("0.4")), indicator)
          : t.subtract(BigDecimal.valueOf(2 + DemoWork.pick(assignment.businessKey(), "ratio", 3)))).orElse(BigDecimal.ZERO);
      if (value.signum() > 0) {
        actions.addLedgerEntry(assignment, indicator.id(), day, value, "阶段进展（演示数据）", user);
      }
    }
  }

  /** With the completion report: the split total brought to 100–115 % of the target, a ratio at or above it. */
  void fully(UnitAssignment assignment, String user, LocalDate day) {
    if (assignment == null) {
      return;
    }
    int over = DemoWork.pick(assignment.businessKey(), "over", 16);
    for (IndicatorRow indicator : figures.indicatorsOf(assignment)) {
      Optional<BigDecimal> target = target(assignment, indicator);
      if (target.isEmpty()) {
        continue;
      }
      BigDecimal standing = figures.standing(assignment, indicator);
      BigDecimal value = !indicator.isRatio()
          ? rounded(target.get().multiply(BigDecimal.valueOf(100 + over, 2)), indicator).subtract(standing)
          : target.get().add(BigDecimal.valueOf(over % 5));
      if (value.signum() > 0) {
        actions.addLedgerEntry(assignment, indicator.id(), day, value, "完成情况（演示数据）", user);
      }
    }
    // what a unit attaches to its completion report: a short note of the work done, so the demo's archive has files
    String note = "任务 " + assignment.taskNumber() + " 完成情况佐证（演示数据）\n报送单位：" + user + "\n日期：" + day + "\n";
    evidence.store(assignment.id(), "任务" + assignment.taskNumber() + "完成情况佐证.txt",
        note.getBytes(StandardCharsets.UTF_8), "完成情况佐证（演示数据）", user);
  }

  /** The lead unit answers for the task's whole target; a co-unit for its signed share, if it has one. */
  private Optional<BigDecimal> target(UnitAssignment assignment, IndicatorRow indicator) {
    return assignment.isLead() ? Optional.of(indicator.total()) : allocations.finalTarget(indicator.id(), assignment.unitId());
  }

  private static BigDecimal rounded(BigDecimal value, IndicatorRow indicator) {
    BigDecimal grain = grain(indicator);
    return value.divide(grain, 0, RoundingMode.HALF_UP).multiply(grain);
  }
}
