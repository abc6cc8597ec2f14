package com.xiezuo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.xiezuo.support.Api;
import com.xiezuo.support.XiezuoSpringTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@XiezuoSpringTest
class DeploymentTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired RepositoryService repositoryService;
  @Autowired TaskService taskService;
  @LocalServerPort int port;

  @Test
  void everyModelAndFormInTheRepositoryIsDeployed() throws IOException {
    Set<String> deployed = deployedResourceNames();
    for (Path file : filesIn("processes", "forms")) {
      assertThat(deployed).as("deployed resources").anyMatch(name -> name.endsWith("/" + file.getFileName())
          || name.equals(file.getFileName().toString()));
    }
  }

  @Test
  void everyProcessHasDiagramAndHistoryTimeToLiveAndItsFormsExist() throws IOException {
    Set<String> formIds = deployedFormIds();
    Set<String> ourResources = new HashSet<>();
    filesIn("processes").forEach(file -> ourResources.add(file.getFileName().toString()));
    List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery().latestVersion().list()
        .stream().filter(definition -> ourResources.stream().anyMatch(definition.getResourceName()::endsWith))
        .toList();
    assertThat(definitions).extracting(ProcessDefinition::getKey).contains("annualPlan");
    for (ProcessDefinition definition : definitions) {
      assertThat(definition.getHistoryTimeToLive()).as(definition.getKey() + " historyTimeToLive").isNotNull();
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
      assertThat(model.getModelElementsByType(BpmnDiagram.class)).as(definition.getKey() + " diagram").isNotEmpty();
      for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
        assertThat(userTask.getCamundaFormRef()).as(userTask.getId() + " formRef").isNotBlank();
        assertThat(formIds).as(userTask.getId() + " form").contains(userTask.getCamundaFormRef());
      }
      model.getModelElementsByType(Process.class)
          .forEach(process -> assertThat(process.getName()).as(process.getId() + " name").isNotBlank());
    }
  }

  @Test
  void thePlanReviewTaskResolvesItsCamundaFormWithChineseLabels() throws IOException {
    Task review = taskService.createTaskQuery().taskDefinitionKey("userTask_reviewPlan").list().get(0);

    Api.Response formRef = Api.as(port, "demo").get("/engine-rest/task/" + review.getId() + "/form");
    assertThat(formRef.status()).isEqualTo(200);
    assertThat(JSON.readTree(formRef.body()).at("/camundaFormRef/key").asText()).isEqualTo("planReview");

    Api.Response form = Api.as(port, "demo").get("/engine-rest/task/" + review.getId() + "/deployed-form");
    assertThat(form.status()).isEqualTo(200);
    JsonNode schema = JSON.readTree(form.body());
    assertThat(schema.path("id").asText()).isEqualTo("planReview");
    assertThat(form.body()).contains("计划名称", "审核意见");
  }

  private Set<String> deployedResourceNames() {
    Set<String> names = new HashSet<>();
    for (Deployment deployment : repositoryService.createDeploymentQuery().list()) {
      names.addAll(repositoryService.getDeploymentResourceNames(deployment.getId()));
    }
    return names;
  }

  private Set<String> deployedFormIds() throws IOException {
    Set<String> ids = new HashSet<>();
    for (Deployment deployment : repositoryService.createDeploymentQuery().list()) {
      for (String name : repositoryService.getDeploymentResourceNames(deployment.getId())) {
        if (name.endsWith(".form")) {
          try (InputStream in = repositoryService.getResourceAsStream(deployment.getId(), name)) {
            ids.add(JSON.readTree(in).path("id").asText());
          }
        }
      }
    }
    return ids;
  }

  static List<Path> filesIn(String... folders) throws IOException {
    List<Path> files = new java.util.ArrayList<>();
    for (String folder : folders) {
      try (Stream<Path> walk = Files.walk(Path.of(folder))) {
        walk.filter(Files::isRegularFile).forEach(files::add);
      }
    }
    assertThat(files).isNotEmpty();
    return files;
  }
}
