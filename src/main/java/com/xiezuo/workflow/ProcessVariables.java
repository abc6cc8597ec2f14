package com.xiezuo.workflow;

/** Every process variable Xiezuo reads or writes, named in one place. */
public final class ProcessVariables {

  // the plan, on every process of a plan
  public static final Var<Long> PLAN_ID = Var.of("planId", Long.class);
  public static final Var<String> PLAN_TITLE = Var.of("planTitle", String.class);
  public static final Var<Integer> PLAN_YEAR = Var.of("planYear", Integer.class);
  public static final Var<Integer> TASK_COUNT = Var.of("taskCount", Integer.class);

  // one task of the plan and one responsible unit (shown as Tasklist filter columns)
  public static final Var<String> TASK_NUMBER = Var.of("taskNumber", String.class);
  public static final Var<String> TASK_TITLE = Var.of("taskTitle", String.class);
  public static final Var<String> UNIT_ID = Var.of("unitId", String.class);
  public static final Var<String> UNIT_NAME = Var.of("unitName", String.class);

  // plan review and approval (forms planReview, planApproval)
  public static final Var<Boolean> REVIEW_CONFIRMED = Var.of("reviewConfirmed", Boolean.class);
  public static final Var<String> REVIEW_COMMENT = Var.of("reviewComment", String.class);
  public static final Var<String> APPROVAL_DECISION = Var.of("approvalDecision", String.class);
  public static final Var<String> APPROVAL_COMMENT = Var.of("approvalComment", String.class);

  public static final String DECISION_APPROVE = "approve";
  public static final String DECISION_RETURN = "return";

  private ProcessVariables() {}
}
