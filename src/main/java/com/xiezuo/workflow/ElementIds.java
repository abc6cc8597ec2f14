package com.xiezuo.workflow;

/**
 * The BPMN element ids Java code refers to, one class per process, so that a rename in a model breaks one test
 * (ElementIdsTest finds every constant in its model) instead of silently breaking a query.
 */
public final class ElementIds {

  /** annualPlan.bpmn */
  public static final class AnnualPlan {
    public static final String TIMER_ASSESSMENT_DUE = "timer_assessmentDue";
    public static final String REVIEW_PLAN = "userTask_reviewPlan";
    public static final String APPROVE_PLAN = "userTask_approvePlan";
    public static final String APPROVE_CHANGE = "userTask_approveChange";

    private AnnualPlan() {}
  }

  /** planArchive.bpmn */
  public static final class PlanArchive {
    public static final String BUILD_ARCHIVE = "serviceTask_buildArchive";

    private PlanArchive() {}
  }

  /** indicatorDecomposition.bpmn */
  public static final class IndicatorDecomposition {
    public static final String CONFIRM_ALLOCATION = "callActivity_confirmAllocation";
    public static final String SIGN_OFF_ALLOCATION = "userTask_signOffAllocation";

    private IndicatorDecomposition() {}
  }

  /** unitTask.bpmn */
  public static final class UnitTask {
    public static final String ACCEPT_TASK = "userTask_acceptTask";
    public static final String REPORT_PROGRESS = "userTask_reportProgress";
    public static final String REPORT_COMPLETION = "userTask_reportCompletion";
    public static final String LEAD_REVIEW = "userTask_leadReview";
    public static final String SIGN_OFF = "userTask_signOff";

    private UnitTask() {}
  }

  /** supervisionRound.bpmn */
  public static final class SupervisionRound {
    public static final String REVIEW_FINDINGS = "userTask_reviewFindings";
    public static final String EDIT_BULLETIN = "userTask_editBulletin";
    public static final String SIGN_BULLETIN = "userTask_signBulletin";

    private SupervisionRound() {}
  }

  /** annualAssessment.bpmn */
  public static final class AnnualAssessment {
    public static final String SELF_ASSESSMENTS = "callActivity_selfAssessment";
    public static final String SELF_ASSESSMENT_CLOSES = "timer_selfAssessmentCloses";
    public static final String REVIEW = "userTask_reviewAssessment";
    public static final String APPROVE = "userTask_approveAssessment";

    private AnnualAssessment() {}
  }

  /** selfAssessment.bpmn */
  public static final class SelfAssessment {
    public static final String SUBMIT = "userTask_submitSelfAssessment";

    private SelfAssessment() {}
  }

  /** rectification.bpmn */
  public static final class Rectification {
    public static final String REPORT = "userTask_reportRectification";
    public static final String VERIFY = "userTask_verifyRectification";
    public static final String DECIDE_EXTENSION = "userTask_decideExtension";
    public static final String TIMER_DUE = "timer_rectificationDue";

    private Rectification() {}
  }

  private ElementIds() {}
}
