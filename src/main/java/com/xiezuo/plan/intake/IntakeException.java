package com.xiezuo.plan.intake;

import java.util.List;

/**
 * A file (or pasted text) that cannot be read as a plan: the message names the file and, where it applies, the sheet,
 * row or cell, and says why in Chinese. Nothing was stored. {@code status} is the HTTP answer: 400, 413 for a size
 * limit, 503 when intake is busy or a reading ran out of time.
 */
public class IntakeException extends RuntimeException {

  private final transient List<IntakeProblem> problems;
  private final int status;

  private IntakeException(String message, List<IntakeProblem> problems, int status) {
    super(message);
    this.problems = List.copyOf(problems);
    this.status = status;
  }

  public static IntakeException unreadable(String message) {
    return new IntakeException(message, List.of(), 400);
  }

  /** {@code where} says what was read ("“清单.xlsx”的工作表“清单”"); the first problem is part of the message. */
  public static IntakeException withProblems(String where, List<IntakeProblem> problems) {
    return new IntakeException(where + "无法读取：" + (problems.size() == 1 ? "" : problems.size() + " 个问题，")
        + problems.get(0), problems, 400);
  }

  public static IntakeException tooLarge(String message) {
    return new IntakeException(message, List.of(), 413);
  }

  /** Too many readings at once, or one that took too long: the user may try again later, or send it in parts. */
  public static IntakeException busy(String message) {
    return new IntakeException(message, List.of(), 503);
  }

  public List<IntakeProblem> problems() {
    return problems;
  }

  public int status() {
    return status;
  }
}
