package com.xiezuo.assessment;

import static com.xiezuo.workflow.ProcessVariables.ASSESSMENT_AT;
import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;
import static com.xiezuo.workflow.ProcessVariables.PLAN_YEAR;

import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.plan.change.PlanTaskChanged;
import com.xiezuo.workflow.Deadlines;
import com.xiezuo.workflow.ElementIds;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The annual assessment starts a configurable period after the last deadline ({@code xiezuo.assessment.after-last-deadline}). */
@Component("scheduleAssessmentDelegate")
public class AssessmentSchedule implements JavaDelegate {

  private final Period afterLastDeadline;
  private final PlanRepository plans;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;

  public AssessmentSchedule(@Value("${xiezuo.assessment.after-last-deadline:P15D}") Period afterLastDeadline,
      PlanRepository plans, RuntimeService runtimeService, ManagementService managementService) {
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
