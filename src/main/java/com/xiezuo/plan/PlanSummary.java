package com.xiezuo.plan;

import java.time.Instant;

public record PlanSummary(long id, String title, int year, String issuer, String docNumber, int version,
    PlanStatus status, String source, String processInstanceId, String importedBy, Instant importedAt,
    int taskCount) {

  public String statusLabel() {
    return status.label();
  }
}
