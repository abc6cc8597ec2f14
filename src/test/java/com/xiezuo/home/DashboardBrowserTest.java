package com.xiezuo.home;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.decomposition.Allocations;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.execution.UnitTaskActions;
import com.xiezuo.lifecycle.AcceptedYear;
import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.progress.TaskBucket;
import com.xiezuo.support.Api;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.TasklistUser;
import com.xiezuo.support.WebSession;
import com.xiezuo.support.XiezuoSpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in zh-CN Chromium: a leader sees the plan's charts; every card's count equals the list behind it; a
 * unit completes a task in Tasklist, leadership signs it off, and the dashboard counts it done; a unit sees its own
 * overview and not another unit's; what a unit typed in its ledger stays text on the ledger page and in the charts.
 */
@XiezuoSpringTest
class DashboardBrowserTest {

  @Autowired PlanImportService importer;
  @Autowired Allocations allocations;
  @Autowired UnitAssignments assignments;
  @Autowired UnitTaskActions actions;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void aLeaderWatchesTheFiguresMoveAsUnitsWork() {
    AcceptedYear year = AcceptedYear.begin(importer, allocations, assignments, taskService, managementService,
        historyService);
    long planId = year.plan().id();
    String board = "/dashboard/plans/" + planId;
    UnitAssignment doumen = year.work().unit("doumen", "1");
    long funds = LifecycleFixture.fundsIndicator(allocations, planId);
    actions.addLedgerEntry(doumen, funds, LocalDate.of(2023, 5, 9), new BigDecimal("120000000"),
        "<script>window.pwned = 1</script>首批资金", "doumen");
    // the lead unit consolidates the task's figure in its own ledger; the headline is that figure, as in the bulletins
    actions.addLedgerEntry(year.work().unit("finance", "1"), funds, LocalDate.of(2023, 5, 9), new BigDecimal("50000000"),
        "市级统筹", "finance");

    WebSession coordinator = WebSession.logIn(port, "coordinator");
    String page = coordinator.get(board).body();
    for (TaskBucket bucket : TaskBucket.values()) {
      Api.Response list = coordinator.get(board + "/tasks?bucket=" + bucket.name());
      assertThat(rows(list.body())).as(bucket.label() + ": the card's count is the length of its list")
          .isEqualTo(card(page, bucket)).isEqualTo(listed(list.body()));
    }
    assertThat(card(page, TaskBucket.ALL)).isEqualTo(assignments.ofPlan(planId).size());
    assertThat(card(page, TaskBucket.DONE)).isZero();

    UnitAssignment hrss = year.work().unit("hrss", "2");
    try (TasklistUser unit = TasklistUser.logIn(port, "hrss", taskService)) {
      Task completion = year.work().open(hrss, "userTask_reportCompletion");
      unit.openAndClaim(completion);
      unit.write("完成情况", "全年输送劳动力 200 人，稳岗率 95%。");
      unit.complete(completion);

      unit.open(board + "/units/hrss");
      unit.browser().waitFor(By.id("unitTasks"));
      assertThat(unit.browser().driver().findElement(By.id("unitTasks")).getText()).contains("强化劳务协作", "领导签批");
      unit.browser().screenshot("dashboard-unit-overview");
      unit.open(board + "/units/finance");
      assertThat(unit.browser().waitFor(By.tagName("h1")).getText()).isEqualTo("没有权限");
    }
    try (TasklistUser leader = TasklistUser.logIn(port, "leader", taskService)) {
      Task signOff = year.work().open(hrss, "userTask_signOff");
      leader.openAndClaim(signOff);
      leader.choose("签批");
      leader.complete(signOff);

      leader.open(board);
      leader.browser().waitFor(By.cssSelector("#chartStates[data-drawn='true'] svg"));
      leader.browser().waitFor(By.cssSelector("#chartCompletion[data-drawn='true'] svg"));
      leader.browser().waitFor(By.cssSelector("[id^='chartIndicator-'][data-drawn='true'] svg"));
      assertThat(leader.browser().driver().findElement(By.cssSelector("#card-DONE strong")).getText())
          .as("the signed-off task counts as done").isEqualTo("1");
      assertThat(leader.browser().driver().findElement(By.id("indicators")).getText())
          .contains("已完成 50000000 / 目标 420000000 元（11%）", "牵头单位汇总口径");
      leader.browser().screenshot("dashboard-plan");

      leader.browser().click(By.cssSelector("#card-DONE"));
      leader.browser().waitFor(By.id("taskList"));
      assertThat(leader.browser().driver().findElement(By.id("taskList")).getText())
          .contains("2 强化劳务协作", "市人力资源和社会保障局");

      leader.open(board + "/indicators/" + funds);
      assertThat(leader.browser().waitFor(By.id("ledgerCount")).getText()).as("every unit's entries").isEqualTo("共 2 条");
      leader.open(board);
      leader.browser().click(By.cssSelector("#indicator-" + funds + " a.headline"));
      assertThat(leader.browser().waitFor(By.id("ledgerEntries")).getText()).as("the headline's list: the lead's entries")
          .contains("市级统筹").doesNotContain("首批资金");
      leader.open(board + "/indicators/" + funds + "?unit=doumen");
      String ledger = leader.browser().waitFor(By.id("ledgerEntries")).getText();
      assertThat(ledger).contains("<script>window.pwned = 1</script>首批资金");
      assertThat(((JavascriptExecutor) leader.browser().driver()).executeScript("return window.pwned === undefined"))
          .as("a unit's note stays text").isEqualTo(true);
    }

    WebSession unitSession = WebSession.logIn(port, "zunyiWorkGroup");
    String own = unitSession.get(board).body();
    assertThat(card(own, TaskBucket.ALL)).as("a unit's dashboard counts its own tasks only").isEqualTo(1);
    assertThat(unitSession.get(board + "/units/hrss").status()).isEqualTo(403);
    assertThat(unitSession.get(board + "/tasks?bucket=NOPE").status()).isEqualTo(400);
    assertThat(unitSession.get("/dashboard/plans/abc").status()).isEqualTo(400);
    assertThat(rows(unitSession.get(board + "/tasks?unit=hrss").body())).as("another unit's list is empty").isZero();
  }

  private static int card(String html, TaskBucket bucket) {
    Matcher m = Pattern.compile("id=\"card-" + bucket.name() + "\">\\s*<strong>(\\d+)</strong>").matcher(html);
    assertThat(m.find()).as("card " + bucket).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static int rows(String html) {
    Matcher m = Pattern.compile("data-assignment=\"\\d+\"").matcher(html);
    int count = 0;
    while (m.find()) {
      count++;
    }
    return count;
  }

  private static int listed(String html) {
    Matcher m = Pattern.compile("共 <strong>(\\d+)</strong> 项").matcher(html);
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1));
  }
}
