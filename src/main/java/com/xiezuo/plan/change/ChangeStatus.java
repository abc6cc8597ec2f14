package com.xiezuo.plan.change;

public enum ChangeStatus {
  PROPOSED("待领导审批"),
  RETURNED("已退回修改"),
  APPROVED("已批准生效"),
  WITHDRAWN("已撤回"),
  /** Approved, but by then the task was cancelled or already had a later deadline: nothing was applied. */
  OBSOLETE("已失效");

  private final String label;

  ChangeStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
