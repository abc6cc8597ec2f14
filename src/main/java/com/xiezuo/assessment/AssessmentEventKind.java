package com.xiezuo.assessment;

public enum AssessmentEventKind {
  OPENED("开启考核，通知各单位自评"),
  SCORED("按指标体系计分"),
  SUBMITTED("评审完成，报领导审定"),
  RETURNED("领导退回重新评审"),
  APPROVED("领导审定"),
  PUBLISHED("发布考核结果"),
  CORRECTED("提出更正，重新评审"),
  SUPERSEDED("被更正版本取代");

  private final String label;

  AssessmentEventKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
