package com.xiezuo.plan;

public enum PlanStatus {
  IN_REVIEW("审核中"),
  APPROVED("已批准，分解指标中"),
  IN_PROGRESS("执行中"),
  COMPLETED("已完成"),
  SUPERSEDED("已被新版本取代");

  private final String label;

  PlanStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
