package com.xiezuo.directory;

import com.xiezuo.workflow.RefusedWithProblems;
import java.util.List;

/** A directory change refused whole: every problem, in Chinese, for the coordinator to fix at once. */
public class DirectoryProblemException extends RefusedWithProblems {

  public DirectoryProblemException(List<String> problems) {
    super(String.join("；", problems), problems);
  }
}
