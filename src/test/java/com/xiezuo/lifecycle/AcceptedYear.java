package com.xiezuo.lifecycle;

import com.xiezuo.decomposition.Allocations;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.support.PlanAtWork;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.workflow.ElementIds;
import java.time.LocalDateTime;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;

/** A year under way: the test plan imported on 10 May 2023, approved, split, handed out and accepted by every unit. */
public record AcceptedYear(PlanSummary plan, ProcessDriver driver, PlanAtWork work) {

  public static AcceptedYear begin(PlanImportService importer, Allocations allocations, UnitAssignments assignments,
      TaskService taskService, ManagementService managementService, HistoryService historyService) {
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
    PlanSummary plan = LifecycleFixture.importPlan(importer, true);
    ProcessDriver driver = new ProcessDriver(managementService, historyService, plan.processInstanceId());
    PlanAtWork work = new PlanAtWork(assignments, taskService, plan.id());
    LifecycleFixture.approve(taskService, plan);
    LifecycleFixture.decomposeAndHandOut(taskService, allocations, driver, plan);
    assignments.ofPlan(plan.id()).forEach(assignment -> work.complete(assignment, ElementIds.UnitTask.ACCEPT_TASK,
        Map.of("taskAccepted", true)));
    return new AcceptedYear(plan, driver, work);
  }
}
