package com.xiezuo.plan.intake;

/**
 * One thing wrong in a file being read: the task number or row where it is (either may be null), the column or part
 * of the file ({@code field}, as the user reads it: "序号", "完成时限", "表头") and why, in Chinese.
 */
public record IntakeProblem(String task, Integer row, String field, String message) {

  public static IntakeProblem ofFile(String field, String message) {
    return new IntakeProblem(null, null, field, message);
  }

  public static IntakeProblem atRow(int row, String field, String message) {
    return new IntakeProblem(null, row, field, message);
  }

  /** The line a page shows: "第 5 行 任务 1.2 「完成时限」：…". */
  @Override
  public String toString() {
    StringBuilder where = new StringBuilder();
    if (row != null) {
      where.append("第 ").append(row).append(" 行 ");
    }
    if (task != null) {
      where.append("任务 ").append(task).append(' ');
    }
    return where + (field == null ? "" : "「" + field + "」") + "：" + message;
  }
}
