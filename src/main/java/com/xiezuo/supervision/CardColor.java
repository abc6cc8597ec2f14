package com.xiezuo.supervision;

/** A unit task's card in a round: red when overdue or badly behind, yellow when behind or near, green on track. */
public enum CardColor {
  RED("红牌"),
  YELLOW("黄牌"),
  GREEN("绿牌");

  private final String label;

  CardColor(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
