package com.xiezuo.workflow;

import java.util.Date;

/** Every process variable Xiezuo reads or writes, named in one place. */
public final class ProcessVariables {

  // the plan, on every process of a plan
  public static final Var<Long> PLAN_ID = Var.of("planId", Long.class);
  public static final Var<Long> ARCHIVE_ID = Var.of("archiveId", Long.class);
  public static final Var<String> PLAN_TITLE = Var.of("planTitle", String.class);
  public static final Var<Integer> PLAN_YEAR = Var.of("planYear", Integer.class);
  public static final Var<Integer> TASK_COUNT = Var.of("taskCount", Integer.class);

  // one task of the plan and one responsible unit (shown as Tasklist filter columns)
  public static final Var<String> TASK_NUMBER = Var.of("taskNumber", String.class);
  public static final Var<String> TASK_TITLE = Var.of("taskTitle", String.class);
  public static final Var<String> TASK_CONTENT = Var.of("taskContent", String.class);
  public static final Var<String> UNIT_ID = Var.of("unitId", String.class);
  public static final Var<String> UNIT_NAME = Var.of("unitName", String.class);

  // plan review and approval (forms planReview, planApproval)
  public static final Var<Boolean> REVIEW_CONFIRMED = Var.of("reviewConfirmed", Boolean.class);
  public static final Var<String> REVIEW_COMMENT = Var.of("reviewComment", String.class);
  public static final Var<String> APPROVAL_DECISION = Var.of("approvalDecision", String.class);
  public static final Var<String> APPROVAL_COMMENT = Var.of("approvalComment", String.class);
  public static final Var<String> APPROVAL_HISTORY = Var.of("approvalHistory", String.class);

  // annualPlan after approval
  public static final Var<Integer> ASSIGNMENT_COUNT = Var.of("assignmentCount", Integer.class);
  public static final Var<Date> NEXT_SUPERVISION_AT = Var.of("nextSupervisionAt", Date.class);
  public static final Var<Integer> SUPERVISION_ROUND = Var.of("supervisionRound", Integer.class);
  public static final Var<Date> ASSESSMENT_AT = Var.of("assessmentAt", Date.class);

  // a change of a plan task (event subprocess of annualPlan)
  public static final Var<Long> CHANGE_ID = Var.of("changeId", Long.class);
  public static final Var<String> CHANGE_SUMMARY = Var.of("changeSummary", String.class);
  public static final Var<String> CHANGE_DECISION = Var.of("changeDecision", String.class);
  public static final Var<String> CHANGE_COMMENT = Var.of("changeComment", String.class);
  public static final Var<String> CHANGE_REVISION = Var.of("changeRevision", String.class);
  public static final Var<String> CHANGE_REASON = Var.of("changeReason", String.class);
  /** ISO date (yyyy-MM-dd): Camunda Forms submit date fields as text. */
  public static final Var<String> CHANGE_NEW_DEADLINE = Var.of("changeNewDeadline", String.class);
  public static final String REVISION_RESUBMIT = "resubmit";
  public static final String REVISION_WITHDRAW = "withdraw";

  // indicatorDecomposition
  public static final Var<Integer> INDICATOR_COUNT = Var.of("indicatorCount", Integer.class);
  public static final Var<Integer> ALLOCATION_ROUND = Var.of("allocationRound", Integer.class);
  public static final Var<String> ALLOCATION_SUMMARY = Var.of("allocationSummary", String.class);
  public static final Var<Double> ALLOCATION_ROUNDING = Var.of("allocationRounding", Double.class);
  public static final Var<Boolean> ALLOCATION_READY = Var.of("allocationReady", Boolean.class);
  public static final Var<String> ALLOCATION_UNIT_ID = Var.of("allocationUnitId", String.class);
  public static final Var<String> UNIT_ALLOCATION = Var.of("unitAllocation", String.class);
  public static final Var<String> ALLOCATION_DECISION = Var.of("allocationDecision", String.class);
  public static final Var<String> OBJECTION_REASON = Var.of("objectionReason", String.class);
  public static final Var<String> OBJECTION_SUMMARY = Var.of("objectionSummary", String.class);
  public static final Var<Boolean> HAS_OBJECTIONS = Var.of("hasObjections", Boolean.class);
  public static final String ALLOCATION_CONFIRM = "confirm";
  public static final String ALLOCATION_OBJECT = "object";

  // unitTask
  public static final Var<Integer> ASSIGNMENT_SEQ = Var.of("assignmentSeq", Integer.class);
  public static final Var<Long> ASSIGNMENT_ID = Var.of("assignmentId", Long.class);
  public static final Var<Long> PLAN_TASK_ID = Var.of("planTaskId", Long.class);
  public static final Var<String> UNIT_ROLE_LABEL = Var.of("unitRoleLabel", String.class);
  public static final Var<Date> DEADLINE = Var.of("deadline", Date.class);
  public static final Var<String> DEADLINE_TEXT = Var.of("deadlineText", String.class);
  public static final Var<String> INDICATOR_TARGETS = Var.of("indicatorTargets", String.class);
  public static final Var<Boolean> TASK_ACCEPTED = Var.of("taskAccepted", Boolean.class);
  public static final Var<String> COMPLETION_SUMMARY = Var.of("completionSummary", String.class);

  // unitTask: reporting, review, reminders
  public static final Var<Date> REMINDERS_FROM = Var.of("remindersFrom", Date.class);
  public static final Var<Date> NEXT_REMINDER_AT = Var.of("nextReminderAt", Date.class);
  public static final Var<Date> REPORT_PERIOD_DUE = Var.of("reportPeriodDue", Date.class);
  public static final Var<String> REPORT_PERIOD_LABEL = Var.of("reportPeriodLabel", String.class);
  public static final Var<String> PROGRESS_TEXT = Var.of("progressText", String.class);
  public static final Var<String> LEDGER_SUMMARY = Var.of("ledgerSummary", String.class);
  public static final Var<String> CO_UNIT_CONTRIBUTIONS = Var.of("coUnitContributions", String.class);
  public static final Var<String> LEAD_REVIEW_DECISION = Var.of("leadReviewDecision", String.class);
  public static final Var<String> LEAD_REVIEW_COMMENT = Var.of("leadReviewComment", String.class);
  public static final Var<String> RETURN_COMMENT = Var.of("returnComment", String.class);

  // supervisionRound (the round is kept by the supervision feature; supervisionFindings is the supervisor's conclusion)
  public static final Var<Long> ROUND_ID = Var.of("roundId", Long.class);
  public static final Var<String> FINDINGS_SUMMARY = Var.of("findingsSummary", String.class);
  /** "第 4 轮专项督查": what the round's tasks are about in Tasklist, where a plan has several rounds open. */
  public static final Var<String> ROUND_LABEL = Var.of("roundLabel", String.class);
  public static final Var<String> SUPERVISION_FINDINGS = Var.of("supervisionFindings", String.class);
  // the round's bulletin (通报; its text and figures are kept by the supervision feature, the leader decides with
  // approvalDecision / approvalComment)
  public static final Var<Long> BULLETIN_ID = Var.of("bulletinId", Long.class);
  public static final Var<String> BULLETIN_TITLE = Var.of("bulletinTitle", String.class);
  public static final Var<String> BULLETIN_SUMMARY = Var.of("bulletinSummary", String.class);
  public static final Var<String> BULLETIN_RETURN_COMMENT = Var.of("bulletinReturnComment", String.class);

  // rectification (整改通知; kept by the supervision feature, these are what its forms show and answer)
  public static final Var<Long> RECTIFICATION_ID = Var.of("rectificationId", Long.class);
  public static final Var<String> RECTIFICATION_PROBLEM = Var.of("rectificationProblem", String.class);
  public static final Var<String> RECTIFICATION_REQUIREMENT = Var.of("rectificationRequirement", String.class);
  public static final Var<Date> RECTIFICATION_DUE = Var.of("rectificationDue", Date.class);
  public static final Var<String> RECTIFICATION_DUE_TEXT = Var.of("rectificationDueText", String.class);
  public static final Var<String> RECTIFICATION_HISTORY = Var.of("rectificationHistory", String.class);
  public static final Var<String> RECTIFICATION_ACTION = Var.of("rectificationAction", String.class);
  public static final Var<String> RECTIFICATION_REPORT = Var.of("rectificationReport", String.class);
  public static final Var<String> RECTIFICATION_EVIDENCE = Var.of("rectificationEvidence", String.class);
  public static final Var<String> EXTENSION_UNTIL = Var.of("extensionUntil", String.class);
  public static final Var<String> EXTENSION_REASON = Var.of("extensionReason", String.class);
  public static final Var<String> EXTENSION_DECISION = Var.of("extensionDecision", String.class);
  public static final Var<String> EXTENSION_COMMENT = Var.of("extensionComment", String.class);
  public static final Var<String> VERIFY_DECISION = Var.of("verifyDecision", String.class);
  public static final Var<String> VERIFY_COMMENT = Var.of("verifyComment", String.class);
  public static final Var<Date> SUPERVISOR_DUE = Var.of("supervisorDue", Date.class);

  // annualAssessment (first version)
  public static final Var<Long> ASSESSMENT_ID = Var.of("assessmentId", Long.class);
  public static final Var<Date> SELF_ASSESSMENT_DUE = Var.of("selfAssessmentDue", Date.class);
  public static final Var<Date> SELF_ASSESSMENT_CLOSES = Var.of("selfAssessmentCloses", Date.class);
  public static final Var<String> SELF_ASSESSMENT_DUE_TEXT = Var.of("selfAssessmentDueText", String.class);
  public static final Var<String> SELF_REPORT = Var.of("selfReport", String.class);
  /** The unit's standing innovation claims in a few lines; shown, never taken from the form. */
  public static final Var<String> INNOVATION_CLAIMS = Var.of("innovationClaims", String.class);
  public static final Var<String> ASSESSMENT_SUMMARY = Var.of("assessmentSummary", String.class);
  public static final Var<String> ASSESSMENT_CORRECTION_REASON = Var.of("assessmentCorrectionReason", String.class);
  public static final Var<String> ASSESSMENT_RETURN_COMMENT = Var.of("assessmentReturnComment", String.class);

  public static final String DECISION_APPROVE = "approve";
  public static final String DECISION_RETURN = "return";

  private ProcessVariables() {}
}
