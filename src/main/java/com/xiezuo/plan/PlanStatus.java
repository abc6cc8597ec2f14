package com.xiezuo.plan;

public enum PlanStatus {
  IN_REVIEW("审核中"),
  APPROVED("已批准"),
  SUPERSEDED("已被新版本取代");

  private final String label;

  PlanStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
