package com.xiezuo.support;

import com.xiezuo.workflow.ProcessKeys;
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

  /**
   * The plan's instances: what annualPlan called, and the processes it started on their own under its business key
   * (supervision rounds, "plan/2023/7/supervision/1"), with what those called.
   */
  public Set<String> family() {
    Set<String> family = historyService.createHistoricProcessInstanceQuery().rootProcessInstanceId(rootInstanceId).list()
        .stream().map(HistoricProcessInstance::getId).collect(Collectors.toSet());
    HistoricProcessInstance root = historyService.createHistoricProcessInstanceQuery().processInstanceId(rootInstanceId)
        .singleResult();
    if (root != null && root.getBusinessKey() != null) {
      // unit tasks share the plan's key prefix but are already in its family: only roots of their own are added
      Set<String> otherRoots = historyService.createHistoricProcessInstanceQuery()
          .processDefinitionKeyIn(ProcessKeys.SUPERVISION_ROUND, ProcessKeys.RECTIFICATION)
          .processInstanceBusinessKeyLike(root.getBusinessKey() + "/%").list().stream()
          .map(HistoricProcessInstance::getRootProcessInstanceId).filter(id -> !id.equals(rootInstanceId))
          .collect(Collectors.toSet());
      otherRoots.forEach(other -> historyService.createHistoricProcessInstanceQuery().rootProcessInstanceId(other).list()
          .forEach(instance -> family.add(instance.getId())));
    }
    return family;
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

  /**
   * Executes due jobs one at a time, earliest first, until none is left; a job may create or remove others (a timer
   * that fires cancels the other branches of an event-based gateway). Returns how many ran.
   */
  public int runDueJobs() {
    for (int ran = 0; ran < 5000; ran++) {
      List<Job> due = dueJobs().stream()
          .sorted(java.util.Comparator.comparing(Job::getDuedate, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
          .toList();
      if (due.isEmpty()) {
        return ran;
      }
      managementService.executeJob(due.get(0).getId());
    }
    throw new IllegalStateException("jobs keep coming after 5000 executions");
  }

  /** Like {@link #runDueJobs()}, but a failing job (SMTP down) is left to its retries; returns the failures. */
  public List<Exception> runDueJobsAllowingFailures() {
    List<Exception> failures = new java.util.ArrayList<>();
    for (int ran = 0; ran < 5000; ran++) {
      List<Job> due = dueJobs().stream().filter(job -> job.getRetries() > 0)
          .sorted(java.util.Comparator.comparing(Job::getDuedate, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
          .toList();
      if (due.isEmpty()) {
        return failures;
      }
      try {
        managementService.executeJob(due.get(0).getId());
      } catch (Exception failure) {
        failures.add(failure);
      }
    }
    throw new IllegalStateException("jobs keep coming after 5000 executions");
  }

  /** The job waiting at an activity of one process instance (by its job definition), or null. */
  public Job jobAt(String processInstanceId, String activityId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId).list().stream()
        .filter(job -> activityId.equals(managementService.createJobDefinitionQuery()
            .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId()))
        .findFirst().orElse(null);
  }

  public static LocalDateTime toLocal(Date date) {
    return LocalDateTime.ofInstant(date.toInstant(), ZoneId.of("Asia/Shanghai"));
  }

  /** Moves the engine clock and runs what became due. */
  public int advanceTo(LocalDateTime time) {
    setClock(time);
    return runDueJobs();
  }
}
