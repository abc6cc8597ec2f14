package com.xiezuo.plan.change;

import java.time.Instant;
import java.time.LocalDate;

/** A proposed change of one plan task, and what became of it. */
public record PlanChange(long id, long planId, long planTaskId, String taskNumber, ChangeType type, String reason,
    LocalDate newDeadline, String newTitle, String newContent, ChangeStatus status, String proposedBy,
    Instant proposedAt, String decidedBy, String decisionComment) {

  public String typeLabel() {
    return type.label();
  }

  public String statusLabel() {
    return status.label();
  }
}
