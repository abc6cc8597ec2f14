package com.xiezuo.supervision;

/** A round on the plan's cycle (月度督查) or one a supervisor or leader ordered (专项督查). */
public enum RoundKind {
  CYCLE("例行督查"),
  ON_DEMAND("专项督查");

  private final String label;

  RoundKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
