package com.xiezuo.decomposition;

import java.util.List;

/** A decomposition table refused as a whole; the problems name indicator, unit and reason. */
public class AllocationProblemException extends RuntimeException {

  private final transient List<String> problems;

  public AllocationProblemException(List<String> problems) {
    super("分解方案未通过校验：" + String.join("；", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
