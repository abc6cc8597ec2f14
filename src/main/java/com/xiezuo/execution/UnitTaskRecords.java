package com.xiezuo.execution;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What a unit task's end means for its assignment: completed or cancelled. */
@Configuration
public class UnitTaskRecords {

  @Bean
  JavaDelegate recordUnitTaskCompletedDelegate(UnitAssignments assignments, UnitTaskRouting routing) {
    return execution -> assignments.setStatus(routing.assignment(execution).id(), AssignmentStatus.COMPLETED);
  }

  @Bean
  JavaDelegate recordUnitTaskCancelledDelegate(UnitAssignments assignments, UnitTaskRouting routing) {
    return execution -> assignments.setStatus(routing.assignment(execution).id(), AssignmentStatus.CANCELLED);
  }

}
