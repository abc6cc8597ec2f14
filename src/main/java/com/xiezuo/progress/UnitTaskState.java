package com.xiezuo.progress;

/** One unit's task of a plan task: ACTIVE, COMPLETED or CANCELLED, whether it ran late, and its light. */
public record UnitTaskState(long assignmentId, String unitId, String role, String status, boolean overdue,
    String light, String lightLabel, String businessKey, String processInstanceId) {

  public boolean isActive() {
    return "ACTIVE".equals(status);
  }

  public boolean isLead() {
    return "LEAD".equals(role);
  }
}
