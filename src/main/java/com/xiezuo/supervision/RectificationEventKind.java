package com.xiezuo.supervision;

/** What happened to a rectification notice, in the order a reader follows it. */
public enum RectificationEventKind {
  ISSUED("下发整改通知"),
  EVIDENCE_ADDED("上传佐证材料"),
  REPORTED("报送整改情况"),
  RETURNED("复核退回"),
  CLOSED("复核销号"),
  EXTENSION_REQUESTED("申请延期"),
  EXTENSION_GRANTED("同意延期"),
  EXTENSION_REFUSED("不同意延期"),
  ESCALATED("逾期报领导");

  private final String label;

  RectificationEventKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
