package com.xiezuo.demo;

import com.xiezuo.workflow.Deadlines;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine clock during the demo's replay of the past, and the jobs that fall due on it, run one by one on the
 * replaying thread as the job executor would run them (which starts only once the application is ready).
 */
@Component
class DemoClock {

  private static final Logger LOG = LoggerFactory.getLogger(DemoClock.class);
  private static final int PAGE = 200;

  private final ManagementService managementService;
  private int jobsRun;
  private int jobsFailed;

  DemoClock(ManagementService managementService) {
    this.managementService = managementService;
  }

  void set(LocalDate day, LocalTime time) {
    ClockUtil.setCurrentTime(Deadlines.at(day, time));
  }

  void reset() {
    ClockUtil.reset();
  }

  /** Runs every job due by the engine clock, earliest first, until none is left. */
  void runDueJobs() {
    for (int pages = 0; pages < 1000; pages++) {
      List<Job> due = managementService.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, PAGE);
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        if (managementService.createJobQuery().jobId(job.getId()).count() == 0) {
          continue; // removed by an earlier job of this page (the other branch of an event gateway)
        }
        try {
          managementService.executeJob(job.getId());
          jobsRun++;
        } catch (ProcessEngineException e) {
          // a failing job: the engine keeps its retries and incident as it would for the job executor
          jobsFailed++;
          LOG.debug("Demo replay: job {} not run: {}", job.getId(), e.getMessage());
        }
      }
    }
    throw new IllegalStateException("demo replay: jobs keep falling due at " + ClockUtil.getCurrentTime());
  }

  int jobsRun() {
    return jobsRun;
  }

  int jobsFailed() {
    return jobsFailed;
  }
}
