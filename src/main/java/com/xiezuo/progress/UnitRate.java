package com.xiezuo.progress;

/** One unit's standing in a plan: its unit tasks (cancelled ones left out), done, overdue and due within 30 days. */
public record UnitRate(String unitId, String unitName, int total, int done, int overdue, int dueSoon) {

  public int ratePercent() {
    return total == 0 ? 0 : Math.round(done * 100f / total);
  }
}
