package com.xiezuo.execution;

import static com.xiezuo.workflow.ProcessVariables.ASSIGNMENT_ID;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What a unit task's end means for its assignment: completed or cancelled. */
@Configuration
public class UnitTaskRecords {

  @Bean
  JavaDelegate recordUnitTaskCompletedDelegate(UnitAssignments assignments) {
    return execution -> assignments.setStatus(ASSIGNMENT_ID.get(execution), AssignmentStatus.COMPLETED);
  }

  @Bean
  JavaDelegate recordUnitTaskCancelledDelegate(UnitAssignments assignments) {
    return execution -> assignments.setStatus(ASSIGNMENT_ID.get(execution), AssignmentStatus.CANCELLED);
  }

}
