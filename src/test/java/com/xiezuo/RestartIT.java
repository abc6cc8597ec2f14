package com.xiezuo;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.plan.PlanImportService;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.AuthorizationService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two starts on the same H2 file: running work survives, demo data and deployments are not duplicated. */
class RestartIT {

  @TempDir Path dataDir;

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(XiezuoApplication.class).run("--server.port=0",
        "--xiezuo.data-dir=" + dataDir, "--camunda.bpm.process-engine-name=restart",
        "--camunda.bpm.job-execution.enabled=false", "--xiezuo.demo.living-year=false");
  }

  @Test
  void restartKeepsRunningInstancesAndDoesNotDuplicateDemoData() {
    Map<String, Long> first;
    String extraInstance;
    try (ConfigurableApplicationContext app = start()) {
      extraInstance = LifecycleFixture.importPlan(app.getBean(PlanImportService.class), false).processInstanceId();
      first = counts(app);
    }
    assertThat(first.get("instances")).isEqualTo(2);

    try (ConfigurableApplicationContext app = start()) {
      assertThat(counts(app)).isEqualTo(first);
      assertThat(app.getBean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(extraInstance).count())
          .isOne();
    }
  }

  private static Map<String, Long> counts(ConfigurableApplicationContext app) {
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    return Map.of(
        "instances", app.getBean(RuntimeService.class).createProcessInstanceQuery().count(),
        "users", app.getBean(IdentityService.class).createUserQuery().count(),
        "memberships", jdbc.sql("select count(*) from ACT_ID_MEMBERSHIP").query(Long.class).single(),
        "authorizations", app.getBean(AuthorizationService.class).createAuthorizationQuery().count(),
        "filters", app.getBean(FilterService.class).createFilterQuery().count(),
        "deployments", app.getBean(RepositoryService.class).createDeploymentQuery().count(),
        "units", jdbc.sql("select count(*) from xz_unit").query(Long.class).single());
  }
}
