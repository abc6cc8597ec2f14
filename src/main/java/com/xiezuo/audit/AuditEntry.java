package com.xiezuo.audit;

/**
 * One thing someone did, as Xiezuo records it: who (the user id, never taken from what the user sent), what, about
 * which record, with the plan, task number and unit it belongs to so the trail can be filtered and a unit shown only
 * its own. Built fluently: {@code AuditEntry.of(LEDGER_ADDED, user, "台账 2 万元").plan(7).task("5(1)").unit("finance")}.
 */
public record AuditEntry(AuditAction action, String userId, String subject, String detail, Long planId,
    String taskNumber, String unitId, String processInstanceId) {

  static final int SUBJECT_MAX = 500;
  static final int DETAIL_MAX = 4000;

  public static AuditEntry of(AuditAction action, String userId, String subject) {
    return new AuditEntry(action, userId, subject, null, null, null, null, null);
  }

  public AuditEntry detail(String text) {
    return new AuditEntry(action, userId, subject, text, planId, taskNumber, unitId, processInstanceId);
  }

  public AuditEntry plan(Long id) {
    return new AuditEntry(action, userId, subject, detail, id, taskNumber, unitId, processInstanceId);
  }

  public AuditEntry task(String number) {
    return new AuditEntry(action, userId, subject, detail, planId, number, unitId, processInstanceId);
  }

  public AuditEntry unit(String id) {
    return new AuditEntry(action, userId, subject, detail, planId, taskNumber, id, processInstanceId);
  }

  public AuditEntry process(String instanceId) {
    return new AuditEntry(action, userId, subject, detail, planId, taskNumber, unitId, instanceId);
  }

  static String clip(String text, int max) {
    if (text == null) {
      return null;
    }
    String trimmed = text.strip();
    return trimmed.length() <= max ? trimmed : trimmed.substring(0, max - 1) + "…";
  }
}
