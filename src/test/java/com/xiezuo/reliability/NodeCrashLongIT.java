package com.xiezuo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.XiezuoApplication;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.support.NodeProcess;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.ScalePlans;
import com.xiezuo.support.TestPostgres;
import com.xiezuo.support.TestSmtp;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Nodes killed with SIGKILL, on one PostgreSQL database: in the middle of handing out a plan of 1,000 unit tasks (a
 * restarted node finishes it, every (task, unit) with exactly one unit task), and in the middle of a burst of 1,000
 * reminders on two nodes (the survivor takes over the dead node's jobs once their locks expire; every reminder
 * reaches the SMTP server, a copy sent again only where the dead node was mid-send, under the same Message-ID).
 * Figures go to standard output and {@code target/long-it/figures.txt} (src/site/markdown/reliability.md quotes them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeCrashLongIT {

  private static final int TASKS = 125;
  private static final int UNITS_PER_TASK = 8;
  private static final int UNIT_TASKS = TASKS * UNITS_PER_TASK;
  private static final Duration PATIENCE = Duration.ofMinutes(6);

  private Path work;
  private Path clock;
  private String databaseUrl;
  private ConfigurableApplicationContext client;
  private JdbcClient jdbc;
  private PlanSummary plan;
  private List<UnitAssignment> assignments;

  @BeforeAll
  void startClient() throws IOException {
    TestSmtp.ensureStarted();
    work = Files.createDirectories(Path.of("target", "long-it").toAbsolutePath());
    clock = work.resolve("clock-" + System.currentTimeMillis());
    setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
    databaseUrl = TestPostgres.newDatabaseUrl();
    // the test's own node: imports and approves, and reads the database; its job executor stays off
    client = new SpringApplicationBuilder(XiezuoApplication.class).run("--spring.profiles.active=postgres",
        "--server.port=0", "--xiezuo.demo.enabled=false", "--SPRING_DATASOURCE_URL=" + databaseUrl,
        "--SPRING_DATASOURCE_USERNAME=postgres", "--SPRING_DATASOURCE_PASSWORD=",
        "--camunda.bpm.process-engine-name=client", "--camunda.bpm.job-execution.enabled=false",
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + System.getProperty(TestSmtp.PORT_PROPERTY));
    jdbc = client.getBean(JdbcClient.class);
  }

  @AfterAll
  void stopClient() {
    ProcessDriver.resetClock();
    if (client != null) {
      client.close();
    }
  }

  @Test
  @Order(1)
  void aNodeKilledWhileHandingOutAPlanIsFinishedByTheNextWithOneUnitTaskPerTaskAndUnit() throws Exception {
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
    plan = client.getBean(PlanImportService.class).importPlan(
        ScalePlans.plan(2023, TASKS, UNITS_PER_TASK, LocalDate.of(2023, 6, 30), "6 月底前"),
        new PlanImportService.Options(PlanImportService.Source.JSON, "demo", false, null));
    LifecycleFixture.approve(client.getBean(TaskService.class), plan);
    ProcessDriver.resetClock();

    Instant started = Instant.now();
    int atKill;
    try (NodeProcess first = NodeProcess.start("fanout-1", work, clock, databaseUrl, List.of())) {
      awaitTrue("a quarter of the unit tasks", Duration.ofMinutes(4), () -> waitingUnitTasks() >= UNIT_TASKS / 4);
      first.kill();
      atKill = waitingUnitTasks();
    }
    assertThat(atKill).as("killed in the middle of the fan-out").isBetween(UNIT_TASKS / 4, UNIT_TASKS - 1);

    // the dead node's locks expire after the job executor's lock time (5 minutes by the engine clock)
    setClock(LocalDateTime.of(2023, 5, 10, 9, 10));
    Instant restarted = Instant.now();
    try (NodeProcess second = NodeProcess.start("fanout-2", work, clock, databaseUrl, List.of())) {
      awaitTrue("every unit task", PATIENCE, () -> waitingUnitTasks() == UNIT_TASKS && lockedJobs() == 0);
    }
    Duration total = Duration.between(started, Instant.now());

    assignments = client.getBean(UnitAssignments.class).ofPlan(plan.id());
    assertThat(assignments).hasSize(UNIT_TASKS);
    assertThat(jdbc.sql("select business_key_ from act_hi_procinst where proc_def_key_ = 'unitTask'"
            + " and business_key_ like ? group by business_key_ having count(*) > 1")
        .param(businessKeyPrefix() + "%").query(String.class).list()).as("unit tasks started twice").isEmpty();
    Set<String> waiting = new HashSet<>(jdbc.sql("select e.business_key_ from act_ru_task t join act_ru_execution e"
            + " on e.id_ = t.proc_inst_id_ where t.task_def_key_ = 'userTask_acceptTask' and e.business_key_ like ?")
        .param(businessKeyPrefix() + "%").query(String.class).list());
    assertThat(waiting).containsExactlyInAnyOrderElementsOf(assignments.stream().map(UnitAssignment::businessKey).toList());
    assertThat(incidents()).isZero();
    figure("fan-out killed: %d of %d unit tasks waiting at the kill, %d after restart, none twice; %d s in all (%d s"
        + " from the restart)", atKill, UNIT_TASKS, waiting.size(), total.toSeconds(),
        Duration.between(restarted, Instant.now()).toSeconds());
  }

  @Test
  @Order(2)
  void aNodeKilledInABurstOfRemindersLosesNoneAndTheSurvivorTakesOverItsJobs() throws Exception {
    assertThat(assignments).as("the fan-out test ran first").hasSize(UNIT_TASKS);
    setClock(LocalDateTime.of(2023, 5, 23, 9, 0));
    NodeProcess nodeA = NodeProcess.start("burst-A", work, clock, databaseUrl, List.of());
    NodeProcess nodeB = NodeProcess.start("burst-B", work, clock, databaseUrl, List.of());
    try {
      assertThat(reminderSends()).isEmpty();
      Instant burst = Instant.now();
      // every unit task's reminder for the report period ending 5-31 falls due at once, on both nodes
      setClock(LocalDateTime.of(2023, 5, 24, 9, 30));
      awaitTrue("a quarter of the reminders", Duration.ofMinutes(4), () -> reminderSends().size() >= UNIT_TASKS / 4);
      nodeA.kill();
      int atKill = reminderSends().size();
      List<String> inFlight = jdbc.sql("select dedup_key from xz_mail where status = 'SENDING' and claimed_by like ?")
          .param("%@" + nodeA.pid() + "@%").query(String.class).list();
      assertThat(atKill).as("killed in the middle of the burst").isLessThan(UNIT_TASKS);

      // past the dead node's job locks (5 min) and mail claims (10 min): the survivor takes its work over
      setClock(LocalDateTime.of(2023, 5, 24, 9, 45));
      awaitTrue("every reminder sent", PATIENCE, () -> sentInOutbox() == UNIT_TASKS && lockedJobs() == 0);
      Duration toLast = Duration.between(burst, Instant.now());

      nodeA = NodeProcess.start("burst-A-restarted", work, clock, databaseUrl, List.of());
      Thread.sleep(5_000);

      Map<String, Integer> sends = new HashMap<>();
      Map<String, Set<String>> ids = new HashMap<>();
      for (MimeMessage mail : reminderSends()) {
        sends.merge(TestSmtp.key(mail), 1, Integer::sum);
        ids.computeIfAbsent(TestSmtp.key(mail), key -> new HashSet<>()).add(messageId(mail));
      }
      assertThat(sends).as("one reminder per unit task").hasSize(UNIT_TASKS);
      assertThat(assignments).allSatisfy(a -> assertThat(sends.keySet()).anyMatch(k -> k.startsWith("reminder/" + a.id() + "/")));
      Map<String, Integer> again = new HashMap<>(sends);
      again.values().removeIf(count -> count == 1);
      assertThat(again.keySet()).as("sent again only what the dead node was sending").isSubsetOf(inFlight);
      assertThat(again.values()).allSatisfy(count -> assertThat(count).isEqualTo(2));
      assertThat(ids.values()).as("every copy of a reminder has its Message-ID").allSatisfy(set -> assertThat(set).hasSize(1));
      assertThat(incidents()).isZero();
      figure("reminder burst on two nodes, one killed: %d of %d mails out at the kill, %d being sent by the dead node;"
              + " %d distinct reminders delivered, %d sent twice (same Message-ID); last one %d s after the burst began",
          atKill, UNIT_TASKS, inFlight.size(), sends.size(), again.size(), toLast.toSeconds());
    } finally {
      nodeA.close();
      nodeB.close();
    }
  }

  private int waitingUnitTasks() {
    return jdbc.sql("select count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
        + " where t.task_def_key_ = 'userTask_acceptTask' and e.business_key_ like ?").param(businessKeyPrefix() + "%")
        .query(Integer.class).single();
  }

  private int lockedJobs() {
    return jdbc.sql("select count(*) from act_ru_job where lock_owner_ is not null").query(Integer.class).single();
  }

  private int incidents() {
    return jdbc.sql("select count(*) from act_ru_incident").query(Integer.class).single();
  }

  private int sentInOutbox() {
    return jdbc.sql("select count(*) from xz_mail where kind = 'REMINDER' and status = 'SENT'").query(Integer.class)
        .single();
  }

  private String businessKeyPrefix() {
    return PlanImportService.businessKey(plan.year(), plan.id()) + "/";
  }

  private static List<MimeMessage> reminderSends() {
    return TestSmtp.withKeyPrefix("reminder/");
  }

  private static String messageId(MimeMessage mail) {
    try {
      return mail.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void setClock(LocalDateTime time) throws IOException {
    Path next = clock.resolveSibling(clock.getFileName() + ".next");
    Files.writeString(next, time.toString());
    Files.move(next, clock, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  private void figure(String format, Object... values) throws IOException {
    String line = String.format(format, values);
    System.out.println("FIGURE " + line);
    Files.writeString(work.resolve("figures.txt"), line + System.lineSeparator(), StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /** Polls what the nodes' own threads are doing (they run on real time; nothing here drives their jobs). */
  private static void awaitTrue(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
    Instant end = Instant.now().plus(limit);
    while (Instant.now().isBefore(end)) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not reached within " + limit + ": " + what);
  }
}
