package com.xiezuo.assessment;

import com.xiezuo.workflow.RefusedWithProblems;
import java.util.List;

/** An assessment action refused whole, with every reason in Chinese. */
public class AssessmentProblemException extends RefusedWithProblems {

  public AssessmentProblemException(List<String> problems) {
    super(String.join("；", problems), problems);
  }

  public AssessmentProblemException(String problem) {
    this(List.of(problem));
  }
}
