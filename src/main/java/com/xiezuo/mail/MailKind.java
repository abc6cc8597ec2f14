package com.xiezuo.mail;

public enum MailKind {
  REMINDER("到期提醒"),
  ESCALATION("逾期督办"),
  LATE_START("下达时已逾期"),
  URGE("催办"),
  RECTIFICATION("整改通知"),
  RECTIFY_OVERDUE("整改逾期");

  private final String label;

  MailKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
