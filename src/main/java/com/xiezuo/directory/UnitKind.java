package com.xiezuo.directory;

public enum UnitKind {
  CITY_DEPARTMENT("市直部门"),
  DISTRICT("区（功能区）"),
  WORKING_GROUP("前方工作组"),
  STATE_ENTERPRISE("市属国企"),
  OTHER("其他单位");

  private final String label;

  UnitKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
