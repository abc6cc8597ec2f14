package com.xiezuo.decomposition;

import com.xiezuo.audit.AuditAction;
import com.xiezuo.audit.AuditEntry;
import com.xiezuo.audit.AuditTrail;
import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.plan.PlanDetail;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.workflow.AsSystem;
import com.xiezuo.workflow.ElementIds.IndicatorDecomposition;
import com.xiezuo.workflow.ProcessKeys;
import com.xiezuo.workflow.Quantities;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decomposition of a plan's agreement indicators across units: the table, its checks (parts sum to the total
 * within the declared rounding, non-negative, units consistent), each unit's answers, and the signed result.
 * Named "allocations" for the expressions of indicatorDecomposition.
 */
@Component("allocations")
public class Allocations {

  public record Response(String unitId, String decision, String reason, String respondedBy) {}

  private final JdbcClient jdbc;
  private final UnitDirectory directory;
  private final PlanRepository plans;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final AsSystem asSystem;
  private final AuditTrail audit;

  public Allocations(JdbcClient jdbc, UnitDirectory directory, PlanRepository plans, TaskService taskService,
      RuntimeService runtimeService, AsSystem asSystem, AuditTrail audit) {
    this.audit = audit;
    this.jdbc = jdbc;
    this.directory = directory;
    this.plans = plans;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.asSystem = asSystem;
  }

  public boolean planExists(long planId) {
    return plans.findSummary(planId).isPresent();
  }

  public List<IndicatorRow> indicators(long planId) {
    return plans.indicators(planId).stream().map(i -> new IndicatorRow(i.id(), i.taskNumber(), i.name(), i.statement(),
        i.comparator(), i.value(), i.unit(), i.stretch())).toList();
  }

  /** indicator id → unit id → value. */
  public Map<Long, Map<String, BigDecimal>> table(long planId) {
    Map<Long, Map<String, BigDecimal>> table = new LinkedHashMap<>();
    jdbc.sql("select indicator_id, unit_id, target_value from xz_allocation where plan_id = ? order by id").param(planId)
        .query(rs -> {
          table.computeIfAbsent(rs.getLong("indicator_id"), k -> new LinkedHashMap<>())
              .put(rs.getString("unit_id"), rs.getBigDecimal("target_value").stripTrailingZeros());
        });
    return table;
  }

  /** Replaces the draft table of a plan; refused whole if any entry is wrong. A signed table cannot change. */
  @Transactional
  public void save(long planId, List<AllocationEntry> entries, String user) {
    List<String> problems = validate(planId, entries);
    if (!problems.isEmpty()) {
      throw new AllocationProblemException(problems);
    }
    jdbc.sql("delete from xz_allocation where plan_id = ?").param(planId).update();
    for (AllocationEntry entry : entries) {
      jdbc.sql("insert into xz_allocation (plan_id, indicator_id, unit_id, target_value) values (?, ?, ?, ?)")
          .params(planId, entry.indicatorId(), entry.unitId(), entry.value()).update();
    }
    audit.record(AuditEntry.of(AuditAction.ALLOCATION_SAVED, user, "指标分解表").plan(planId)
        .detail(entries.size() + " 个分解值：\n" + summary(planId)));
  }

  /** Everything wrong with a draft table as entered, all at once; nothing is written. */
  public List<String> validate(long planId, List<AllocationEntry> entries) {
    Map<Long, IndicatorRow> indicators = indicators(planId).stream()
        .collect(Collectors.toMap(IndicatorRow::id, row -> row, (a, b) -> a, LinkedHashMap::new));
    PlanDetail plan = plans.find(planId, directory.snapshot()).orElseThrow();
    Map<String, Set<String>> responsible = responsibleUnits(plan);
    Map<String, String> names = unitNames();
    List<String> problems = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    if (isFinal(planId)) {
      problems.add("分解方案已签批生效，不能再修改");
    } else if (withUnitsOrLeadership(plan.plan())) {
      problems.add("分解方案已发各单位确认或正待领导签批，不能修改；退回后可在“编制指标分解方案”环节修改");
    }
    for (int i = 0; i < entries.size(); i++) {
      AllocationEntry entry = entries.get(i);
      if (entry == null) {
        problems.add("第 " + (i + 1) + " 项为空（null）：每项须写明 indicatorId、unitId 和 value");
        continue;
      }
      IndicatorRow indicator = indicators.get(entry.indicatorId());
      String where = indicator == null ? "指标 #" + entry.indicatorId() : "指标“" + indicator.label() + "”";
      if (indicator == null) {
        problems.add(where + "不属于该计划");
        continue;
      }
      if (!names.containsKey(entry.unitId())) {
        problems.add(where + "：单位名录中没有“" + entry.unitId() + "”");
      } else if (!responsible.getOrDefault(indicator.taskNumber(), Set.of()).contains(entry.unitId())) {
        problems.add(where + "：" + names.get(entry.unitId()) + "不是任务 " + indicator.taskNumber() + " 的责任单位");
      }
      if (entry.value() == null || entry.value().signum() < 0) {
        problems.add(where + "：" + entry.unitId() + " 的分解值须为非负数");
      } else if (entry.value().abs().compareTo(Quantities.LIMIT) >= 0
          || entry.value().stripTrailingZeros().scale() > Quantities.MAX_DECIMALS) {
        problems.add(where + "：" + entry.unitId() + " 的分解值超出范围（上限 1000 万亿，最多 "
            + Quantities.MAX_DECIMALS + " 位小数）");
      }
      if (entry.unit() != null && !entry.unit().isBlank() && !entry.unit().equals(indicator.unit())) {
        problems.add(where + "：计量单位应为“" + indicator.unit() + "”，不是“" + entry.unit() + "”");
      }
      if (!seen.add(entry.indicatorId() + "/" + entry.unitId())) {
        problems.add(where + "：" + entry.unitId() + " 重复填写");
      }
    }
    return problems;
  }

  /** Task number → the concrete units responsible for it (group tokens such as 各结对区 expanded). */
  public Map<String, Set<String>> responsibleUnits(long planId) {
    return responsibleUnits(plans.find(planId, directory.snapshot()).orElseThrow());
  }

  private static Map<String, Set<String>> responsibleUnits(PlanDetail plan) {
    Map<String, Set<String>> units = new LinkedHashMap<>();
    for (PlanDetail.Task task : plan.tasks()) {
      units.put(task.number(), task.units().stream().flatMap(unit -> unit.unitIds().stream())
          .collect(Collectors.toCollection(LinkedHashSet::new)));
    }
    return units;
  }

  /** Whether the table is out with the units for confirmation or with leadership for sign-off. */
  private boolean withUnitsOrLeadership(PlanSummary plan) {
    String key = PlanImportService.businessKey(plan.year(), plan.id());
    return asSystem.call(() -> runtimeService.createExecutionQuery().processDefinitionKey(ProcessKeys.INDICATOR_DECOMPOSITION)
        .processInstanceBusinessKey(key).activityId(IndicatorDecomposition.CONFIRM_ALLOCATION).count() > 0
        || taskService.createTaskQuery().processDefinitionKey(ProcessKeys.INDICATOR_DECOMPOSITION)
        .processInstanceBusinessKey(key).taskDefinitionKey(IndicatorDecomposition.SIGN_OFF_ALLOCATION).count() > 0);
  }

  /** What stops the table from going to the units: sums off by more than the rounding, or nothing filled in. */
  public List<String> check(long planId, BigDecimal rounding) {
    return check(planId, table(planId), rounding);
  }

  /** The same checks for a table as typed, before it is saved. */
  public List<String> check(long planId, List<AllocationEntry> entries, BigDecimal rounding) {
    Map<Long, Map<String, BigDecimal>> table = new LinkedHashMap<>();
    entries.stream().filter(entry -> entry.value() != null).forEach(entry ->
        table.computeIfAbsent(entry.indicatorId(), k -> new LinkedHashMap<>()).put(entry.unitId(), entry.value()));
    return check(planId, table, rounding);
  }

  private List<String> check(long planId, Map<Long, Map<String, BigDecimal>> table, BigDecimal rounding) {
    List<String> problems = new ArrayList<>();
    if (table.isEmpty()) {
      problems.add("尚未填写分解表：请在“指标分解表”页面为至少一项协议指标填写各单位的分解值");
    }
    Map<String, String> names = unitNames();
    for (IndicatorRow indicator : indicators(planId)) {
      Map<String, BigDecimal> parts = table.get(indicator.id());
      if (parts == null) {
        continue;
      }
      if (!indicator.isSplit()) {
        problems.addAll(eachMeetsTheTarget(indicator, parts, names));
        continue;
      }
      BigDecimal sum = parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      if (sum.subtract(indicator.total()).abs().compareTo(rounding) > 0) {
        problems.add("指标“" + indicator.label() + "”各单位合计 " + Quantities.format(sum, indicator.unit())
            + "，与总量 " + Quantities.format(indicator.total(), indicator.unit()) + " 不符（允许舍入误差 "
            + rounding.stripTrailingZeros().toPlainString() + " " + indicator.unit() + "）");
      }
    }
    return problems;
  }

  /** A ratio or "each at least" target: every unit's value must meet it on its own. */
  static List<String> eachMeetsTheTarget(IndicatorRow indicator, Map<String, BigDecimal> parts, Map<String, String> names) {
    List<String> problems = new ArrayList<>();
    parts.forEach((unitId, value) -> {
      boolean short_ = switch (indicator.comparator()) {
        case ">=" -> value.compareTo(indicator.total()) < 0;
        case "<=" -> value.compareTo(indicator.total()) > 0;
        default -> value.compareTo(indicator.total()) != 0;
      };
      if (short_) {
        problems.add("指标“" + indicator.label() + "”是各单位分别要达到的目标（" + Quantities.comparator(indicator.comparator())
            + " " + Quantities.format(indicator.total(), indicator.unit()) + "）：" + names.getOrDefault(unitId, unitId)
            + " 的 " + Quantities.format(value, indicator.unit()) + " 不符");
      }
    });
    return problems;
  }

  /** Units that confirm the proposal: every unit with a part in the table, in directory order. */
  public List<String> confirmingUnits(Long planId) {
    Set<String> inTable = new LinkedHashSet<>();
    table(planId).values().forEach(parts -> inTable.addAll(parts.keySet()));
    return directory.findAll().stream().map(Unit::id).filter(inTable::contains).toList();
  }

  public String summary(long planId) {
    Map<Long, Map<String, BigDecimal>> table = table(planId);
    Map<String, String> names = unitNames();
    StringBuilder text = new StringBuilder();
    for (IndicatorRow indicator : indicators(planId)) {
      Map<String, BigDecimal> parts = table.get(indicator.id());
      if (parts == null) {
        continue;
      }
      text.append(indicator.label()).append("（总量 ").append(Quantities.comparator(indicator.comparator()))
          .append(' ').append(Quantities.format(indicator.total(), indicator.unit())).append("）：");
      text.append(parts.entrySet().stream()
          .map(part -> names.getOrDefault(part.getKey(), part.getKey()) + " " + Quantities.format(part.getValue(), indicator.unit()))
          .collect(Collectors.joining("；"))).append('\n');
    }
    return text.toString().trim();
  }

  public String unitSummary(long planId, String unitId) {
    Map<Long, Map<String, BigDecimal>> table = table(planId);
    List<String> lines = new ArrayList<>();
    for (IndicatorRow indicator : indicators(planId)) {
      BigDecimal part = table.getOrDefault(indicator.id(), Map.of()).get(unitId);
      if (part != null) {
        lines.add(indicator.label() + "：" + Quantities.comparator(indicator.comparator()) + " "
            + Quantities.format(part, indicator.unit()) + "（计划总量 " + Quantities.format(indicator.total(), indicator.unit()) + "）");
      }
    }
    return String.join("\n", lines);
  }

  public void recordResponse(long planId, int round, String unitId, String decision, String reason, String user) {
    jdbc.sql("""
        insert into xz_allocation_response (plan_id, round, unit_id, decision, reason, responded_by, responded_at)
        values (?, ?, ?, ?, ?, ?, ?)""")
        .params(planId, round, unitId, decision, reason, user, Timestamp.from(ClockUtil.getCurrentTime().toInstant()))
        .update();
  }

  public List<Response> responses(long planId, int round) {
    return jdbc.sql("select * from xz_allocation_response where plan_id = ? and round = ? order by id")
        .params(planId, round)
        .query((rs, n) -> new Response(rs.getString("unit_id"), rs.getString("decision"), rs.getString("reason"),
            rs.getString("responded_by")))
        .list();
  }

  public void finalizeTable(long planId) {
    jdbc.sql("update xz_allocation set final = true where plan_id = ?").param(planId).update();
  }

  public boolean isFinal(long planId) {
    return jdbc.sql("select count(*) from xz_allocation where plan_id = ? and final = true").param(planId)
        .query(Long.class).single() > 0;
  }

  /** The signed part of an indicator for a unit, if the plan's decomposition gave it one. */
  public Optional<BigDecimal> finalTarget(long indicatorId, String unitId) {
    return jdbc.sql("select target_value from xz_allocation where indicator_id = ? and unit_id = ? and final = true")
        .params(indicatorId, unitId).query(BigDecimal.class).optional().map(BigDecimal::stripTrailingZeros);
  }

  public Map<String, String> unitNames() {
    Map<String, String> names = new LinkedHashMap<>();
    directory.findAll().forEach(unit -> names.put(unit.id(), unit.name()));
    return names;
  }
}
