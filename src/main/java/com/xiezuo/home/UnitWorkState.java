package com.xiezuo.home;

/** Where a unit task stands, as its unit sees it: the step that is open, or how it ended. */
public enum UnitWorkState {
  TO_ACCEPT("待签收"),
  IN_PROGRESS("办理中"),
  IN_REVIEW("待审核、签批"),
  DONE("已办结"),
  CANCELLED("已取消");

  private final String label;

  UnitWorkState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
