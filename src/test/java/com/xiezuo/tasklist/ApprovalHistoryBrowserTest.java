package com.xiezuo.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.directory.Roles;
import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.support.TasklistUser;
import com.xiezuo.support.XiezuoSpringTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In a second approval round the leader reads, in Tasklist itself, why the plan came back the first time. */
@XiezuoSpringTest
class ApprovalHistoryBrowserTest {

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired PlanImportService importer;
  @Autowired IdentityService identityService;
  @Autowired FormService formService;

  private Task open(PlanSummary plan) {
    return taskService.createTaskQuery().processInstanceId(plan.processInstanceId()).singleResult();
  }

  @Test
  void theLeaderSeesTheEarlierReturnCommentInTheSecondRound() {
    PlanSummary plan = LifecycleFixture.importPlan(importer, false);
    taskService.complete(open(plan).getId(), Map.of("reviewConfirmed", true, "reviewComment", "已核对"));
    Task firstRound = open(plan);
    identityService.setAuthentication("leader", List.of(Roles.LEADERSHIP));
    try {
      taskService.claim(firstRound.getId(), "leader");
      formService.submitTaskForm(firstRound.getId(), Map.of("approvalDecision", "return",
          "approvalComment", "请补充各结对区的任务分工后再报审批"));
    } finally {
      identityService.clearAuthentication();
    }
    taskService.complete(open(plan).getId(), Map.of("reviewConfirmed", true, "reviewComment", "已补充分工"));
    Task secondRound = open(plan);
    assertThat(secondRound.getTaskDefinitionKey()).isEqualTo("userTask_approvePlan");

    try (TasklistUser leader = TasklistUser.logIn(port, "leader", taskService)) {
      leader.openAndClaim(secondRound);
      WebElement label = leader.browser().waitFor(By.xpath("//label[contains(normalize-space(.),'审批记录')]"));
      String history = leader.browser().waitFor(By.id(label.getAttribute("for"))).getDomProperty("value");
      assertThat(history).contains("市领导（leader）：退回修改。意见：请补充各结对区的任务分工后再报审批", "已补充分工");
      leader.browser().screenshot("tasklist-approval-history");
    }
  }
}
