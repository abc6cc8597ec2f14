package com.xiezuo.workflow;

/** Process definition keys, fixed (src/site/markdown/reference.md). */
public final class ProcessKeys {

  public static final String ANNUAL_PLAN = "annualPlan";
  public static final String INDICATOR_DECOMPOSITION = "indicatorDecomposition";
  public static final String ALLOCATION_CONFIRMATION = "allocationConfirmation";
  public static final String UNIT_TASK = "unitTask";
  public static final String SUPERVISION_ROUND = "supervisionRound";
  public static final String RECTIFICATION = "rectification";
  public static final String ANNUAL_ASSESSMENT = "annualAssessment";
  public static final String SELF_ASSESSMENT = "selfAssessment";
  public static final String PLAN_ARCHIVE = "planArchive";

  /** Messages the processes wait for. */
  public static final String MESSAGE_PLAN_CHANGE_PROPOSED = "planChangeProposed";
  public static final String MESSAGE_UNIT_TASK_CANCELLED = "unitTaskCancelled";
  public static final String MESSAGE_ASSESSMENT_CORRECTION = "assessmentCorrectionRequested";
  public static final String MESSAGE_DEADLINE_MOVED = "deadlineMoved";

  private ProcessKeys() {}
}
