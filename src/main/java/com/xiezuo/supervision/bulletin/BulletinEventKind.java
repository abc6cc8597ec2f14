package com.xiezuo.supervision.bulletin;

public enum BulletinEventKind {
  DRAFTED("系统起草"),
  REFRESHED("按最新记录重算数据"),
  SUBMITTED("报送领导审签"),
  RETURNED("领导退回修改"),
  APPROVED("领导签发"),
  PUBLISHED("发布");

  private final String label;

  BulletinEventKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
