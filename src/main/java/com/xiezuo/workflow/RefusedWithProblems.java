package com.xiezuo.workflow;

import java.util.List;

/** A change refused whole, with every problem in Chinese, for the user to fix at once; nothing was written. */
public class RefusedWithProblems extends RuntimeException {

  private final transient List<String> problems;

  protected RefusedWithProblems(String message, List<String> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
