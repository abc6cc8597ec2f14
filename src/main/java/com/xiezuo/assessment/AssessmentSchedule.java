package com.xiezuo.assessment;

import static com.xiezuo.workflow.ProcessVariables.ASSESSMENT_AT;
import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;
import static com.xiezuo.workflow.ProcessVariables.PLAN_YEAR;

import com.xiezuo.plan.PlanRepository;
import com.xiezuo.workflow.Deadlines;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The annual assessment starts a configurable period after the last deadline ({@code xiezuo.assessment.after-last-deadline}). */
@Component("scheduleAssessmentDelegate")
public class AssessmentSchedule implements JavaDelegate {

  private final Period afterLastDeadline;
  private final PlanRepository plans;

  public AssessmentSchedule(@Value("${xiezuo.assessment.after-last-deadline:P15D}") Period afterLastDeadline,
      PlanRepository plans) {
    this.afterLastDeadline = afterLastDeadline;
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate last = plans.lastDeadline(PLAN_ID.get(execution))
        .orElse(LocalDate.of(PLAN_YEAR.get(execution), 12, 31));
    ASSESSMENT_AT.set(execution, Deadlines.at(last.plus(afterLastDeadline), LocalTime.of(9, 0)));
  }
}
