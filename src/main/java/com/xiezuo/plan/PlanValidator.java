package com.xiezuo.plan;

import com.xiezuo.directory.DirectorySnapshot;
import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitRef;
import com.xiezuo.plan.parse.ParsedIndicator;
import com.xiezuo.plan.parse.ParsedPlan;
import com.xiezuo.plan.parse.ParsedTask;
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
    if (plan.tasks().isEmpty()) {
      problems.add(ImportProblem.ofPlan("tasks", "计划中没有任务"));
    }
    Set<String> numbers = new HashSet<>();
    for (int i = 0; i < plan.tasks().size(); i++) {
      ParsedTask task = plan.tasks().get(i);
      String number = blank(task.number()) ? "#" + (i + 1) : task.number();
      Integer row = rows.get(task.number());
      Check check = new Check(problems, number, row);
      check.require(!blank(task.number()), "number", "缺少任务编号");
      check.require(blank(task.number()) || numbers.add(task.number()), "number", "任务编号重复：" + task.number());
      check.require(!blank(task.title()), "title", "缺少任务名称");
      check.require(task.title() == null || task.title().length() <= 300, "title", "任务名称超过 300 字");
      check.require(task.content() == null || task.content().length() <= 20000, "content", "任务内容超过 20000 字");
      if (task.deadline() == null) {
        check.require(false, "deadline", "无法识别完成时限“" + task.deadlineText().trim()
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
      for (String co : task.coUnits()) {
        check.require(!blank(co), "coUnits", "配合单位名称为空");
        if (!blank(co)) {
          check.require(seen.add(DirectorySnapshot.compact(co)), "coUnits", "单位重复：" + co);
          unit(check, directory, "coUnits", co);
        }
      }
      for (ParsedIndicator indicator : task.indicators()) {
        indicator(check, indicator);
      }
      task.milestones().forEach(milestone -> check.require(milestone.date() != null && !blank(milestone.text()),
          "milestones", "节点缺少日期或内容"));
    }
    return problems;
  }

  private static void unit(Check check, DirectorySnapshot directory, String field, String name) {
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
    String label = indicator.text() == null ? "指标" : "指标“" + indicator.text() + "”";
    check.require(indicator.comparator() != null && COMPARATORS.contains(indicator.comparator()), "indicators",
        label + "的比较符须为 >=、<= 或 =");
    check.require(indicator.value() != null && indicator.value().signum() >= 0, "indicators", label + "的目标值须为非负数");
    check.require(!blank(indicator.unit()) && indicator.unit().length() <= 20, "indicators", label + "缺少计量单位");
    BigDecimal stretch = indicator.stretch();
    if (stretch != null && indicator.value() != null && ">=".equals(indicator.comparator())) {
      check.require(stretch.compareTo(indicator.value()) >= 0, "indicators", label + "的力争目标不应低于目标值");
    }
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
  }
}
