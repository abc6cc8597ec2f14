package com.xiezuo.audit;

import java.time.LocalDateTime;

/** One row of the audit trail as read back. */
public record AuditRecord(long id, LocalDateTime occurredAt, String userId, AuditAction action, String subject,
    String detail, Long planId, String taskNumber, String unitId, String source) {

  public static final String FROM_ENGINE = "ENGINE";
  public static final String FROM_APP = "APP";

  public boolean fromEngine() {
    return FROM_ENGINE.equals(source);
  }
}
