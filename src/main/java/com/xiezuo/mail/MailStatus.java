package com.xiezuo.mail;

public enum MailStatus {
  PENDING("待发送"),
  SENDING("发送中"),
  SENT("已发送"),
  RECORDED("已记录（未配置邮件服务器）");

  private final String label;

  MailStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
