package com.xiezuo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.decomposition.Allocations;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.support.Api;
import com.xiezuo.support.PlanAtWork;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.TestSmtp;
import com.xiezuo.support.WebSession;
import com.xiezuo.support.XiezuoSpringTest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;
import org.springframework.web.util.HtmlUtils;

/**
 * The shared test application with work in every state the hostile inputs aim at: a plan waiting for its
 * decomposition (allocations), a plan handed out (ledger, evidence, changes, unit task forms). jqwik's properties run
 * outside Spring's JUnit extension, so the context comes from Spring's own test context cache, the same one every
 * {@link XiezuoSpringTest} class uses.
 */
final class HostileStage {

  /** Text in an answer that would tell an attacker about the database or the code behind it. */
  private static final Pattern LEAK = Pattern.compile(
      "SQL|JDBC|jdbc|Exception|ACT_(RU|HI|GE|RE|ID)_|\\bxz_[a-z]|numeric\\(|varchar|VARCHAR|character varying|violates"
          + "|constraint|CONSTRAINT|org\\.(springframework|h2|postgresql|camunda|apache)\\.|java\\.(lang|util|io|sql)\\."
          + "|\\bat com\\.xiezuo");

  /** Random tokens a page carries (the CSRF token), which may spell anything. */
  private static final Pattern TOKENS = Pattern.compile("<meta name=\"_csrf\" content=\"[^\"]*\"|name=\"_csrf\" "
      + "(?:type=\"hidden\" )?value=\"[^\"]*\"");

  /** Camunda's REST API names the kind of refusal in its documented error field (e.g. "InvalidRequestException"). */
  private static final Pattern ENGINE_ERROR_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"[A-Za-z]+Exception\"");

  @XiezuoSpringTest
  static final class SharedApplication {}

  private static HostileStage stage;

  final ApplicationContext context;
  final int port;
  final JdbcClient jdbc;
  final PlanSummary decomposing;
  final PlanSummary handedOut;
  final UnitAssignment financeWork;
  final long fundsIndicator;
  final long decomposingFunds;
  final List<String> tables;

  private HostileStage(ApplicationContext context) {
    this.context = context;
    this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    this.jdbc = context.getBean(JdbcClient.class);
    PlanImportService importer = context.getBean(PlanImportService.class);
    TaskService tasks = context.getBean(TaskService.class);
    ManagementService management = context.getBean(ManagementService.class);
    HistoryService history = context.getBean(HistoryService.class);
    Allocations allocations = context.getBean(Allocations.class);
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
    try {
      decomposing = LifecycleFixture.importPlan(importer, true);
      LifecycleFixture.approve(tasks, decomposing);
      new ProcessDriver(management, history, decomposing.processInstanceId()).runDueJobs();

      handedOut = LifecycleFixture.importPlan(importer, true);
      LifecycleFixture.approve(tasks, handedOut);
      ProcessDriver driver = new ProcessDriver(management, history, handedOut.processInstanceId());
      driver.runDueJobs();
      LifecycleFixture.decomposeAndHandOut(tasks, allocations, driver, handedOut);
      PlanAtWork work = new PlanAtWork(context.getBean(UnitAssignments.class), tasks, handedOut.id());
      financeWork = work.unit("finance", "1");
      work.complete(financeWork, "userTask_acceptTask", Map.of("taskAccepted", true));
      fundsIndicator = LifecycleFixture.fundsIndicator(allocations, handedOut.id());
      decomposingFunds = LifecycleFixture.fundsIndicator(allocations, decomposing.id());
    } finally {
      ProcessDriver.resetClock();
    }
    tables = jdbc.sql("select table_name from information_schema.tables where table_schema = 'PUBLIC'"
        + " and table_type in ('BASE TABLE', 'TABLE') and table_name <> 'ACT_RU_METER_LOG' order by table_name")
        .query(String.class).list();
  }

  static synchronized HostileStage get() {
    if (stage == null) {
      TestSmtp.ensureStarted();
      stage = new HostileStage(new TestContextManager(SharedApplication.class).getTestContext().getApplicationContext());
    }
    return stage;
  }

  Api api(String user) {
    return Api.as(port, user);
  }

  WebSession session(String user) {
    return WebSession.logIn(port, user);
  }

  /** Rows in every table of the application and the engine. */
  Map<String, Long> rows() {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table : tables) {
      rows.put(table, jdbc.sql("select count(*) from \"" + table + "\"").query(Long.class).single());
    }
    return rows;
  }

  /**
   * What every answer to hostile input must hold: no 5xx; a refusal (4xx) stored nothing; the answer, once the values
   * sent are taken out of it (a message may rightly quote them), names no SQL, table, column type or Java class.
   */
  void assertSafe(String what, Api.Response answer, Map<String, Long> before, List<String> sent) {
    assertThat(answer.status()).as(what + " answered " + answer.status() + ": " + head(answer.body())).isLessThan(500);
    if (answer.status() >= 400) {
      assertThat(rows()).as(what + " was refused with " + answer.status() + " but changed the stored rows")
          .isEqualTo(before);
    }
    String body = answer.body() == null ? "" : answer.body();
    body = ENGINE_ERROR_TYPE.matcher(TOKENS.matcher(body).replaceAll("")).replaceAll("");
    String leak = leak(body, sent);
    assertThat(leak).as(what + " leaks implementation details: " + head(leak)).isNull();
  }

  /** The first suspicious text that is not part of a value sent (a message may rightly quote those), with context. */
  private static String leak(String body, List<String> sent) {
    List<String> forms = sent.stream().flatMap(value -> quotings(value).stream()).toList();
    var m = LEAK.matcher(body);
    while (m.find()) {
      int start = m.start();
      int end = m.end();
      // occurrences of one form are all as long: the last one starting at or before the match ends the latest
      if (forms.stream().noneMatch(form -> {
        int at = body.lastIndexOf(form, start);
        return at >= 0 && at + form.length() >= end;
      })) {
        return body.substring(Math.max(0, start - 120), Math.min(body.length(), end + 120));
      }
    }
    return null;
  }

  /**
   * The forms in which an answer may quote a value back: as sent, HTML- or JSON-escaped, cut to a message's 40 chars,
   * and each item of a list field (e-mail addresses, aliases) on its own.
   */
  private static List<String> quotings(String value) {
    if (value == null || value.isEmpty()) {
      return List.of();
    }
    String json = HostileInput.jsonString(value);
    List<String> whole = List.of(value, HtmlUtils.htmlEscape(value), HtmlUtils.htmlEscapeDecimal(value),
        json.substring(1, json.length() - 1));
    List<String> all = new ArrayList<>(whole);
    whole.forEach(form -> all.add(form.substring(0, Math.min(form.length(), 40))));
    all.addAll(List.of(value.split("[,;，；、\\s]+")));
    return all.stream().filter(form -> !form.isEmpty()).sorted(Comparator.comparingInt(String::length).reversed())
        .toList();
  }

  private static String head(String body) {
    return body == null ? "" : body.length() > 400 ? body.substring(0, 400) + "…" : body;
  }
}
