package com.xiezuo.mail;

public enum MailStatus {
  PENDING("待发送"),
  SENDING("发送中"),
  SENT("已发送"),
  RECORDED("已记录（未配置邮件服务器）"),
  /** Written while the demo's past was replayed: never sent, kept so the demo's outbox reads like a real year's. */
  SIMULATED("演示回放（未发送）");

  private final String label;

  MailStatus(String label) {
    this.label = label;
  }

  /** Nothing more to do for this mail. */
  public boolean isDone() {
    return this != PENDING && this != SENDING;
  }

  public String label() {
    return label;
  }
}
