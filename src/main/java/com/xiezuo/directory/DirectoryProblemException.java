package com.xiezuo.directory;

import java.util.List;

/** A directory change refused whole: every problem, in Chinese, for the coordinator to fix at once. */
public class DirectoryProblemException extends RuntimeException {

  private final List<String> problems;

  public DirectoryProblemException(List<String> problems) {
    super(String.join("；", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
