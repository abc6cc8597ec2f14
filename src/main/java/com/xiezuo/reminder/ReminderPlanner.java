package com.xiezuo.reminder;

import com.xiezuo.execution.ReportPeriods;
import com.xiezuo.execution.UnitTaskData;
import com.xiezuo.mail.MailOutbox;
import com.xiezuo.plan.PlanMilestone;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.workflow.Deadlines;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which reminders a unit task has: before the task deadline, before each milestone, before each progress-report
 * period end, at every configured offset — minus what is already done (report submitted, milestone marked, task
 * completed) and minus what was already sent. Reminders due before the task began are not sent.
 */
@Component
public class ReminderPlanner {

  public enum TargetKind { DEADLINE, MILESTONE, PERIOD }

  /** Something with a date a unit must meet. */
  public record Target(TargetKind kind, String ref, LocalDate due, String missing) {}

  /** One reminder: which target, which offset, when, and its outbox key. */
  public record Reminder(Target target, Period offset, Date at, String dedupKey) {}

  private final ReminderSettings settings;
  private final ReportPeriods periods;
  private final UnitTaskData data;
  private final MailOutbox outbox;
  private final PlanRepository plans;

  public ReminderPlanner(ReminderSettings settings, ReportPeriods periods, UnitTaskData data, MailOutbox outbox,
      PlanRepository plans) {
    this.plans = plans;
    this.settings = settings;
    this.periods = periods;
    this.data = data;
    this.outbox = outbox;
  }

  /** Where a unit task stands, as far as reminders care. */
  public record WorkState(boolean notYetAccepted, boolean withReviewers, LocalDate currentPeriodEnd) {}

  /**
   * What the unit still owes: the completion report (unless it sits with the lead unit or leadership), unmarked
   * milestones, and the report periods from the current one (none once the last period is behind it).
   */
  public List<Target> openTargets(long assignmentId, long planTaskId, LocalDate deadline, LocalDate from, WorkState state) {
    List<Target> targets = new ArrayList<>();
    if (!state.withReviewers()) {
      targets.add(new Target(TargetKind.DEADLINE, "task", deadline, "报送完成情况"));
    }
    for (PlanMilestone milestone : plans.milestonesOfTask(planTaskId)) {
      if (!milestone.date().isAfter(deadline) && !data.milestoneDone(assignmentId, milestone.id())) {
        targets.add(new Target(TargetKind.MILESTONE, String.valueOf(milestone.id()), milestone.date(),
            "完成节点“" + milestone.text() + "”"));
      }
    }
    LocalDate periodsFrom = state.notYetAccepted() ? from : state.currentPeriodEnd();
    if (periodsFrom != null) {
      for (LocalDate end : periods.all(periodsFrom, deadline)) {
        if (!data.hasProgressReport(assignmentId, end)) {
          targets.add(new Target(TargetKind.PERIOD, end.toString(), end, "报送" + periods.label(end) + "进展情况"));
        }
      }
    }
    return targets;
  }

  /** All reminders still to send, earliest first. */
  public List<Reminder> pending(long assignmentId, long planTaskId, Date deadline, Date startedAt, WorkState state) {
    LocalDate due = Deadlines.toLocalDate(deadline);
    List<Reminder> reminders = new ArrayList<>();
    for (Target target : openTargets(assignmentId, planTaskId, due, Deadlines.toLocalDate(startedAt), state)) {
      for (Period offset : settings.offsets()) {
        Date at = Deadlines.at(settings.reminderDay(target.due(), offset), settings.time());
        String key = "reminder/" + assignmentId + "/" + target.kind() + "/" + target.ref() + "/" + target.due() + "/" + offset;
        if (!at.before(startedAt) && !outbox.isDone(key)) {
          reminders.add(new Reminder(target, offset, at, key));
        }
      }
    }
    reminders.sort(Comparator.comparing(Reminder::at));
    return reminders;
  }

  public List<Reminder> dueNow(long assignmentId, long planTaskId, Date deadline, Date startedAt, WorkState state) {
    Date now = Deadlines.now();
    return pending(assignmentId, planTaskId, deadline, startedAt, state).stream().filter(r -> !r.at().after(now)).toList();
  }

  /** When the next reminder is due; after the deadline when none is (the deadline timer comes first then). */
  public Date nextAt(long assignmentId, long planTaskId, Date deadline, Date startedAt, WorkState state) {
    Date now = Deadlines.now();
    Optional<Date> next = pending(assignmentId, planTaskId, deadline, startedAt, state).stream().map(Reminder::at)
        .filter(at -> at.after(now)).findFirst();
    return next.orElse(new Date(deadline.getTime() + 24L * 3600 * 1000));
  }
}
