package com.xiezuo.supervision;

/** Why a round lists a unit task; the computed reasons come from the data, MANUAL is a supervisor's own finding. */
public enum FindingReason {
  OVERDUE("逾期未完成"),
  NO_REPORT("未按期报送进展"),
  BEHIND_SCHEDULE("指标低于序时进度"),
  MISSED_MILESTONE("节点未按期完成"),
  RECTIFICATION_OVERDUE("整改逾期未销号"),
  MANUAL("督查人员补充");

  private final String label;

  FindingReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
