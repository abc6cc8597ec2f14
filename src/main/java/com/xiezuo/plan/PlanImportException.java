package com.xiezuo.plan;

import java.util.List;

/** An import refused as a whole; nothing was stored. {@code conflict} marks a duplicate plan (HTTP 409). */
public class PlanImportException extends RuntimeException {

  private final transient List<ImportProblem> problems;
  private final boolean conflict;

  public PlanImportException(List<ImportProblem> problems, boolean conflict) {
    super("导入被拒绝，未保存任何内容：" + problems.size() + " 个问题。" + problems.get(0));
    this.problems = List.copyOf(problems);
    this.conflict = conflict;
  }

  public List<ImportProblem> problems() {
    return problems;
  }

  public boolean isConflict() {
    return conflict;
  }
}
