package com.xiezuo.supervision.bulletin;

/** Where a bulletin stands: with the supervisor (drafted or returned), with leadership, or published. */
public enum BulletinStatus {
  DRAFT("起草中"),
  SUBMITTED("待领导审签"),
  RETURNED("退回修改"),
  PUBLISHED("已发布");

  private final String label;

  BulletinStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The supervisor may still change it. */
  public boolean isEditable() {
    return this == DRAFT || this == RETURNED;
  }
}
