package com.xiezuo.assessment;

/** Points an assessor gives a unit: an adjustment of its score, or an innovation award (capped by the tables). */
public enum AdjustmentKind {
  ADJUSTMENT("评审调整"),
  INNOVATION("工作创新加分");

  private final String label;

  AdjustmentKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
