package com.xiezuo.plan;

import com.xiezuo.plan.intake.IntakeProblem;
import java.util.Map;

/** One reason an import is refused: which task (number) or spreadsheet row, which field, and why. */
public record ImportProblem(String task, Integer row, String field, String message) {

  public static ImportProblem ofPlan(String field, String message) {
    return new ImportProblem(null, null, field, message);
  }

  /** A problem found while reading a file, as the import reports it. */
  public static ImportProblem of(IntakeProblem problem) {
    return new ImportProblem(problem.task(), problem.row(), problem.field(), problem.message());
  }

  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("number", "编号"), Map.entry("title", "任务名称"), Map.entry("content", "任务内容"),
      Map.entry("deadline", "完成时限"), Map.entry("leadUnit", "牵头单位"), Map.entry("coUnits", "配合单位"),
      Map.entry("indicators", "协议指标"), Map.entry("milestones", "节点"), Map.entry("issuer", "发文机关"),
      Map.entry("year", "年度"), Map.entry("tasks", "任务"), Map.entry("plan", "计划"), Map.entry("file", "文件"),
      Map.entry("newVersion", "新版本"), Map.entry("taskNumber", "任务编号"), Map.entry("type", "变更类型"),
      Map.entry("reason", "变更理由"), Map.entry("newDeadline", "新的完成时限"), Map.entry("newTitle", "新的任务名称"));

  /** The Chinese name of a field, for messages; a nested field ("indicators[2].value") by its top-level name. */
  public static String label(String field) {
    if (field == null) {
      return "计划";
    }
    String top = field.replaceAll("[\\[.].*$", "");
    return LABELS.getOrDefault(field, LABELS.getOrDefault(top, field));
  }

  /** The line a page shows, in the same form as intake's: "第 5 行 任务 1.2 「完成时限」：…". */
  @Override
  public String toString() {
    return new IntakeProblem(task, row, label(field), message).toString();
  }
}
