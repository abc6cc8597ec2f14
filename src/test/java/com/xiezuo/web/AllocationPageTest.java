package com.xiezuo.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.decomposition.Allocations;
import com.xiezuo.decomposition.IndicatorRow;
import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.support.Api;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.WebSession;
import com.xiezuo.support.XiezuoSpringTest;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The decomposition table keeps what was typed: amounts as printed (亿/万), every problem at once, nothing lost. */
@XiezuoSpringTest
class AllocationPageTest {

  @Autowired PlanImportService importer;
  @Autowired Allocations allocations;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;

  private PlanSummary plan;

  @BeforeEach
  void planBeingDecomposed() {
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
    plan = LifecycleFixture.importPlan(importer, true);
    LifecycleFixture.approve(taskService, plan);
    new ProcessDriver(managementService, historyService, plan.processInstanceId()).runDueJobs();
  }

  @AfterEach
  void resetClock() {
    ProcessDriver.resetClock();
  }

  private long indicator(String name) {
    return allocations.indicators(plan.id()).stream().filter(row -> row.name().equals(name)).findFirst()
        .map(IndicatorRow::id).orElseThrow();
  }

  @Test
  void aRefusedSaveShowsEveryProblemAndKeepsEveryValueTyped() {
    long funds = indicator(LifecycleFixture.FUNDS);
    long share = indicator(LifecycleFixture.SHARE);
    WebSession coordinator = WebSession.logIn(port, "coordinator");
    String path = "/plans/" + plan.id() + "/allocation";
    String empty = coordinator.get(path).body();
    assertThat(empty).as("the columns are the task's responsible units").contains("市财政局", "市乡村振兴局", "斗门区", "高新区")
        .doesNotContain("<th>横琴粤澳深度合作区</th>");
    String added = coordinator.get(path + "?add=hengqin").body();
    assertThat(added).as("a unit added that is not responsible cannot be typed in")
        .containsPattern("name=\"cell_" + funds + "_hengqin\"[^>]*placeholder=\"非责任单位\"[^>]*disabled");
    Map<String, String> typed = new LinkedHashMap<>();
    typed.put("cell_" + funds + "_doumen", "1.2亿");
    typed.put("cell_" + funds + "_xiangzhou", "10000万");
    typed.put("cell_" + funds + "_jinwan", "一亿");
    typed.put("cell_" + funds + "_hitech", "100,000,000");
    typed.put("cell_" + share + "_doumen", "50");
    typed.put("cell_" + share + "_hitech", "60%");
    Api.Response refused = coordinator.postForm(path, typed);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("未保存", "金湾区：“一亿”不是数值",
        "产业发展资金比例”是各单位分别要达到的目标（不少于 55%）：斗门区 的 50% 不符",
        "value=\"1.2亿\"", "value=\"10000万\"", "value=\"一亿\"", "value=\"100,000,000\"", "value=\"60%\"");
    assertThat(allocations.table(plan.id())).as("nothing saved").isEmpty();

    typed.put("cell_" + funds + "_jinwan", "1亿");
    typed.put("cell_" + share + "_doumen", "55");
    Api.Response saved = coordinator.postForm(path, typed);
    assertThat(saved.status()).isEqualTo(302);
    assertThat(allocations.table(plan.id()).get(funds).get("doumen")).isEqualByComparingTo("120000000");
    assertThat(allocations.table(plan.id()).get(funds).get("hitech")).isEqualByComparingTo("100000000");
    String page = coordinator.follow(saved).body();
    assertThat(page).contains("分解表已保存（6 个分解值）", "value=\"1.2亿\"", "value=\"1亿\"", "合计");
    assertThat(allocations.check(plan.id(), BigDecimal.ZERO)).as("1.2 + 1 + 1 + 1 亿 = 4.2 亿").isEmpty();
  }
}
