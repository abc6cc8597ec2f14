package com.xiezuo.supervision;

import static com.xiezuo.workflow.ProcessVariables.NEXT_SUPERVISION_AT;
import static com.xiezuo.workflow.ProcessVariables.PLAN_YEAR;
import static com.xiezuo.workflow.ProcessVariables.SUPERVISION_ROUND;

import com.xiezuo.workflow.Deadlines;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Supervision rounds through the plan year on a configurable cycle ({@code xiezuo.supervision.cycle}, default
 * monthly): the next round one cycle after the previous one (or after the fan-out), at 09:00; none after year end.
 */
@Component("scheduleSupervisionDelegate")
public class SupervisionSchedule implements JavaDelegate {

  static final LocalTime ROUND_TIME = LocalTime.of(9, 0);

  private final Period cycle;

  public SupervisionSchedule(@Value("${xiezuo.supervision.cycle:P1M}") Period cycle) {
    if (cycle.isZero() || cycle.isNegative()) {
      throw new IllegalStateException("xiezuo.supervision.cycle must be a positive period, e.g. P1M or P14D");
    }
    this.cycle = cycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date previous = NEXT_SUPERVISION_AT.get(execution);
    LocalDate base = previous == null ? Deadlines.today() : Deadlines.toLocalDate(previous);
    LocalDate next = base.plus(cycle);
    int round = SUPERVISION_ROUND.get(execution) == null ? 0 : SUPERVISION_ROUND.get(execution);
    if (next.isAfter(LocalDate.of(PLAN_YEAR.get(execution), 12, 31))) {
      NEXT_SUPERVISION_AT.set(execution, null);
    } else {
      NEXT_SUPERVISION_AT.set(execution, Deadlines.at(next, ROUND_TIME));
      SUPERVISION_ROUND.set(execution, round + 1);
    }
  }
}
