package com.xiezuo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.xiezuo.XiezuoApplication;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.support.Api;
import com.xiezuo.support.ScalePlans;
import com.xiezuo.support.TestPostgres;
import com.xiezuo.support.TestSmtp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fifty users at once over the REST API Tasklist uses, on PostgreSQL with the job executor on: unit staff (two per
 * unit for nine of the 39 units, so they race for the same tasks) list their open tasks, claim one, and complete
 * it — accept, report progress and completion, review as lead unit — and leadership signs off, for a bounded time
 * ({@code -Dxiezuo.load.seconds}, 120 by default). No answer is a 5xx, a race lost is a 4xx, every completion
 * answered 204 is in the history once, by its user, with the report text that user sent.
 */
class FiftyUsersLoadLongIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int USERS = 50;
  private static final int LEADERS = 2;

  record Completed(String taskId, String processInstanceId, String user, String definition, String variable,
      String text) {}

  @Test
  void fiftyUsersWorkTogetherWithoutA5xxOrALostUpdate() throws Exception {
    TestSmtp.ensureStarted();
    Duration run = Duration.ofSeconds(Long.getLong("xiezuo.load.seconds", 120));
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(XiezuoApplication.class).run(
        "--spring.profiles.active=postgres", "--server.port=0", "--SPRING_DATASOURCE_URL=" + TestPostgres.newDatabaseUrl(),
        "--SPRING_DATASOURCE_USERNAME=postgres", "--SPRING_DATASOURCE_PASSWORD=", "--camunda.bpm.process-engine-name=default",
        "--xiezuo.demo.enabled=true", "--xiezuo.demo.living-year=false", "--camunda.bpm.job-execution.enabled=true",
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + System.getProperty(TestSmtp.PORT_PROPERTY))) {
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      int year = LocalDate.now().getYear();
      PlanSummary plan = app.getBean(PlanImportService.class).importPlan(
          ScalePlans.plan(year, 125, 8, LocalDate.of(year, 12, 31), "12 月底前"),
          new PlanImportService.Options(PlanImportService.Source.JSON, "demo", false, null));
      LifecycleFixture.approve(app.getBean(TaskService.class), plan);
      awaitHandedOut(jdbc, PlanImportService.businessKey(plan.year(), plan.id()) + "/", 1000);

      List<String> units = app.getBean(UnitAssignments.class).ofPlan(plan.id()).stream().map(UnitAssignment::unitId)
          .distinct().sorted().toList();
      List<String> users = new ArrayList<>();
      for (int i = 0; users.size() < USERS - LEADERS; i++) {
        users.add(units.get(i % units.size()));
      }
      users.addAll(Collections.nCopies(LEADERS, "leader"));

      Latencies latencies = new Latencies();
      ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<Completed> completed = new ConcurrentLinkedQueue<>();
      AtomicInteger racesLost = new AtomicInteger();
      Instant end = Instant.now().plus(run);
      ExecutorService threads = Executors.newFixedThreadPool(USERS);
      for (int i = 0; i < users.size(); i++) {
        String user = users.get(i);
        long seed = i;
        threads.submit(() -> work(Api.as(port, user), user, new Random(seed), end, latencies, serverErrors, completed,
            racesLost));
      }
      threads.shutdown();
      assertThat(threads.awaitTermination(run.toSeconds() + 120, TimeUnit.SECONDS)).isTrue();

      assertThat(serverErrors).as("answers 5xx").isEmpty();
      List<String> ids = completed.stream().map(Completed::taskId).toList();
      assertThat(ids).as("a task completed twice").doesNotHaveDuplicates();
      HistoryService history = app.getBean(HistoryService.class);
      for (Completed c : completed) {
        HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(c.taskId()).finished()
            .singleResult();
        assertThat(task).as("completion of " + c.taskId() + " answered 204 but not in the history").isNotNull();
        assertThat(task.getAssignee()).as("who completed " + c.taskId()).isEqualTo(c.user());
        if (c.text() != null) {
          assertThat(history.createHistoricDetailQuery().variableUpdates().processInstanceId(c.processInstanceId())
              .list().stream().filter(d -> ((HistoricVariableUpdate) d).getVariableName()
                  .equals(c.variable())).toList())
              .as("the report text of " + c.taskId())
              .anySatisfy(d -> assertThat(((HistoricVariableUpdate) d).getValue())
                  .isEqualTo(c.text()));
        }
      }
      long finishedByUsers = jdbc.sql("select count(*) from act_hi_taskinst where end_time_ is not null"
          + " and delete_reason_ = 'completed' and proc_inst_id_ in (select proc_inst_id_ from act_hi_procinst"
          + " where business_key_ like ?)").param(PlanImportService.businessKey(plan.year(), plan.id()) + "/%")
          .query(Long.class).single();
      assertThat(finishedByUsers).as("completions in the history = completions answered 204").isEqualTo(ids.size());
      assertThat(jdbc.sql("select count(*) from act_ru_incident").query(Integer.class).single()).isZero();

      String figures = String.format("50 users, %d s: %d completions (%s), %d races lost (4xx), 0 × 5xx; latency %s",
          run.toSeconds(), ids.size(), byDefinition(completed), racesLost.get(), latencies.summary());
      System.out.println("FIGURE " + figures);
      Path work = Files.createDirectories(Path.of("target", "long-it"));
      Files.writeString(work.resolve("figures.txt"), figures + System.lineSeparator(), StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
  }

  private static void work(Api api, String user, Random random, Instant end, Latencies latencies,
      ConcurrentLinkedQueue<String> serverErrors, ConcurrentLinkedQueue<Completed> completed, AtomicInteger racesLost) {
    int n = 0;
    while (Instant.now().isBefore(end)) {
      try {
        Api.Response list = latencies.time("list", () -> api.get("/engine-rest/task?candidateUser=" + user
            + "&includeAssignedTasks=true&sortBy=dueDate&sortOrder=asc&maxResults=15"));
        if (check(list, "list", serverErrors)) {
          continue;
        }
        JsonNode tasks = JSON.readTree(list.body());
        List<JsonNode> mine = new ArrayList<>();
        tasks.forEach(task -> {
          if (task.path("assignee").isNull() || user.equals(task.path("assignee").asText())) {
            mine.add(task);
          }
        });
        if (mine.isEmpty()) {
          Thread.sleep(200);
          continue;
        }
        JsonNode task = mine.get(random.nextInt(mine.size()));
        String id = task.path("id").asText();
        if (task.path("assignee").isNull()) {
          Api.Response claim = latencies.time("claim", () -> api.postJson("/engine-rest/task/" + id + "/claim",
              "{\"userId\": \"" + user + "\"}"));
          if (check(claim, "claim", serverErrors) || claim.status() >= 400) {
            racesLost.incrementAndGet();
            continue;
          }
        }
        String definition = task.path("taskDefinitionKey").asText();
        String text = user + " 第 " + (++n) + " 次报送：工作按计划推进。";
        String variables = switch (definition) {
          case "userTask_acceptTask" -> "{\"taskAccepted\": {\"value\": true}}";
          case "userTask_reportProgress" -> "{\"progressText\": {\"value\": \"" + text + "\"}}";
          case "userTask_reportCompletion" -> "{\"completionSummary\": {\"value\": \"" + text + "\"}}";
          case "userTask_leadReview" -> "{\"leadReviewDecision\": {\"value\": \"approve\"}}";
          case "userTask_signOff" -> "{\"approvalDecision\": {\"value\": \"approve\"}}";
          default -> null;
        };
        if (variables == null) {
          continue;
        }
        Api.Response complete = latencies.time("complete", () -> api.postJson("/engine-rest/task/" + id + "/complete",
            "{\"variables\": " + variables + "}"));
        if (check(complete, "complete", serverErrors)) {
          continue;
        }
        if (complete.status() == 204) {
          String variable = definition.equals("userTask_reportProgress") ? "progressText"
              : definition.equals("userTask_reportCompletion") ? "completionSummary" : null;
          completed.add(new Completed(id, task.path("processInstanceId").asText(), user, definition, variable,
              variable == null ? null : text));
        } else {
          racesLost.incrementAndGet();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException | RuntimeException e) {
        serverErrors.add(user + ": " + e);
      }
    }
  }

  /** True when the answer is a 5xx (recorded); the caller then moves on. */
  private static boolean check(Api.Response answer, String what, ConcurrentLinkedQueue<String> serverErrors) {
    if (answer.status() >= 500) {
      serverErrors.add(what + " " + answer.status() + ": " + answer.body());
      return true;
    }
    return false;
  }

  private static String byDefinition(ConcurrentLinkedQueue<Completed> completed) {
    Map<String, Long> counts = new TreeMap<>();
    completed.forEach(c -> counts.merge(c.definition().replace("userTask_", ""), 1L, Long::sum));
    return counts.toString();
  }

  private static void awaitHandedOut(JdbcClient jdbc, String businessKeyPrefix, int expected)
      throws InterruptedException {
    Instant end = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(end)) {
      int waiting = jdbc.sql("select count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
          + " where t.task_def_key_ = 'userTask_acceptTask' and e.business_key_ like ?").param(businessKeyPrefix + "%")
          .query(Integer.class).single();
      if (waiting == expected) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the plan was not handed out within 5 minutes");
  }

  /** Call durations by kind; median and 95th percentile. */
  static final class Latencies {
    private final Map<String, ConcurrentLinkedQueue<Long>> micros = new ConcurrentHashMap<>();

    <T> T time(String kind, Supplier<T> call) {
      long start = System.nanoTime();
      try {
        return call.get();
      } finally {
        micros.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add((System.nanoTime() - start) / 1_000);
      }
    }

    String summary() {
      StringBuilder out = new StringBuilder();
      new TreeMap<>(micros).forEach((kind, values) -> {
        List<Long> sorted = values.stream().sorted().toList();
        out.append(out.isEmpty() ? "" : "; ").append(kind).append(" ×").append(sorted.size()).append(" p50 ")
            .append(ms(sorted, 0.50)).append(" ms, p95 ").append(ms(sorted, 0.95)).append(" ms");
      });
      return out.toString();
    }

    private static String ms(List<Long> sorted, double quantile) {
      if (sorted.isEmpty()) {
        return "-";
      }
      long value = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
      return String.format("%.1f", value / 1000.0);
    }
  }
}
