package com.xiezuo.plan;

/** One reason an import is refused: which task (number) or spreadsheet row, which field, and why. */
public record ImportProblem(String task, Integer row, String field, String message) {

  public static ImportProblem ofPlan(String field, String message) {
    return new ImportProblem(null, null, field, message);
  }

  private static final java.util.Map<String, String> LABELS = java.util.Map.ofEntries(
      java.util.Map.entry("number", "编号"), java.util.Map.entry("title", "任务名称"),
      java.util.Map.entry("content", "任务内容"), java.util.Map.entry("deadline", "完成时限"),
      java.util.Map.entry("leadUnit", "牵头单位"), java.util.Map.entry("coUnits", "配合单位"),
      java.util.Map.entry("indicators", "协议指标"), java.util.Map.entry("milestones", "节点"),
      java.util.Map.entry("issuer", "发文机关"), java.util.Map.entry("year", "年度"), java.util.Map.entry("tasks", "任务"));

  @Override
  public String toString() {
    StringBuilder where = new StringBuilder();
    if (row != null) {
      where.append("第 ").append(row).append(" 行 ");
    }
    if (task != null) {
      where.append("任务 ").append(task).append(' ');
    }
    return where + "「" + LABELS.getOrDefault(field, field) + "」：" + message;
  }
}
