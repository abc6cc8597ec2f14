package com.xiezuo;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.decomposition.AllocationEntry;
import com.xiezuo.decomposition.Allocations;
import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.TestPostgres;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Many units finishing at the same moment, on a real PostgreSQL: every district confirms the decomposition at once,
 * then leadership signs every unit task off at once. Each answer and sign-off is its own transaction; the parallel
 * joins count them in jobs of their own, so no user ever sees an optimistic-locking error.
 */
class ConcurrentCompletionIT {

  private static final List<String> DISTRICTS = List.of("xiangzhou", "jinwan", "doumen", "hitech");
  private static final Map<String, Map<String, Object>> ANSWERS = Map.of(
      "userTask_acceptTask", Map.of("taskAccepted", true),
      "userTask_reportProgress", Map.of("progressText", "本月按计划推进，进展顺利。"),
      "userTask_reportCompletion", Map.of("completionSummary", "已按计划完成全部工作任务。"),
      "userTask_leadReview", Map.of("leadReviewDecision", "approve"));

  @AfterEach
  void resetClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void unitsFinishingTogetherAllSucceed() throws Exception {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(XiezuoApplication.class).run(
        "--spring.profiles.active=postgres", "--server.port=0", "--SPRING_DATASOURCE_URL=" + TestPostgres.newDatabaseUrl(),
        "--SPRING_DATASOURCE_USERNAME=postgres", "--SPRING_DATASOURCE_PASSWORD=",
        "--camunda.bpm.process-engine-name=concurrent", "--camunda.bpm.job-execution.enabled=false",
        "--xiezuo.demo.enabled=false")) {
      ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
      TaskService tasks = app.getBean(TaskService.class);
      Allocations allocations = app.getBean(Allocations.class);
      PlanSummary plan = LifecycleFixture.importPlan(app.getBean(PlanImportService.class), true);
      ProcessDriver driver = new ProcessDriver(app.getBean(ManagementService.class), app.getBean(HistoryService.class),
          plan.processInstanceId());
      LifecycleFixture.approve(tasks, plan);
      long funds = allocations.indicators(plan.id()).get(0).id();
      allocations.save(plan.id(), DISTRICTS.stream()
          .map(unit -> new AllocationEntry(funds, unit, new BigDecimal("105000000"), "元")).toList(), "coordinator");
      String key = PlanImportService.businessKey(plan.year(), plan.id());
      tasks.complete(tasks.createTaskQuery().taskDefinitionKey("userTask_proposeAllocation")
          .processInstanceBusinessKey(key).singleResult().getId(), Map.of("allocationReady", true, "allocationRounding", 0));

      List<Task> confirmations = tasks.createTaskQuery().taskDefinitionKey("userTask_confirmAllocation")
          .processInstanceBusinessKey(key).list();
      assertThat(confirmations).hasSize(DISTRICTS.size());
      assertThat(allAtOnce(confirmations, Map.of("allocationDecision", "confirm"), tasks)).isEmpty();
      driver.runDueJobs();
      Task signOff = tasks.createTaskQuery().taskDefinitionKey("userTask_signOffAllocation")
          .processInstanceBusinessKey(key).singleResult();
      assertThat(signOff).as("every answer was counted").isNotNull();
      tasks.complete(signOff.getId(), Map.of("approvalDecision", "approve"));
      driver.runDueJobs();

      List<String> unitTasks = app.getBean(RuntimeService.class).createProcessInstanceQuery()
          .processDefinitionKey("unitTask").processInstanceBusinessKeyLike(key + "/%").list().stream()
          .map(instance -> instance.getId()).toList();
      assertThat(unitTasks).hasSizeGreaterThan(DISTRICTS.size());
      List<Task> signOffs = new ArrayList<>();
      for (String instance : unitTasks) {
        signOffs.add(workUpToSignOff(tasks, driver, instance));
      }
      assertThat(allAtOnce(signOffs, Map.of("approvalDecision", "approve"), tasks)).isEmpty();
      driver.runDueJobs();
      assertThat(app.getBean(RuntimeService.class).createProcessInstanceQuery().processInstanceIds(
          new java.util.HashSet<>(unitTasks)).count()).as("every unit task ended").isZero();
      assertThat(app.getBean(RuntimeService.class).createExecutionQuery().processInstanceId(plan.processInstanceId())
          .activityId("callActivity_unitTasks").count()).as("and the plan counted them all").isZero();
    }
  }

  private static Task workUpToSignOff(TaskService tasks, ProcessDriver driver, String instance) {
    for (int step = 0; step < 10; step++) {
      List<Task> open = tasks.createTaskQuery().processInstanceId(instance).list();
      Task signOff = open.stream().filter(t -> t.getTaskDefinitionKey().equals("userTask_signOff")).findFirst()
          .orElse(null);
      if (signOff != null) {
        return signOff;
      }
      open.forEach(task -> tasks.complete(task.getId(), ANSWERS.get(task.getTaskDefinitionKey())));
      driver.runDueJobs();
    }
    throw new IllegalStateException("unit task " + instance + " never reached its sign-off");
  }

  /** Completes the tasks in as many threads, released together; the failures, if any. */
  private static List<Throwable> allAtOnce(List<Task> open, Map<String, Object> variables, TaskService tasks)
      throws InterruptedException {
    ExecutorService threads = Executors.newFixedThreadPool(open.size());
    CountDownLatch ready = new CountDownLatch(open.size());
    CountDownLatch go = new CountDownLatch(1);
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    for (Task task : open) {
      threads.submit(() -> {
        ready.countDown();
        try {
          go.await();
          tasks.complete(task.getId(), variables);
        } catch (Throwable failure) {
          failures.add(failure);
        }
      });
    }
    ready.await();
    go.countDown();
    threads.shutdown();
    assertThat(threads.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    return List.copyOf(failures);
  }
}
