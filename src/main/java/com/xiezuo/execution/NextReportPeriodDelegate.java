package com.xiezuo.execution;

import static com.xiezuo.workflow.ProcessVariables.DEADLINE;
import static com.xiezuo.workflow.ProcessVariables.REMINDERS_FROM;
import static com.xiezuo.workflow.ProcessVariables.REPORT_PERIOD_DUE;
import static com.xiezuo.workflow.ProcessVariables.REPORT_PERIOD_LABEL;

import com.xiezuo.workflow.Deadlines;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The next progress-report period of a unit task, after the last one (or the task's start); none past the deadline. */
@Component("nextReportPeriodDelegate")
public class NextReportPeriodDelegate implements JavaDelegate {

  private final ReportPeriods periods;

  public NextReportPeriodDelegate(ReportPeriods periods) {
    this.periods = periods;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date last = REPORT_PERIOD_DUE.get(execution);
    LocalDate after = last != null ? Deadlines.toLocalDate(last) : Deadlines.toLocalDate(REMINDERS_FROM.get(execution)).minusDays(1);
    LocalDate next = periods.next(after, Deadlines.toLocalDate(DEADLINE.get(execution)));
    REPORT_PERIOD_DUE.set(execution, next == null ? null : Deadlines.endOfDay(next));
    REPORT_PERIOD_LABEL.set(execution, next == null ? null : periods.label(next));
  }
}
