package com.xiezuo.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.support.PlanAtWork;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.XiezuoSpringTest;
import java.time.LocalDateTime;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's bare NullPointerException when a colleague's completion removed the task's execution in the same
 * moment (seen once in fifty users' load: a 500): a submission of a task that is gone is that race, a 409; a
 * NullPointerException anywhere else stays a 500.
 */
@XiezuoSpringTest
class VanishedExecutionTest {

  @Autowired PlanImportService importer;
  @Autowired UnitAssignments assignments;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void aSubmissionOfATaskCompletedMeanwhileIsTheRaceAndNothingElseIs() {
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
    PlanSummary plan = LifecycleFixture.importPlan(importer, false);
    LifecycleFixture.approve(taskService, plan);
    new ProcessDriver(managementService, historyService, plan.processInstanceId()).runDueJobs();
    PlanAtWork work = new PlanAtWork(assignments, taskService, plan.id());
    UnitAssignment hrss = work.unit("hrss", "2");
    String accepted = work.open(hrss, "userTask_acceptTask").getId();
    work.complete(hrss, "userTask_acceptTask", Map.of("taskAccepted", true));
    String open = work.open(hrss, "userTask_reportCompletion").getId();

    assertThat(RestRefusals.isSubmissionOfTaskGone("/task/" + accepted + "/complete", engine)).isTrue();
    assertThat(RestRefusals.isSubmissionOfTaskGone("/engine/default/task/" + accepted + "/submit-form/", engine)).isTrue();
    assertThat(RestRefusals.isSubmissionOfTaskGone("/task/" + open + "/complete", engine)).as("still open").isFalse();
    assertThat(RestRefusals.isSubmissionOfTaskGone("/task/" + accepted + "/comment/create", engine)).isFalse();
    assertThat(RestRefusals.isSubmissionOfTaskGone("/process-instance/" + accepted, engine)).isFalse();
  }
}
