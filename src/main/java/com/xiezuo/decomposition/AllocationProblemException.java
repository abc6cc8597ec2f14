package com.xiezuo.decomposition;

import com.xiezuo.workflow.RefusedWithProblems;
import java.util.List;

/** A decomposition table refused as a whole; the problems name indicator, unit and reason. */
public class AllocationProblemException extends RefusedWithProblems {

  public AllocationProblemException(List<String> problems) {
    super("分解方案未通过校验：" + String.join("；", problems), problems);
  }
}
