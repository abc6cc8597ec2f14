package com.xiezuo.mail;

import java.time.Instant;

/** A row of the outbox, as coordinators read it. */
public record MailRecord(long id, String dedupKey, MailKind kind, String recipients, String subject, String body,
    String businessKey, MailStatus status, int attempts, String lastError, String createdBy, Instant createdAt,
    Instant sentAt) {

  public String kindLabel() {
    return kind.label();
  }

  public String statusLabel() {
    return status.label();
  }
}
