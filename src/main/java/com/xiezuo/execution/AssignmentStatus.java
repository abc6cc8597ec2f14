package com.xiezuo.execution;

public enum AssignmentStatus {
  ACTIVE("办理中"),
  COMPLETED("已办结"),
  CANCELLED("已取消");

  private final String label;

  AssignmentStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
