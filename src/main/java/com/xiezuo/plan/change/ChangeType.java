package com.xiezuo.plan.change;

public enum ChangeType {
  EXTEND("延期"),
  CANCEL("取消"),
  ADJUST("调整");

  private final String label;

  ChangeType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
