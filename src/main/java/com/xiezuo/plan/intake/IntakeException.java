package com.xiezuo.plan.intake;

import java.util.List;

/**
 * A file (or pasted text) that cannot be read as a plan: the message names the file and, where it applies, the sheet,
 * row or cell, and says why in Chinese. Nothing was stored. {@code tooLarge} marks a size limit (HTTP 413).
 */
public class IntakeException extends RuntimeException {

  private final transient List<IntakeProblem> problems;
  private final boolean tooLarge;

  private IntakeException(String message, List<IntakeProblem> problems, boolean tooLarge) {
    super(message);
    this.problems = List.copyOf(problems);
    this.tooLarge = tooLarge;
  }

  public static IntakeException unreadable(String message) {
    return new IntakeException(message, List.of(), false);
  }

  /** {@code where} says what was read ("“清单.xlsx”的工作表“清单”"); the first problem is part of the message. */
  public static IntakeException withProblems(String where, List<IntakeProblem> problems) {
    return new IntakeException(where + "无法读取：" + (problems.size() == 1 ? "" : problems.size() + " 个问题，")
        + problems.get(0), problems, false);
  }

  public static IntakeException tooLarge(String message) {
    return new IntakeException(message, List.of(), true);
  }

  public List<IntakeProblem> problems() {
    return problems;
  }

  public boolean isTooLarge() {
    return tooLarge;
  }
}
