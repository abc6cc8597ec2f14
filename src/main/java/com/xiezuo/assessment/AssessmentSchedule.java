package com.xiezuo.assessment;

import static com.xiezuo.workflow.ProcessVariables.ASSESSMENT_AT;
import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;
import static com.xiezuo.workflow.ProcessVariables.PLAN_YEAR;

import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.plan.change.PlanTaskChanged;
import com.xiezuo.workflow.AsSystem;
import com.xiezuo.workflow.Deadlines;
import com.xiezuo.workflow.ElementIds;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The annual assessment starts a configurable period after the last deadline
 * ({@code xiezuo.assessment.after-last-deadline}); a coordinator may open it earlier.
 */
@Component("scheduleAssessmentDelegate")
public class AssessmentSchedule implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(AssessmentSchedule.class);

  private final Period afterLastDeadline;
  private final PlanRepository plans;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final AsSystem asSystem;

  public AssessmentSchedule(@Value("${xiezuo.assessment.after-last-deadline:P15D}") Period afterLastDeadline,
      PlanRepository plans, RuntimeService runtimeService, ManagementService managementService, AsSystem asSystem) {
    this.asSystem = asSystem;
    this.afterLastDeadline = afterLastDeadline;
    this.plans = plans;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ASSESSMENT_AT.set(execution, assessmentAt(PLAN_ID.get(execution), PLAN_YEAR.get(execution)));
  }

  private Date assessmentAt(long planId, int year) {
    LocalDate last = plans.lastDeadline(planId).orElse(LocalDate.of(year, 12, 31));
    return Deadlines.at(last.plus(afterLastDeadline), LocalTime.of(9, 0));
  }

  /** When the plan's assessment opens, while its timer waits (empty before the plan runs and once it opened). */
  public Optional<Date> due(long planId) {
    return waitingTimer(planId).map(Job::getDuedate);
  }

  /** The timer is due and the job executor is about to open the assessment (moments after opening early). */
  public boolean opening(long planId) {
    return due(planId).filter(at -> !at.after(Deadlines.now())).isPresent();
  }

  /** A coordinator opens the assessment now instead of on its date (the job executor picks it up at once). */
  public void openNow(long planId, String user) {
    Job timer = waitingTimer(planId).orElseThrow(() -> new AssessmentProblemException(
        "本计划的年度考核不在等待开启状态（计划尚未进入执行阶段，或考核已经开启）"));
    asSystem.run(() -> managementService.setJobDuedate(timer.getId(), Deadlines.now()));
    LOG.info("Plan {}: the annual assessment was opened early by {} (planned for {})", planId, user,
        timer.getDuedate());
  }

  private Optional<Job> waitingTimer(long planId) {
    return plans.findSummary(planId).map(PlanSummary::processInstanceId).flatMap(instance -> Optional.ofNullable(
        asSystem.call(() -> managementService.createJobQuery().processInstanceId(instance)
            .activityId(ElementIds.AnnualPlan.TIMER_ASSESSMENT_DUE).singleResult())));
  }

  /** After a deadline was extended: a waiting assessment moves later with the plan's last deadline, never earlier. */
  @EventListener
  void followLastDeadline(PlanTaskChanged.DeadlineExtended change) {
    long planId = change.planId();
    PlanSummary plan = plans.findSummary(planId).orElseThrow();
    if (plan.processInstanceId() == null) {
      return;
    }
    Date at = assessmentAt(planId, plan.year());
    Job timer = managementService.createJobQuery().processInstanceId(plan.processInstanceId())
        .activityId(ElementIds.AnnualPlan.TIMER_ASSESSMENT_DUE).singleResult();
    if (timer == null || !at.after(timer.getDuedate())) {
      return;
    }
    runtimeService.setVariable(plan.processInstanceId(), ASSESSMENT_AT.name(), at);
    managementService.setJobDuedate(timer.getId(), at);
  }
}
