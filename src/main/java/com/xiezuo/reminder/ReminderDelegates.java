package com.xiezuo.reminder;

import static com.xiezuo.workflow.ProcessVariables.DEADLINE;
import static com.xiezuo.workflow.ProcessVariables.NEXT_REMINDER_AT;
import static com.xiezuo.workflow.ProcessVariables.REMINDERS_FROM;
import static com.xiezuo.workflow.ProcessVariables.REPORT_PERIOD_DUE;

import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.execution.UnitTaskRouting;
import com.xiezuo.mail.MailService;
import com.xiezuo.workflow.Deadlines;
import com.xiezuo.workflow.ElementIds.UnitTask;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The unit task's deadline watch: plan the next reminder, send what is due, escalate on the deadline. */
@Configuration
public class ReminderDelegates {

  private static final Logger LOG = LoggerFactory.getLogger(ReminderDelegates.class);

  /**
   * Read from the execution tree in memory, not by a task query: the watch starts in the same transaction that
   * creates the accept task, before that task is in the database.
   */
  static ReminderPlanner.WorkState state(DelegateExecution execution) {
    Set<String> waitingIn = new HashSet<>();
    collectActivities(((ExecutionEntity) execution).getProcessInstance(), waitingIn);
    var period = REPORT_PERIOD_DUE.get(execution);
    return new ReminderPlanner.WorkState(waitingIn.contains(UnitTask.ACCEPT_TASK),
        waitingIn.contains(UnitTask.LEAD_REVIEW) || waitingIn.contains(UnitTask.SIGN_OFF),
        period == null ? null : Deadlines.toLocalDate(period));
  }

  private static void collectActivities(ExecutionEntity execution, Set<String> into) {
    if (execution.getActivityId() != null) {
      into.add(execution.getActivityId());
    }
    execution.getExecutions().forEach(child -> collectActivities(child, into));
  }

  @Bean
  JavaDelegate planRemindersDelegate(ReminderPlanner planner, UnitTaskRouting routing) {
    return execution -> {
      UnitAssignment assignment = routing.assignment(execution);
      NEXT_REMINDER_AT.set(execution, planner.nextAt(assignment.id(), assignment.planTaskId(), DEADLINE.get(execution),
          REMINDERS_FROM.get(execution), state(execution)));
    };
  }

  @Bean
  JavaDelegate sendRemindersDelegate(ReminderPlanner planner, ReminderMails mails, MailService mailService,
      UnitTaskRouting routing) {
    return execution -> {
      UnitAssignment assignment = routing.assignment(execution);
      planner.dueNow(assignment.id(), assignment.planTaskId(), DEADLINE.get(execution), REMINDERS_FROM.get(execution),
              state(execution))
          .forEach(reminder -> mailService.deliver(mails.reminder(execution, assignment, reminder)));
    };
  }

  /**
   * On the deadline: overdue and escalated (a unit task handed out after its deadline is marked overdue at once and
   * counted in the plan's one late-start notice instead), unless the unit's completion report already sits with the lead unit or
   * leadership, or the deadline was moved meanwhile (the process then goes back to planning reminders).
   */
  @Bean
  JavaDelegate escalateOverdueDelegate(UnitAssignments assignments, ReminderMails mails, MailService mailService,
      UnitTaskRouting routing) {
    return execution -> {
      UnitAssignment assignment = routing.assignment(execution);
      if (!routing.deadlinePassed(execution)) {
        LOG.info("Unit task {}: deadline moved before the escalation ran; not overdue", assignment.businessKey());
        return;
      }
      if (state(execution).withReviewers()) {
        LOG.info("Unit task {}: completion reported, waiting for review; not escalated", assignment.businessKey());
        return;
      }
      assignments.markOverdue(assignment.id());
      Date startedAt = REMINDERS_FROM.get(execution);
      if (startedAt.after(DEADLINE.get(execution))) {
        // handed out after its deadline (a past year's plan, a late import): one notice per plan, not a mail per task
        mailService.deliver(mails.lateStart(assignment, Deadlines.toLocalDate(startedAt)));
        return;
      }
      mailService.deliver(mails.escalation(execution, assignment));
    };
  }

}
