package com.xiezuo.audit;

import java.time.LocalDate;
import java.util.Set;

/**
 * What to show of the trail: any of plan, task number, unit, user, action and a date range, oldest or newest first.
 * {@code visibleUnits} null means every row; otherwise only rows of those units and the viewer's own actions (a
 * unit's staff see their units' lines and what they did themselves, such as a lead unit's review of a co-unit).
 */
public record AuditFilter(Long planId, String taskNumber, String unitId, String userId, AuditAction action,
    LocalDate from, LocalDate to, boolean oldestFirst, Set<String> visibleUnits, String viewer) {

  public static AuditFilter everything() {
    return new AuditFilter(null, null, null, null, null, null, null, false, null, null);
  }

  public AuditFilter ofPlan(Long id) {
    return new AuditFilter(id, taskNumber, unitId, userId, action, from, to, oldestFirst, visibleUnits, viewer);
  }

  public AuditFilter ofTask(String number) {
    return new AuditFilter(planId, number, unitId, userId, action, from, to, oldestFirst, visibleUnits, viewer);
  }

  public AuditFilter ofUnit(String id) {
    return new AuditFilter(planId, taskNumber, id, userId, action, from, to, oldestFirst, visibleUnits, viewer);
  }

  public AuditFilter inOrder() {
    return new AuditFilter(planId, taskNumber, unitId, userId, action, from, to, true, visibleUnits, viewer);
  }

  /** Rows of these units and of this user's own actions only. */
  public AuditFilter seenBy(Set<String> units, String user) {
    return new AuditFilter(planId, taskNumber, unitId, userId, action, from, to, oldestFirst, units, user);
  }
}
