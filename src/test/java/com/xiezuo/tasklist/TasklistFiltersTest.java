package com.xiezuo.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.xiezuo.support.Api;
import com.xiezuo.support.XiezuoSpringTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The shared filters show a unit's work without any set-up, each with the tasks its name promises. */
@XiezuoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistFiltersTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @LocalServerPort int port;

  private String dueIn3Days;
  private String dueIn30Days;
  private String overdue;
  private String otherUnitOverdue;

  @BeforeAll
  void tasksForEducation() {
    repositoryService.createDeployment().name("filter-probe")
        .addModelInstance("filterProbe.bpmn", Bpmn.createExecutableProcess("filterProbe").name("过滤器探针")
            .camundaHistoryTimeToLive(1)
            .startEvent().userTask("userTask_probe").name("单位任务").camundaCandidateGroups("${unitId}")
            .endEvent().done())
        .deploy();
    dueIn3Days = task("education", 3);
    dueIn30Days = task("education", 30);
    overdue = task("education", -2);
    otherUnitOverdue = task("health", -2);
  }

  private String task(String unit, int dueInDays) {
    String instance = runtimeService.startProcessInstanceByKey("filterProbe",
        Map.of("unitId", unit, "planTitle", "过滤器测试计划", "taskNumber", "9(" + dueInDays + ")")).getId();
    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    task.setDueDate(Date.from(Instant.now().plus(dueInDays, ChronoUnit.DAYS)));
    taskService.saveTask(task);
    return task.getId();
  }

  private String list(String user, String filterName) {
    String id = filterService.createFilterQuery().filterName(filterName).singleResult().getId();
    Api.Response response = Api.as(port, user).get("/engine-rest/filter/" + id + "/list");
    assertThat(response.status()).as(filterName + " for " + user).isEqualTo(200);
    return response.body();
  }

  @Test
  void aUnitUserSeesTheFiltersWithoutConfiguringAnything() {
    String filters = Api.as(port, "education").get("/engine-rest/filter?resourceType=Task").body();
    assertThat(filters).contains("我的待办", "本单位待办", "即将到期", "已逾期").doesNotContain("全部待办");
    assertThat(Api.as(port, "demo").get("/engine-rest/filter?resourceType=Task").body()).contains("全部待办");
  }

  @Test
  void eachRoleOpensOnAListNamedForItAndALeaderHasNoUnitList() throws Exception {
    assertThat(firstFilter("education")).isEqualTo("本单位待办");
    assertThat(firstFilter("rrb")).isEqualTo("本单位待办");
    assertThat(firstFilter("leader")).isEqualTo("待领导审签");
    assertThat(firstFilter("coordinator")).isEqualTo("协调员待办");
    assertThat(firstFilter("supervisor")).isEqualTo("督查待办");
    assertThat(firstFilter("demo")).as("a coordinator who administers too").isEqualTo("协调员待办");
    assertThat(names("leader")).doesNotContain("本单位待办").contains("我的待办", "即将到期", "已逾期");
    assertThat(names("education")).doesNotContain("待领导审签", "协调员待办", "督查待办");
    assertThat(names("coordinator")).contains("本单位待办", "全部待办").doesNotContain("待领导审签", "督查待办");
  }

  @Test
  void theLeadershipListHoldsLeadershipTasksClaimedOrNot() {
    String signOff = leadershipTask();
    assertThat(list("leader", "待领导审签")).contains(signOff).doesNotContain(dueIn3Days);
    Api.as(port, "leader").postJson("/engine-rest/task/" + signOff + "/claim", "{\"userId\":\"leader\"}");
    assertThat(list("leader", "待领导审签")).contains(signOff);
  }

  private String leadershipTask() {
    String instance = runtimeService.startProcessInstanceByKey("filterProbe",
        Map.of("unitId", "leadership", "planTitle", "过滤器测试计划", "taskNumber", "审签")).getId();
    return taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  private List<String> names(String user) throws Exception {
    List<String> names = new ArrayList<>();
    JSON.readTree(Api.as(port, user).get("/engine-rest/filter?resourceType=Task").body())
        .forEach(filter -> names.add(filter.path("name").asText()));
    return names;
  }

  /** Tasklist opens the filter with the lowest priority among those the user may read. */
  private String firstFilter(String user) throws Exception {
    List<JsonNode> filters = new ArrayList<>();
    JSON.readTree(Api.as(port, user).get("/engine-rest/filter?resourceType=Task").body()).forEach(filters::add);
    return filters.stream().min(Comparator.comparingInt(filter -> filter.path("properties").path("priority").asInt()))
        .orElseThrow().path("name").asText();
  }

  @Test
  void unitTasksShowAllOfTheUnitsTasksSortedByDueDate() {
    String unitTasks = list("education", "本单位待办");
    assertThat(unitTasks).contains(dueIn3Days, dueIn30Days, overdue).doesNotContain(otherUnitOverdue);
    assertThat(unitTasks.indexOf(overdue)).isLessThan(unitTasks.indexOf(dueIn3Days));
    assertThat(unitTasks.indexOf(dueIn3Days)).isLessThan(unitTasks.indexOf(dueIn30Days));
  }

  @Test
  void dueSoonAndOverdueSplitByTheDueDate() {
    assertThat(list("education", "即将到期")).contains(dueIn3Days).doesNotContain(dueIn30Days, overdue);
    assertThat(list("education", "已逾期")).contains(overdue).doesNotContain(dueIn3Days, otherUnitOverdue);
  }

  @Test
  void myTasksHoldsWhatIClaimed() {
    String claimed = task("education", 10);
    assertThat(list("education", "我的待办")).doesNotContain(claimed);
    Api.as(port, "education").postJson("/engine-rest/task/" + claimed + "/claim", "{\"userId\":\"education\"}");
    assertThat(list("education", "我的待办")).contains(claimed);
  }

  @Test
  void theFilterShowsPlanTaskNumberAndUnitColumns() {
    String filter = Api.as(port, "education").get("/engine-rest/filter?name=" + "本单位待办".replace("本单位待办",
        "%E6%9C%AC%E5%8D%95%E4%BD%8D%E5%BE%85%E5%8A%9E")).body();
    assertThat(filter).contains("\"name\":\"planTitle\"", "\"name\":\"taskNumber\"", "\"name\":\"unitName\"");
  }
}
