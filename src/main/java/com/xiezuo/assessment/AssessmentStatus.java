package com.xiezuo.assessment;

public enum AssessmentStatus {
  SELF_ASSESSMENT("单位自评中"),
  REVIEW("评审中"),
  SUBMITTED("待领导审定"),
  PUBLISHED("已发布"),
  SUPERSEDED("已被更正版本取代");

  private final String label;

  AssessmentStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Published results are for everybody, a corrected version included (its history stays readable). */
  public boolean published() {
    return this == PUBLISHED || this == SUPERSEDED;
  }
}
