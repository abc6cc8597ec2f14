package com.xiezuo.progress;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.xiezuo.execution.AssignmentStatus;
import com.xiezuo.execution.UnitAssignment;

/** One unit's task of a plan task: ACTIVE, COMPLETED or CANCELLED, whether it ran late, and its light. */
public record UnitTaskState(long assignmentId, String unitId, String role, String status, boolean overdue,
    String light, String lightLabel, String businessKey, String processInstanceId) {

  @JsonIgnore
  public boolean isActive() {
    return AssignmentStatus.ACTIVE.name().equals(status);
  }

  @JsonIgnore
  public boolean isLead() {
    return UnitAssignment.LEAD.equals(role);
  }
}
