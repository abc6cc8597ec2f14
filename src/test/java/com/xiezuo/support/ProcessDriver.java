package com.xiezuo.support;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Drives the jobs of one plan's process family (annualPlan and everything it called) on the engine clock, so tests
 * never sleep and never run the jobs of other tests sharing the engine.
 */
public final class ProcessDriver {

  private final ManagementService managementService;
  private final HistoryService historyService;
  private final String rootInstanceId;

  public ProcessDriver(ManagementService managementService, HistoryService historyService, String rootInstanceId) {
    this.managementService = managementService;
    this.historyService = historyService;
    this.rootInstanceId = rootInstanceId;
  }

  public static void setClock(LocalDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
  }

  public static void resetClock() {
    ClockUtil.reset();
  }

  public Set<String> family() {
    return historyService.createHistoricProcessInstanceQuery().rootProcessInstanceId(rootInstanceId).list().stream()
        .map(HistoricProcessInstance::getId).collect(Collectors.toSet());
  }

  /** The jobs of the family that are due now (engine clock), timers included. */
  public List<Job> dueJobs() {
    return family().stream()
        .flatMap(id -> managementService.createJobQuery().processInstanceId(id).executable().list().stream())
        .toList();
  }

  public List<Job> jobs() {
    return family().stream()
        .flatMap(id -> managementService.createJobQuery().processInstanceId(id).list().stream()).toList();
  }

  /** Executes due jobs until none is left (jobs may create further jobs); returns how many ran. */
  public int runDueJobs() {
    int ran = 0;
    for (int pass = 0; pass < 50; pass++) {
      List<Job> due = dueJobs();
      if (due.isEmpty()) {
        return ran;
      }
      for (Job job : due) {
        managementService.executeJob(job.getId());
        ran++;
      }
    }
    throw new IllegalStateException("jobs keep coming after 50 passes");
  }

  /** Moves the engine clock and runs what became due. */
  public int advanceTo(LocalDateTime time) {
    setClock(time);
    return runDueJobs();
  }
}
