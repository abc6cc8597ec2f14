package com.xiezuo.archive;

import com.xiezuo.decomposition.Allocations;
import com.xiezuo.decomposition.IndicatorRow;
import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.execution.AssignmentStatus;
import com.xiezuo.execution.PlanExecutionFacts;
import com.xiezuo.progress.PlanProgress;
import com.xiezuo.progress.PlanProgressQuery;
import com.xiezuo.progress.TaskBucket;
import com.xiezuo.progress.UnitRate;
import com.xiezuo.security.Viewer;
import com.xiezuo.workflow.Deadlines;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The plan's exports as offices hand them to the level above: the ledger (台账) and the units' completion table as
 * .xlsx, the progress report as .docx. Each holds what the viewer may see: unit staff their own units' rows.
 */
@Service
public class PlanExports {

  /** What an export is made of: the plan's progress and facts as the viewer may see them, read once. */
  record Snapshot(PlanProgress plan, List<PlanExecutionFacts.AssignmentFacts> facts,
      List<PlanExecutionFacts.LedgerLine> ledger, Map<Long, IndicatorRow> indicators, Map<String, String> unitNames,
      LocalDate asOf) {

    String unitName(String unitId) {
      return unitNames.getOrDefault(unitId, unitId);
    }

    String caption(String what) {
      return plan.plan().year() + " 年 " + plan.plan().title() + " · " + what + "（截至 " + asOf + "）";
    }
  }

  private final PlanProgressQuery progress;
  private final PlanExecutionFacts facts;
  private final Allocations allocations;
  private final UnitDirectory directory;

  public PlanExports(PlanProgressQuery progress, PlanExecutionFacts facts, Allocations allocations,
      UnitDirectory directory) {
    this.progress = progress;
    this.facts = facts;
    this.allocations = allocations;
    this.directory = directory;
  }

  Optional<Snapshot> snapshot(long planId, Viewer viewer) {
    return snapshot(planId, viewer.seesEveryUnit() ? unitId -> true : viewer::memberOf,
        plan -> plan.visibleTo(viewer));
  }

  /** The whole plan, every unit's rows: for the archive, which only the overseeing roles may request. */
  Optional<Snapshot> wholePlan(long planId) {
    return snapshot(planId, unitId -> true, plan -> plan);
  }

  private Optional<Snapshot> snapshot(long planId, Predicate<String> sees, UnaryOperator<PlanProgress> visible) {
    return progress.of(planId).map(visible).map(plan -> {
      Map<String, String> names = directory.findAll().stream()
          .collect(Collectors.toMap(Unit::id, Unit::name, (a, b) -> a, LinkedHashMap::new));
      return new Snapshot(plan,
          facts.ofPlan(planId).stream().filter(one -> sees.test(one.assignment().unitId())).toList(),
          facts.ledgerOf(planId).stream().filter(line -> sees.test(line.unitId())).toList(),
          allocations.indicators(planId).stream().collect(Collectors.toMap(IndicatorRow::id, Function.identity(),
              (a, b) -> a, LinkedHashMap::new)),
          names, Deadlines.today());
    });
  }

  /** The ledger: every entry, and per indicator and unit its target against the ledger's total. */
  public Optional<byte[]> ledger(long planId, Viewer viewer) {
    return snapshot(planId, viewer).map(PlanExports::ledgerWorkbook);
  }

  static byte[] ledgerWorkbook(Snapshot s) {
    Map<String, String> titles = titles(s.plan());
    List<List<Object>> entries = new ArrayList<>();
    for (PlanExecutionFacts.LedgerLine line : s.ledger()) {
      IndicatorRow indicator = s.indicators().get(line.indicatorId());
      entries.add(List.of(line.taskNumber(), titles.getOrDefault(line.taskNumber(), ""),
          indicator == null ? "" : indicator.name(), s.unitName(line.unitId()), line.date().toString(), line.amount(),
          indicator == null || indicator.unit() == null ? "" : indicator.unit(), nullToEmpty(line.note()),
          nullToEmpty(line.createdBy())));
    }
    List<List<Object>> totals = new ArrayList<>();
    for (PlanExecutionFacts.AssignmentFacts unit : s.facts()) {
      for (PlanExecutionFacts.Indicator indicator : unit.indicators()) {
        totals.add(List.of(indicator.indicator().taskNumber(), indicator.indicator().name(),
            s.unitName(unit.assignment().unitId()), indicator.target(), indicator.standing(),
            nullToEmpty(indicator.indicator().unit()), percent(indicator.standing(), indicator.target())));
      }
    }
    return Workbooks.of(
        new Workbooks.Table("台账明细", s.caption("台账明细"),
            List.of("任务编号", "任务", "指标", "单位", "日期", "数量", "计量单位", "说明", "登记人"), entries),
        new Workbooks.Table("指标完成情况", s.caption("指标完成情况"),
            List.of("任务编号", "指标", "单位", "分解目标", "台账累计", "计量单位", "完成率（%）"), totals));
  }

  /** Each unit's completion rate, and every unit task with its state. */
  public Optional<byte[]> rates(long planId, Viewer viewer) {
    return snapshot(planId, viewer).map(PlanExports::ratesWorkbook);
  }

  static byte[] ratesWorkbook(Snapshot s) {
    List<List<Object>> units = new ArrayList<>();
    for (UnitRate rate : s.plan().unitRates(s.unitNames(), s.asOf())) {
      units.add(List.of(rate.unitName(), rate.total(), rate.done(), rate.ratePercent(), rate.overdue(), rate.dueSoon()));
    }
    List<List<Object>> tasks = s.plan().rows().map(row -> List.<Object>of(row.task().number(), row.task().title(),
        s.unitName(row.unitTask().unitId()), row.unitTask().isLead() ? "牵头单位" : "配合单位", row.task().deadline().toString(),
        AssignmentStatus.valueOf(row.unitTask().status()).label(), row.unitTask().lightLabel())).toList();
    return Workbooks.of(
        new Workbooks.Table("各单位完成率", s.caption("各单位完成情况"),
            List.of("单位", "单位任务", "已办结", "完成率（%）", "已逾期", TaskBucket.DUE30.label()), units),
        new Workbooks.Table("单位任务明细", s.caption("单位任务明细"),
            List.of("任务编号", "任务", "单位", "角色", "完成时限", "状态", "进度"), tasks));
  }

  public Optional<byte[]> progressReport(long planId, Viewer viewer) {
    return snapshot(planId, viewer).map(ProgressReportDocx::write);
  }

  static Map<String, String> titles(PlanProgress plan) {
    Map<String, String> titles = new LinkedHashMap<>();
    plan.tasks().forEach(task -> titles.put(task.task().number(), task.task().title()));
    return titles;
  }

  static Object percent(BigDecimal achieved, BigDecimal target) {
    if (target == null || target.signum() == 0) {
      return "";
    }
    return achieved.multiply(BigDecimal.valueOf(100)).divide(target, 1, RoundingMode.HALF_UP);
  }

  static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
