package com.xiezuo.supervision;

import java.util.List;

/** A supervision action refused whole, with every reason in Chinese. */
public class SupervisionProblemException extends RuntimeException {

  private final List<String> problems;

  public SupervisionProblemException(List<String> problems) {
    super(String.join("；", problems));
    this.problems = List.copyOf(problems);
  }

  public SupervisionProblemException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
