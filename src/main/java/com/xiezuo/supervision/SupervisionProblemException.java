package com.xiezuo.supervision;

import com.xiezuo.workflow.RefusedWithProblems;
import java.util.List;

/** A supervision action refused whole, with every reason in Chinese. */
public class SupervisionProblemException extends RefusedWithProblems {

  public SupervisionProblemException(List<String> problems) {
    super(String.join("；", problems), problems);
  }

  public SupervisionProblemException(String problem) {
    this(List.of(problem));
  }
}
