package com.xiezuo.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.xiezuo.decomposition.Allocations;
import com.xiezuo.decomposition.IndicatorRow;
import com.xiezuo.support.Api;
import com.xiezuo.support.Browser;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.Seeds;
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

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private Task openTask(String instanceRoot, String key) {
    ProcessDriver driver = new ProcessDriver(managementService, historyService, instanceRoot);
    return driver.family().stream().flatMap(id -> taskService.createTaskQuery().processInstanceId(id)
        .taskDefinitionKey(key).list().stream()).findFirst().orElseThrow(() -> new AssertionError("no open " + key));
  }

  private static Browser logIn(String baseUrl, String user) {
    Browser browser = Browser.startOrSkip();
    browser.open(baseUrl + "/camunda/app/tasklist/");
    browser.waitFor(By.cssSelector("form[name='signinForm'] input[type='text']")).sendKeys(user);
    browser.waitFor(By.cssSelector("form[name='signinForm'] input[type='password']")).sendKeys(user);
    browser.click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
    browser.waitFor(By.xpath("//*[normalize-space(text())='本单位待办']"));
    return browser;
  }

  /** Opens the task and claims it: Tasklist keeps a form read-only until the user has claimed the task. */
  private void openInTasklist(Browser browser, Task task) {
    browser.open(url("/camunda/app/tasklist/default/#/?task=" + task.getId()));
    browser.click(By.xpath("//*[normalize-space(text())='认领']"));
    browser.waitFor(By.xpath("//*[normalize-space(text())='取消认领']"));
    browser.waitFor(By.cssSelector(".fjs-form"));
  }

  private void tick(Browser browser, String label) {
    browser.click(By.xpath("//label[contains(normalize-space(.),'" + label + "')]/preceding-sibling::input[@type='checkbox']"
        + " | //label[contains(normalize-space(.),'" + label + "')]//input[@type='checkbox']"
        + " | //input[@type='checkbox'][@id=//label[contains(normalize-space(.),'" + label + "')]/@for]"));
  }

  private void choose(Browser browser, String option) {
    browser.click(By.xpath("//label[normalize-space(.)='" + option + "']//input[@type='radio'] | //input[@type='radio'][@id=//label[normalize-space(.)='" + option + "']/@for]"));
  }

  private void completeForm(Browser browser, Task task) {
    browser.click(By.xpath("//button[normalize-space(.)='完成']"));
    for (int i = 0; i < 60 && taskService.createTaskQuery().taskId(task.getId()).count() > 0; i++) {
      sleepBriefly();
    }
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as(task.getName() + " completed").isZero();
  }

  /** Waits for the browser's request to reach the server; a poll, not a timer in the process. */
  private static void sleepBriefly() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void approvingTheSeedPlanInTasklistLeadsToDistrictConfirmationsAndThenToEveryUnitsTasks() throws Exception {
    ObjectNode parsed = (ObjectNode) JSON.readTree(Api.as(port, "demo").post("/api/plans/parse?year=2023",
        "text/plain; charset=UTF-8", Seeds.zhuhaiNotice().getBytes(StandardCharsets.UTF_8)).body());
    parsed.put("issuer", "任务中心测试-" + UUID.randomUUID());
    var imported = JSON.readTree(Api.as(port, "demo").postJson("/api/plans/import", parsed.toString()).body());
    long planId = imported.path("id").asLong();
    String root = imported.path("processInstanceId").asText();

    try (Browser demo = logIn(url(""), "demo")) {
      Task review = openTask(root, "userTask_reviewPlan");
      openInTasklist(demo, review);
      tick(demo, "已核对任务、责任单位、完成时限和协议指标");
      demo.screenshot("seed-review-form");
      completeForm(demo, review);
    }
    try (Browser leader = logIn(url(""), "leader")) {
      Task approval = openTask(root, "userTask_approvePlan");
      openInTasklist(leader, approval);
      choose(leader, "批准");
      completeForm(leader, approval);
    }
    try (Browser demo = logIn(url(""), "demo")) {
      demo.open(url("/plans/" + planId + "/allocation"));
      IndicatorRow funds = allocations.indicators(planId).stream().filter(row -> "元".equals(row.unit())).findFirst()
          .orElseThrow();
      for (String district : DISTRICTS) {
        demo.waitFor(By.name("cell_" + funds.id() + "_" + district)).sendKeys("105000000");
      }
      demo.click(By.xpath("//button[normalize-space(.)='保存分解表']"));
      assertThat(demo.waitFor(By.cssSelector("p.notice")).getText()).contains("分解表已保存");
      demo.screenshot("seed-allocation-table");

      Task propose = openTask(root, "userTask_proposeAllocation");
      openInTasklist(demo, propose);
      WebElement rounding = demo.waitFor(By.xpath("//label[contains(normalize-space(.),'允许的舍入误差')]/following::input[1]"));
      rounding.clear();
      rounding.sendKeys("0");
      tick(demo, "已在指标分解表中填写完毕");
      completeForm(demo, propose);
    }
    for (String district : DISTRICTS) {
      Task confirmation = taskService.createTaskQuery().taskDefinitionKey("userTask_confirmAllocation")
          .taskCandidateGroup(district).processInstanceBusinessKey("plan/2023/" + planId).singleResult();
      assertThat(confirmation).as(district + " has its confirmation task").isNotNull();
      Api.Response submitted = Api.as(port, district).postJson("/engine-rest/task/" + confirmation.getId() + "/submit-form",
          "{\"variables\": {\"allocationDecision\": {\"value\": \"confirm\"}}}");
      assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
    }
    try (Browser leader = logIn(url(""), "leader")) {
      Task signOff = openTask(root, "userTask_signOffAllocation");
      openInTasklist(leader, signOff);
      choose(leader, "签批");
      completeForm(leader, signOff);
    }
    new ProcessDriver(managementService, historyService, root).runDueJobs();

    try (Browser doumen = logIn(url(""), "doumen")) {
      Task accept = taskService.createTaskQuery()
          .processInstanceBusinessKey("plan/2023/" + planId + "/task/3/unit/doumen").singleResult();
      openInTasklist(doumen, accept);
      doumen.waitFor(By.xpath("//label[contains(normalize-space(.),'指标目标')]"));
      assertThat(doumen.driver().findElement(By.tagName("body")).getText()).contains("签收任务", "本单位待办");
      String fields = (String) ((org.openqa.selenium.JavascriptExecutor) doumen.driver()).executeScript(
          "return Array.from(document.querySelectorAll('.fjs-form input, .fjs-form textarea')).map(f => f.value).join('\\n');");
      assertThat(fields).contains("保持资金投入", "斗门区", "配合单位", "1.05 亿元（本单位分解指标）");
      doumen.screenshot("seed-unit-task-doumen");
    }
  }
}
