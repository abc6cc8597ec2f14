package com.xiezuo.plan;

import com.xiezuo.directory.DirectorySnapshot;
import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitRef;
import com.xiezuo.plan.parse.ParsedIndicator;
import com.xiezuo.plan.parse.ParsedPlan;
import com.xiezuo.plan.parse.ParsedTask;
import com.xiezuo.workflow.TextChecks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Everything wrong with a plan before anything is stored, each problem naming task/row and field. */
final class PlanValidator {

  private static final Set<String> COMPARATORS = Set.of(">=", "<=", "=");
  /** numeric(20, 4): sixteen digits before the point, four after. */
  private static final BigDecimal VALUE_LIMIT = new BigDecimal("1e16");
  private static final int MAX_SCALE = 4;
  private static final int MAX_UNITS = 200;
  private static final int MAX_INDICATORS = 100;
  private static final int MAX_MILESTONES = 100;
  private static final int SHOWN = 40;

  private PlanValidator() {}

  /** {@code rows} maps task numbers to spreadsheet rows, when the plan came from a spreadsheet. */
  static List<ImportProblem> validate(ParsedPlan plan, DirectorySnapshot directory, Map<String, Integer> rows) {
    List<ImportProblem> problems = new ArrayList<>();
    if (blank(plan.title())) {
      problems.add(ImportProblem.ofPlan("title", "缺少计划名称"));
    }
    if (plan.year() == null || plan.year() < 2000 || plan.year() > 2100) {
      problems.add(ImportProblem.ofPlan("year", "计划年度缺失或无效：" + plan.year()));
    }
    if (blank(plan.issuer())) {
      problems.add(ImportProblem.ofPlan("issuer", "缺少发文机关（如“中共珠海市委农村工作领导小组”），用于识别重复导入"));
    }
    Check planCheck = new Check(problems, null, null);
    planCheck.length(plan.title(), 300, "title", "计划名称");
    planCheck.length(plan.issuer(), 200, "issuer", "发文机关");
    planCheck.length(plan.docNumber(), 100, "docNumber", "文号");
    if (plan.tasks().isEmpty()) {
      problems.add(ImportProblem.ofPlan("tasks", "计划中没有任务"));
    }
    if (plan.tasks().size() > ParsedPlan.MAX_TASKS) {
      problems.add(ImportProblem.ofPlan("tasks", "任务过多（" + plan.tasks().size() + " 项）：一个计划最多 "
          + ParsedPlan.MAX_TASKS + " 项任务，请把计划分成几份导入"));
      return problems;
    }
    Set<String> numbers = new HashSet<>();
    for (int i = 0; i < plan.tasks().size(); i++) {
      ParsedTask task = plan.tasks().get(i);
      String number = blank(task.number()) ? "#" + (i + 1) : shown(task.number());
      Integer row = task.number() == null ? null : rows.get(task.number());
      Check check = new Check(problems, number, row);
      check.require(!blank(task.number()), "number", "缺少任务编号");
      check.length(task.number(), 32, "number", "任务编号");
      check.require(blank(task.number()) || numbers.add(task.number()), "number", "任务编号重复：" + number);
      check.require(!blank(task.title()), "title", "缺少任务名称");
      check.length(task.section(), 200, "section", "所属部分");
      check.length(task.title(), 300, "title", "任务名称");
      check.length(task.content(), 20000, "content", "任务内容");
      check.length(task.deadlineText(), 100, "deadlineText", "完成时限原文");
      check.require(task.coUnits().size() <= MAX_UNITS, "coUnits", "配合单位过多（" + task.coUnits().size()
          + " 个）：一项任务最多 " + MAX_UNITS + " 个");
      check.require(task.indicators().size() <= MAX_INDICATORS, "indicators", "指标过多（" + task.indicators().size()
          + " 项）：一项任务最多 " + MAX_INDICATORS + " 项");
      check.require(task.milestones().size() <= MAX_MILESTONES, "milestones", "节点过多（" + task.milestones().size()
          + " 个）：一项任务最多 " + MAX_MILESTONES + " 个");
      if (task.deadline() == null && blank(task.deadlineText())) {
        check.require(false, "deadline", "缺少完成时限：请给出日期（如 2023-10-31）");
      } else if (task.deadline() == null) {
        check.require(false, "deadline", "无法识别完成时限“" + shown(task.deadlineText().trim())
            + "”：请写成“10 月底前”“全年实施”“1-11 月”或日期 2023-10-31");
      } else if (plan.year() != null) {
        check.require(!task.deadline().isBefore(LocalDate.of(plan.year(), 1, 1))
                && !task.deadline().isAfter(LocalDate.of(plan.year() + 1, 12, 31)),
            "deadline", "完成时限 " + task.deadline() + " 不在计划年度 " + plan.year() + " 内");
      }
      check.require(!blank(task.leadUnit()), "leadUnit", "缺少牵头（责任）单位");
      if (!blank(task.leadUnit())) {
        unit(check, directory, "leadUnit", task.leadUnit());
      }
      Set<String> seen = new HashSet<>();
      seen.add(DirectorySnapshot.compact(task.leadUnit()));
      for (String co : task.coUnits().subList(0, Math.min(task.coUnits().size(), MAX_UNITS))) {
        check.require(!blank(co), "coUnits", "配合单位名称为空");
        if (!blank(co)) {
          check.require(seen.add(DirectorySnapshot.compact(co)), "coUnits", "单位重复：" + co);
          unit(check, directory, "coUnits", co);
        }
      }
      for (ParsedIndicator indicator : task.indicators()) {
        indicator(check, indicator);
      }
      task.milestones().forEach(milestone -> {
        check.require(milestone.date() != null && !blank(milestone.text()), "milestones", "节点缺少日期或内容");
        check.length(milestone.text(), 500, "milestones", "节点内容");
      });
    }
    return problems;
  }

  private static void unit(Check check, DirectorySnapshot directory, String field, String name) {
    if (name.length() > 200) {
      check.length(name, 200, field, "单位名称");
      return;
    }
    UnitRef ref = directory.resolve(name);
    Optional<Unit> retired = ref.isKnown() ? Optional.empty() : directory.retiredNamed(name);
    if (retired.isPresent()) {
      check.require(false, field, "“" + name + "”是已停用的单位（" + retired.get().name() + "，编码 " + retired.get().id()
          + "）：请改为现用单位，或请协调员在单位名录中恢复启用");
    } else if (!ref.isKnown()) {
      String hint = ref.suggestions().isEmpty() ? "，请先在单位名录中添加该单位或改用名录中的名称"
          : "，是否为：" + String.join("、", ref.suggestions()) + "？";
      check.require(false, field, "单位名录中没有“" + name + "”" + hint);
    } else if (ref.kind() == UnitRef.Kind.GROUP && ref.unitIds().isEmpty()) {
      check.require(false, field, "“" + name + "”在单位名录中没有成员单位");
    }
  }

  private static void indicator(Check check, ParsedIndicator indicator) {
    String label = indicator.text() == null ? "指标" : "指标“" + shown(indicator.text()) + "”";
    check.length(indicator.text(), 1000, "indicators", "指标原文");
    check.length(indicator.name(), 200, "indicators", label + "的名称");
    number(check, indicator.value(), label + "的目标值");
    number(check, indicator.stretch(), label + "的力争目标");
    check.require(indicator.comparator() != null && COMPARATORS.contains(indicator.comparator()), "indicators",
        label + "的比较符须为 >=、<= 或 =");
    check.require(indicator.value() != null && indicator.value().signum() >= 0, "indicators", label + "的目标值须为非负数");
    check.require(!blank(indicator.unit()), "indicators", label + "缺少计量单位");
    check.require(blank(indicator.unit()) || indicator.unit().length() <= 20, "indicators",
        label + "的计量单位过长（" + (indicator.unit() == null ? 0 : indicator.unit().length()) + " 字）：最多 20 字");
    BigDecimal stretch = indicator.stretch();
    if (stretch != null && indicator.value() != null && ">=".equals(indicator.comparator())) {
      check.require(stretch.compareTo(indicator.value()) >= 0, "indicators", label + "的力争目标不应低于目标值");
    }
  }

  /** A number the column holds exactly: below 10^16, at most four decimals (a fifth is refused, never rounded). */
  private static void number(Check check, BigDecimal value, String label) {
    if (value == null) {
      return;
    }
    check.require(value.abs().compareTo(VALUE_LIMIT) < 0, "indicators", label + "过大：上限为 1 亿亿（10^16）");
    check.require(value.stripTrailingZeros().scale() <= MAX_SCALE, "indicators", label + "小数位过多：最多 " + MAX_SCALE
        + " 位");
  }

  /** A long value is named by its start in a message, not repeated whole. */
  static String shown(String value) {
    return value.length() <= SHOWN ? value : value.substring(0, SHOWN) + "…";
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private record Check(List<ImportProblem> problems, String task, Integer row) {
    void require(boolean ok, String field, String message) {
      if (!ok) {
        problems.add(new ImportProblem(task, row, field, message));
      }
    }

    void length(String value, int max, String field, String name) {
      if (value != null && value.length() > max) {
        problems.add(new ImportProblem(task, row, field, name + "过长（" + value.length() + " 字）：最多 " + max + " 字"));
      } else if (value != null && TextChecks.hasControlCharacters(value)) {
        problems.add(new ImportProblem(task, row, field, name + "含有不可见的控制字符（如 NUL），请删除后重试"));
      }
    }
  }
}
