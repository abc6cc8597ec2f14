package com.xiezuo.assessment;

/** A unit's self-assessment (自评): still awaited, in on time, in after its due date, or never in. */
public enum SelfAssessmentStatus {
  PENDING("未提交"),
  SUBMITTED("已按时提交"),
  LATE("逾期提交"),
  MISSING("未提交自评");

  private final String label;

  SelfAssessmentStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
