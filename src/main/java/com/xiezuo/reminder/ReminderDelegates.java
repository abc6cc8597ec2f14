package com.xiezuo.reminder;

import static com.xiezuo.workflow.ProcessVariables.ASSIGNMENT_ID;
import static com.xiezuo.workflow.ProcessVariables.DEADLINE;
import static com.xiezuo.workflow.ProcessVariables.NEXT_REMINDER_AT;
import static com.xiezuo.workflow.ProcessVariables.PLAN_TASK_ID;
import static com.xiezuo.workflow.ProcessVariables.REMINDERS_FROM;

import com.xiezuo.execution.UnitAssignments;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The unit task's deadline watch: plan the next reminder, send what is due, escalate on the deadline. */
@Configuration
public class ReminderDelegates {

  @Bean
  JavaDelegate planRemindersDelegate(ReminderPlanner planner) {
    return execution -> NEXT_REMINDER_AT.set(execution, planner.nextAt(ASSIGNMENT_ID.get(execution),
        PLAN_TASK_ID.get(execution), DEADLINE.get(execution), REMINDERS_FROM.get(execution)));
  }

  @Bean
  JavaDelegate sendRemindersDelegate(ReminderPlanner planner, UnitTaskMails mails, MailService mailService) {
    return execution -> planner.dueNow(ASSIGNMENT_ID.get(execution), PLAN_TASK_ID.get(execution),
            DEADLINE.get(execution), REMINDERS_FROM.get(execution))
        .forEach(reminder -> mailService.deliver(mails.reminder(execution, execution.getProcessInstanceId(),
            execution.getProcessBusinessKey(), reminder)));
  }

  @Bean
  JavaDelegate escalateOverdueDelegate(UnitAssignments assignments, UnitTaskMails mails, MailService mailService) {
    return execution -> {
      assignments.markOverdue(ASSIGNMENT_ID.get(execution));
      mailService.deliver(mails.escalation(execution, execution.getProcessInstanceId(), execution.getProcessBusinessKey()));
    };
  }
}
