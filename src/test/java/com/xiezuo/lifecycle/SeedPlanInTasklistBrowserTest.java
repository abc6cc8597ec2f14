package com.xiezuo.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.xiezuo.decomposition.Allocations;
import com.xiezuo.decomposition.IndicatorRow;
import com.xiezuo.support.Api;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.Seeds;
import com.xiezuo.support.TasklistUser;
import com.xiezuo.support.XiezuoSpringTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The seed plan through Tasklist as people do it: demo reviews, leader approves, demo fills the decomposition table
 * and proposes, the districts confirm, leader signs; then a district sees its own unit tasks in its Tasklist.
 */
@XiezuoSpringTest
class SeedPlanInTasklistBrowserTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> DISTRICTS = List.of("xiangzhou", "jinwan", "doumen", "hitech");

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired Allocations allocations;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  private Task openTask(String instanceRoot, String key) {
    ProcessDriver driver = new ProcessDriver(managementService, historyService, instanceRoot);
    return driver.family().stream().flatMap(id -> taskService.createTaskQuery().processInstanceId(id)
        .taskDefinitionKey(key).list().stream()).findFirst().orElseThrow(() -> new AssertionError("no open " + key));
  }

  @Test
  void approvingTheSeedPlanInTasklistLeadsToDistrictConfirmationsAndThenToEveryUnitsTasks() throws Exception {
    ObjectNode parsed = (ObjectNode) JSON.readTree(Api.as(port, "demo").post("/api/plans/parse?year=2023",
        "text/plain; charset=UTF-8", Seeds.zhuhaiNotice().getBytes(StandardCharsets.UTF_8)).body());
    parsed.put("issuer", "任务中心测试-" + UUID.randomUUID());
    var imported = JSON.readTree(Api.as(port, "demo").postJson("/api/plans/import", parsed.toString()).body());
    long planId = imported.path("id").asLong();
    String root = imported.path("processInstanceId").asText();

    try (TasklistUser demo = TasklistUser.logIn(port, "demo", taskService)) {
      Task review = openTask(root, "userTask_reviewPlan");
      demo.openAndClaim(review);
      demo.tick("已核对任务、责任单位、完成时限和协议指标");
      demo.browser().screenshot("seed-review-form");
      demo.complete(review);
    }
    try (TasklistUser leader = TasklistUser.logIn(port, "leader", taskService)) {
      Task approval = openTask(root, "userTask_approvePlan");
      leader.decide(approval, "批准");
    }
    try (TasklistUser demo = TasklistUser.logIn(port, "demo", taskService)) {
      demo.open("/plans/" + planId + "/allocation");
      IndicatorRow funds = allocations.indicators(planId).stream().filter(row -> "元".equals(row.unit())).findFirst()
          .orElseThrow();
      for (String district : DISTRICTS) {
        demo.browser().waitFor(By.name("cell_" + funds.id() + "_" + district)).sendKeys("105000000");
      }
      demo.browser().click(By.xpath("//button[normalize-space(.)='保存分解表']"));
      assertThat(demo.browser().waitFor(By.cssSelector("p.notice")).getText()).contains("分解表已保存");
      demo.browser().screenshot("seed-allocation-table");

      Task propose = openTask(root, "userTask_proposeAllocation");
      demo.openAndClaim(propose);
      WebElement rounding = demo.browser().waitFor(By.xpath("//label[contains(normalize-space(.),'允许的舍入误差')]/following::input[1]"));
      rounding.clear();
      rounding.sendKeys("0");
      demo.tick("已在指标分解表中填写完毕");
      demo.complete(propose);
    }
    for (String district : DISTRICTS) {
      Task confirmation = taskService.createTaskQuery().taskDefinitionKey("userTask_confirmAllocation")
          .taskCandidateGroup(district).processInstanceBusinessKey("plan/2023/" + planId).singleResult();
      assertThat(confirmation).as(district + " has its confirmation task").isNotNull();
      Api.Response submitted = Api.as(port, district).postJson("/engine-rest/task/" + confirmation.getId() + "/submit-form",
          "{\"variables\": {\"allocationDecision\": {\"value\": \"confirm\"}}}");
      assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
    }
    new ProcessDriver(managementService, historyService, root).runDueJobs();
    try (TasklistUser leader = TasklistUser.logIn(port, "leader", taskService)) {
      Task signOff = openTask(root, "userTask_signOffAllocation");
      leader.decide(signOff, "签批");
    }
    new ProcessDriver(managementService, historyService, root).runDueJobs();

    try (TasklistUser doumen = TasklistUser.logIn(port, "doumen", taskService)) {
      Task accept = taskService.createTaskQuery()
          .processInstanceBusinessKey("plan/2023/" + planId + "/task/3/unit/doumen").singleResult();
      doumen.openAndClaim(accept);
      doumen.browser().waitFor(By.xpath("//label[contains(normalize-space(.),'指标目标')]"));
      assertThat(doumen.browser().driver().findElement(By.tagName("body")).getText()).contains("签收任务", "本单位待办");
      String fields = (String) ((org.openqa.selenium.JavascriptExecutor) doumen.browser().driver()).executeScript(
          "return Array.from(document.querySelectorAll('.fjs-form input, .fjs-form textarea')).map(f => f.value).join('\\n');");
      assertThat(fields).contains("保持资金投入", "斗门区", "配合单位", "1.05 亿元（本单位分解指标）");
      doumen.browser().screenshot("seed-unit-task-doumen");
    }
  }
}
