package com.xiezuo.execution;

/** One responsible unit's part in one plan task: the subject of one unitTask process instance. */
public record UnitAssignment(long id, long planId, long planTaskId, String taskNumber, String unitId, String role,
    int seq, String businessKey, String processInstanceId, AssignmentStatus status, boolean overdue) {

  public static final String LEAD = "LEAD";
  public static final String CO = "CO";

  public boolean isLead() {
    return LEAD.equals(role);
  }
}
