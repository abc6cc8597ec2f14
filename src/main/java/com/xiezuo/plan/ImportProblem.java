package com.xiezuo.plan;

/** One reason an import is refused: which task (number) or spreadsheet row, which field, and why. */
public record ImportProblem(String task, Integer row, String field, String message) {

  public static ImportProblem ofPlan(String field, String message) {
    return new ImportProblem(null, null, field, message);
  }

  @Override
  public String toString() {
    StringBuilder where = new StringBuilder();
    if (row != null) {
      where.append("第 ").append(row).append(" 行 ");
    }
    if (task != null) {
      where.append("任务 ").append(task).append(' ');
    }
    return where + "「" + field + "」：" + message;
  }
}
