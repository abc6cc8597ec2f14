package com.xiezuo.assessment;

import static com.xiezuo.workflow.ProcessVariables.ASSESSMENT_CORRECTION_REASON;
import static com.xiezuo.workflow.ProcessVariables.ASSESSMENT_ID;
import static com.xiezuo.workflow.ProcessVariables.ASSESSMENT_RETURN_COMMENT;
import static com.xiezuo.workflow.ProcessVariables.ASSESSMENT_SUMMARY;
import static com.xiezuo.workflow.ProcessVariables.INNOVATION_CLAIMS;
import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;
import static com.xiezuo.workflow.ProcessVariables.SELF_ASSESSMENT_CLOSES;
import static com.xiezuo.workflow.ProcessVariables.SELF_ASSESSMENT_DUE;
import static com.xiezuo.workflow.ProcessVariables.SELF_ASSESSMENT_DUE_TEXT;
import static com.xiezuo.workflow.ProcessVariables.SELF_REPORT;

import com.xiezuo.assessment.AssessmentRecords.Assessment;
import com.xiezuo.workflow.CurrentUser;
import com.xiezuo.workflow.Deadlines;
import com.xiezuo.workflow.FormValidationException;
import com.xiezuo.workflow.LeaderDecision;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The annual assessment's and the self-assessment's steps: thin, each one call into {@link Assessments}. */
@Configuration
public class AssessmentProcess {

  @Bean
  JavaDelegate openAssessmentDelegate(Assessments assessments,
      @Value("${xiezuo.assessment.self-assessment-grace:P3D}") Period grace) {
    return execution -> {
      Assessment assessment = assessments.open(PLAN_ID.get(execution), execution.getProcessInstanceId());
      LocalDate closes = assessment.selfDue().plus(grace);
      ASSESSMENT_ID.set(execution, assessment.id());
      SELF_ASSESSMENT_DUE.set(execution, Deadlines.endOfDay(assessment.selfDue()));
      SELF_ASSESSMENT_CLOSES.set(execution, Deadlines.at(closes.plusDays(1), LocalTime.of(0, 5)));
      SELF_ASSESSMENT_DUE_TEXT.set(execution, assessment.selfDue() + " 前（逾期可补报至 " + closes + "，记为逾期提交）");
      ASSESSMENT_CORRECTION_REASON.set(execution, null);
    };
  }

  /**
   * A unit's self-assessment, recorded for the unit whose task it is (the task's group), by whoever completed it; it
   * freezes the claims, so they must be the ones the form showed.
   */
  @Bean
  TaskListener selfAssessmentSubmitted(Assessments assessments, InnovationClaims claims, CurrentUser currentUser) {
    return task -> {
      if (!claims.summary(ASSESSMENT_ID.get(task), unitOf(task)).equals(INNOVATION_CLAIMS.get(task))) {
        throw new FormValidationException("“" + task.getName() + "”未提交：打开任务后工作创新申报有变动，"
            + "请重新打开任务核对“已申报的工作创新”后再提交");
      }
      try {
        assessments.submitSelf(ASSESSMENT_ID.get(task), unitOf(task), SELF_REPORT.get(task), currentUser.of(task));
      } catch (AssessmentProblemException refused) {
        throw new FormValidationException("“" + task.getName() + "”未通过校验：" + refused.getMessage());
      }
    };
  }

  /** The form shows the unit's claims as they stand (and again whenever it is opened, see {@link ClaimsOnOpen}). */
  @Bean
  TaskListener selfAssessmentClaimsShown(InnovationClaims claims) {
    return task -> INNOVATION_CLAIMS.set(task.getExecution(), claims.summary(ASSESSMENT_ID.get(task), unitOf(task)));
  }

  @Bean
  JavaDelegate scoreAssessmentDelegate(Assessments assessments) {
    return execution -> {
      long id = ASSESSMENT_ID.get(execution);
      assessments.closeSelfAssessment(id);
      assessments.score(id);
    };
  }

  /** The assessors are done: scored once more with their points, it goes to leadership with the summary. */
  @Bean
  TaskListener assessmentReviewDone(Assessments assessments, CurrentUser currentUser) {
    return task -> {
      ASSESSMENT_SUMMARY.set(task.getExecution(), assessments.submitReview(ASSESSMENT_ID.get(task),
          currentUser.of(task)));
      ASSESSMENT_RETURN_COMMENT.set(task.getExecution(), null);
    };
  }

  /** After {@code approvalDecisionCheck}: the leader's decision, by the leader who completed the task. */
  @Bean
  TaskListener assessmentSigning(Assessments assessments, CurrentUser currentUser) {
    return task -> {
      LeaderDecision decision = LeaderDecision.of(task);
      assessments.sign(ASSESSMENT_ID.get(task), decision.approved(), decision.comment(), currentUser.of(task));
      ASSESSMENT_RETURN_COMMENT.set(task.getExecution(), decision.approved() ? null : decision.comment());
    };
  }

  @Bean
  JavaDelegate publishAssessmentDelegate(Assessments assessments, AssessmentCorrections corrections) {
    return execution -> assessments.publish(ASSESSMENT_ID.get(execution)).ifPresent(corrections::supersede);
  }

  @Bean
  ExecutionListener correctionStartCheck(AssessmentCorrections corrections) {
    return corrections.startCheck();
  }

  static String unitOf(DelegateTask task) {
    return task.getCandidates().stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(link -> link.getGroupId()).filter(group -> group != null).findFirst().orElseThrow();
  }
}
