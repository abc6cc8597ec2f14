package com.xiezuo.audit;

import java.time.LocalDate;
import java.util.Set;

/**
 * What to show of the trail: any of plan, task number, unit, user, action and a date range, oldest or newest first.
 * {@code visibleUnits} null means every row; otherwise only rows of those units (a unit's staff see their own).
 */
public record AuditFilter(Long planId, String taskNumber, String unitId, String userId, AuditAction action,
    LocalDate from, LocalDate to, boolean oldestFirst, Set<String> visibleUnits) {

  public static AuditFilter everything() {
    return new AuditFilter(null, null, null, null, null, null, null, false, null);
  }

  public AuditFilter ofPlan(Long id) {
    return new AuditFilter(id, taskNumber, unitId, userId, action, from, to, oldestFirst, visibleUnits);
  }

  public AuditFilter ofTask(String number) {
    return new AuditFilter(planId, number, unitId, userId, action, from, to, oldestFirst, visibleUnits);
  }

  public AuditFilter ofUnit(String id) {
    return new AuditFilter(planId, taskNumber, id, userId, action, from, to, oldestFirst, visibleUnits);
  }

  public AuditFilter inOrder() {
    return new AuditFilter(planId, taskNumber, unitId, userId, action, from, to, true, visibleUnits);
  }

  public AuditFilter seenBy(Set<String> units) {
    return new AuditFilter(planId, taskNumber, unitId, userId, action, from, to, oldestFirst, units);
  }
}
