package com.xiezuo.supervision;

/** Where a rectification notice stands: 整改 → 复核 → 销号, with returns and extension requests between. */
public enum RectificationStatus {
  ISSUED("待整改"),
  REPORTED("待复核"),
  RETURNED("退回重新整改"),
  EXTENSION_REQUESTED("申请延期中"),
  CLOSED("已销号");

  private final String label;

  RectificationStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
