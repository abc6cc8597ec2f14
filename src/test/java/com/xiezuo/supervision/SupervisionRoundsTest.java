package com.xiezuo.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.xiezuo.decomposition.Allocations;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.execution.UnitTaskData;
import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.plan.parse.ParsedMilestone;
import com.xiezuo.plan.parse.ParsedPlan;
import com.xiezuo.plan.parse.ParsedTask;
import com.xiezuo.supervision.SupervisionRoundRecords.Round;
import com.xiezuo.supervision.SupervisionRoundRecords.StoredFinding;
import com.xiezuo.support.Api;
import com.xiezuo.support.PlanAtWork;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.WebSession;
import com.xiezuo.support.XiezuoSpringTest;
import com.xiezuo.workflow.ElementIds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A plan of 2023 worked through the real processes from its hand-out on 10 May to 1 September, then a round ordered
 * that day. The story, and so the findings, are written out first:
 * <ul>
 *   <li>task 2 (due 30 June): 市人社局 finishes and is signed off; 市驻遵义工作组 reports completion on 5 July and its
 *   lead's review is still open — overdue 63 days, reported;</li>
 *   <li>task 1 (due 30 November, a joint meeting by 31 August): every unit reports May to August and holds the
 *   meeting, except 金湾区, which reported May only and did not; 斗门区, given the whole 4.2 亿, has 1 亿 in its
 *   ledger at 73 % of the time — behind its schedule of 3.06 亿.</li>
 * </ul>
 */
@XiezuoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisionRoundsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired PlanImportService importer;
  @Autowired PlanRepository plans;
  @Autowired Allocations allocations;
  @Autowired UnitAssignments assignments;
  @Autowired UnitTaskData data;
  @Autowired SupervisionRounds rounds;
  @Autowired SupervisionCards roundCards;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;

  private PlanSummary plan;
  private ProcessDriver driver;
  private PlanAtWork work;
  private Round ordered;

  @BeforeAll
  void aPlanWorkedUntilTheFirstOfSeptember() {
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
    ParsedPlan fixture = LifecycleFixture.plan(true);
    ParsedTask funds = fixture.tasks().get(0);
    ParsedTask withMeeting = new ParsedTask(funds.number(), funds.section(), funds.title(), funds.content(),
        funds.leadUnit(), funds.coUnits(), funds.deadline(), funds.deadlineText(), false, funds.indicators(),
        List.of(new ParsedMilestone(LocalDate.of(2023, 8, 31), "召开联席会议")));
    plan = importer.importPlan(new ParsedPlan(fixture.title(), fixture.year(), fixture.issuer(), null,
        List.of(withMeeting, fixture.tasks().get(1))),
        new PlanImportService.Options(PlanImportService.Source.JSON, "demo", false, null));
    driver = new ProcessDriver(managementService, historyService, plan.processInstanceId());
    work = new PlanAtWork(assignments, taskService, plan.id());
    LifecycleFixture.approve(taskService, plan);
    LifecycleFixture.decomposeAndHandOut(taskService, allocations, driver, plan);
    for (UnitAssignment assignment : assignments.ofPlan(plan.id())) {
      work.complete(assignment, ElementIds.UnitTask.ACCEPT_TASK, Map.of("taskAccepted", true));
    }

    for (int month = 5; month <= 8; month++) {
      if (month > 5) {
        driver.advanceTo(LocalDateTime.of(2023, month, 10, 9, 0));
      }
      if (month == 6) {
        driver.advanceTo(LocalDateTime.of(2023, 6, 20, 10, 0));
        work.complete(work.unit("hrss", "2"), ElementIds.UnitTask.REPORT_COMPLETION, Map.of("completionSummary",
            "组织脱贫劳动力赴粤就业 1200 人，稳岗率 95%。"));
        work.complete(work.unit("hrss", "2"), ElementIds.UnitTask.SIGN_OFF, Map.of("approvalDecision", "approve"));
      }
      if (month == 7) {
        driver.advanceTo(LocalDateTime.of(2023, 7, 5, 10, 0));
        work.complete(work.unit("zunyiWorkGroup", "2"), ElementIds.UnitTask.REPORT_COMPLETION, Map.of("completionSummary",
            "配合开展劳务对接活动 6 场，已报牵头单位审核。"));
      }
      if (month == 8) {
        driver.advanceTo(LocalDateTime.of(2023, 8, 15, 10, 0));
        long fundsIndicator = allocations.indicators(plan.id()).get(0).id();
        data.addLedgerEntry(work.unit("doumen", "1").id(), fundsIndicator, LocalDate.of(2023, 8, 15),
            new BigDecimal("100000000"), "第一批资金拨付", "doumen");
        for (UnitAssignment assignment : assignments.ofPlan(plan.id())) {
          if (assignment.taskNumber().equals("1") && !assignment.unitId().equals("jinwan")) {
            plans.milestonesOfTask(assignment.planTaskId())
                .forEach(milestone -> data.markMilestone(assignment.id(), milestone.id(), assignment.unitId()));
          }
        }
      }
      driver.advanceTo(LocalDateTime.of(2023, month, 25, 10, 0));
      for (UnitAssignment assignment : assignments.ofPlan(plan.id())) {
        if (assignment.taskNumber().equals("1") && (month == 5 || !assignment.unitId().equals("jinwan"))) {
          work.complete(assignment, ElementIds.UnitTask.REPORT_PROGRESS, Map.of("progressText",
              month + " 月按计划推进，资金拨付和项目建设有序开展。"));
        }
      }
    }
    driver.advanceTo(LocalDateTime.of(2023, 9, 1, 9, 0));
    WebSession supervisor = WebSession.logIn(port, "supervisor");
    Api.Response started = supervisor.postForm("/supervision/rounds", Map.of("planId", String.valueOf(plan.id())));
    assertThat(started.status()).as(started.body()).isEqualTo(302);
    ordered = rounds.rounds(plan.id()).get(0);
  }

  @AfterAll
  void resetClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void theRoundFindsExactlyWhatTheRecordShowsBehindWithItsFigures() {
    assertThat(ordered.kind()).isEqualTo(RoundKind.ON_DEMAND);
    assertThat(ordered.asOf()).isEqualTo(LocalDate.of(2023, 9, 1));
    List<String> found = new ArrayList<>();
    for (StoredFinding stored : rounds.findings(ordered.id())) {
      Finding finding = stored.finding();
      found.add(finding.unitId() + " · " + finding.taskNumber() + " · " + finding.reason() + " · " + finding.detail());
    }
    assertThat(found).containsExactlyInAnyOrder(
        "zunyiWorkGroup · 2 · OVERDUE · 截止日期 2023-06-30，已逾期 63 天（已报完成，待审核）",
        "jinwan · 1 · NO_REPORT · 2023 年 8 月进展未报送（应于 2023-08-31 前报送），累计 3 期未报",
        "jinwan · 1 · MISSED_MILESTONE · 节点“召开联席会议”应于 2023-08-31 前完成，尚未标记完成",
        "doumen · 1 · BEHIND_SCHEDULE · 1 财政援助资金投入：台账 1 亿元，为本单位目标 4.2 亿元的 24%；"
            + "时间已过 73%（2023-01-01 至 2023-11-30），序时进度应达 3.06 亿元");
    StoredFinding behind = rounds.findings(ordered.id()).stream()
        .filter(stored -> stored.finding().reason() == FindingReason.BEHIND_SCHEDULE).findFirst().orElseThrow();
    assertThat(behind.finding().expected()).isEqualByComparingTo("306000000");
    assertThat(behind.finding().actual()).isEqualByComparingTo("100000000");
  }

  @Test
  void eachOpenUnitTaskGetsItsCardRedForOverdueYellowForOtherFindings() {
    Map<String, String> cards = new java.util.TreeMap<>();
    roundCards.ofRound(ordered.id()).values().forEach(card -> cards.put(card.unitId() + " " + card.assignmentId(),
        card.color() + " " + card.reason()));
    assertThat(cards.values()).containsExactlyInAnyOrder(
        "RED 逾期未完成",
        "YELLOW 未按期报送进展、节点未按期完成",
        "YELLOW 指标低于序时进度",
        "GREEN 按计划推进", "GREEN 按计划推进", "GREEN 按计划推进", "GREEN 按计划推进");
    assertThat(roundCards.historyOf(plan.id(), work.unit("zunyiWorkGroup", "2").id())).extracting(card -> card.color())
        .as("round by round: near its deadline at 6-10, overdue from 7-10").startsWith(CardColor.YELLOW, CardColor.RED,
            CardColor.RED, CardColor.RED);
    assertThat(WebSession.logIn(port, "coordinator").get("/supervision/rounds/" + ordered.id()).body())
        .contains("红牌 1 项", "黄牌 2 项", "绿牌 4 项");
  }

  @Test
  void theApiGivesEachRoundsCountsAsThePageAndTheRecordHaveThem() throws Exception {
    JsonNode detail = JSON.readTree(Api.as(port, "coordinator").get("/api/supervision/rounds/" + ordered.id()).body());
    JsonNode round = detail.path("round");
    assertThat(round.path("findings").asInt()).isEqualTo(rounds.findings(ordered.id()).stream()
        .filter(stored -> !stored.isDismissed()).count()).isEqualTo(4);
    assertThat(round.path("findingsByReason").path("OVERDUE").asInt()).isOne();
    assertThat(round.path("findingsByReason").path("BEHIND_SCHEDULE").asInt()).isOne();
    assertThat(round.path("cards").path("RED").asInt()).isOne();
    assertThat(round.path("cards").path("YELLOW").asInt()).isEqualTo(2);
    assertThat(round.path("cards").path("GREEN").asInt()).isEqualTo(4);
    assertThat(detail.path("findings").size()).isEqualTo(4);
    assertThat(detail.path("findings").findValuesAsText("reasonLabel")).contains("指标低于序时进度");
    JsonNode list = JSON.readTree(Api.as(port, "leader").get("/api/plans/" + plan.id() + "/supervision/rounds").body());
    assertThat(list.findValuesAsText("number")).contains("1", "2", "3", "4");
    Api.Response unit = Api.as(port, "doumen").get("/api/supervision/rounds/" + ordered.id());
    assertThat(unit.status()).isEqualTo(403);
    assertThat(unit.body()).contains("督查轮次只对督查人员、协调员和领导开放");
    assertThat(Api.as(port, "doumen").get("/api/plans/" + plan.id() + "/supervision/rounds").status()).isEqualTo(403);
    assertThat(Api.as(port, "supervisor").get("/api/supervision/rounds/999999").status()).isEqualTo(404);
    assertThat(Api.as(port, "supervisor").get("/api/plans/999999/supervision/rounds").status()).isEqualTo(404);
  }

  @Test
  void cycleRoundsOpenedOnTimeThoughNoneWasFinishedAndTheUnfinishedAreFlagged() {
    assertThat(rounds.rounds(plan.id()).stream().filter(round -> round.number() <= ordered.number()))
        .extracting(round -> round.number() + " " + round.kind().label() + " "
        + round.asOf() + " " + round.statusLabel()).containsExactly(
            "4 专项督查 2023-09-01 进行中",
            "3 例行督查 2023-08-10 进行中",
            "2 例行督查 2023-07-10 未按期完成",
            "1 例行督查 2023-06-10 未按期完成");
    assertThat(rounds.rounds(plan.id()).stream().filter(round -> round.number() <= ordered.number()))
        .as("each of the four rounds waits with its own review task").allSatisfy(round ->
            assertThat(taskService.createTaskQuery().processInstanceId(round.processInstanceId())
                .taskDefinitionKey(ElementIds.SupervisionRound.REVIEW_FINDINGS).count()).isOne());
  }

  @Test
  void theRoundPageListsTheFindingsFilteredByUnitAndReasonForThoseWhoOversee() {
    String path = "/supervision/rounds/" + ordered.id();
    String page = WebSession.logIn(port, "coordinator").get(path).body();
    assertThat(page).contains("第 4 轮专项督查", "有效发现 4 项", "金湾区", "斗门区", "市驻遵义工作组", "序时进度应达 3.06 亿元")
        .doesNotContain("排除理由");
    assertThat(rows(WebSession.logIn(port, "coordinator").get(path + "?unit=jinwan").body())).isEqualTo(2);
    assertThat(rows(WebSession.logIn(port, "leader").get(path + "?reason=OVERDUE").body())).isEqualTo(1);
    assertThat(WebSession.logIn(port, "supervisor").get("/supervision").body()).contains("第 4 轮", "专项督查", "未按期完成");
    WebSession district = WebSession.logIn(port, "doumen");
    assertThat(district.get(path).status()).as("a unit does not read the round").isEqualTo(403);
    assertThat(district.get("/supervision").status()).isEqualTo(403);
    assertThat(district.postForm("/supervision/rounds", Map.of("planId", String.valueOf(plan.id()))).status())
        .isEqualTo(403);
    assertThat(WebSession.logIn(port, "supervisor").get("/supervision/rounds/999999").status()).isEqualTo(404);
  }

  /** Each supervision tile on the dashboard counts exactly the records of the list it opens. */
  @Test
  void theDashboardsSupervisionTilesCountTheListsTheyOpen() {
    WebSession leader = WebSession.logIn(port, "leader");
    String board = "/dashboard/plans/" + plan.id();
    String page = leader.get(board).body();
    for (String kind : List.of("FINDINGS", "RED", "YELLOW", "GREEN", "OPEN", "OVERDUE", "CLOSED")) {
      Matcher tile = Pattern.compile("id=\"sv-" + kind + "\"[^>]*>\\s*<strong>(\\d+)</strong>").matcher(page);
      assertThat(tile.find()).as(kind + " tile").isTrue();
      String list = leader.get(board + "/supervision?kind=" + kind).body();
      assertThat(list.split("class=\"record\"", -1).length - 1).as(kind + ": tile = list")
          .isEqualTo(Integer.parseInt(tile.group(1)));
    }
    assertThat(page).as("the latest round").containsPattern("第 \\d+ 轮督查（");
    assertThat(WebSession.logIn(port, "doumen").get(board + "/supervision?kind=RED").status()).isEqualTo(403);
    assertThat(leader.get(board + "/supervision?kind=PURPLE").status()).isEqualTo(400);
  }

  @Test
  void aSupervisorDismissesWithAReasonAndAddsAFindingOnARoundForChosenUnits() {
    WebSession supervisor = WebSession.logIn(port, "supervisor");
    Api.Response started = supervisor.postForm("/supervision/rounds", Map.of("planId", String.valueOf(plan.id()),
        "units", "jinwan"));
    Round scoped = rounds.rounds(plan.id()).get(0);
    assertThat(supervisor.follow(started).body()).contains("已发起第 " + scoped.number() + " 轮专项督查", "有效发现 2 项");
    assertThat(scoped.scopeUnits()).containsExactly("jinwan");
    String path = "/supervision/rounds/" + scoped.id();
    long milestone = rounds.findings(scoped.id()).stream()
        .filter(stored -> stored.finding().reason() == FindingReason.MISSED_MILESTONE).findFirst().orElseThrow().id();

    Api.Response noReason = supervisor.postForm(path + "/findings/" + milestone + "/dismiss", Map.of("reason", " "));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("请填写排除理由");
    assertThat(WebSession.logIn(port, "leader").postForm(path + "/findings/" + milestone + "/dismiss",
        Map.of("reason", "领导认可")).status()).as("leaders read, supervisors decide").isEqualTo(403);
    Api.Response dismissal = supervisor.postForm(path + "/findings/" + milestone + "/dismiss",
        Map.of("reason", "会议已于 8 月 30 日召开，纪要待补录", "filterUnit", "jinwan", "filterReason", ""));
    assertThat(dismissal.location()).as("back to the filtered table").endsWith(path + "?unit=jinwan");
    String dismissed = supervisor.follow(dismissal).body();
    assertThat(dismissed).contains("已排除该条发现", "有效发现 1 项（共 2 项，已排除 1 项）",
        "已排除：会议已于 8 月 30 日召开，纪要待补录（督查专员（supervisor）");
    long otherRound = rounds.findings(ordered.id()).get(0).id();
    assertThat(supervisor.postForm(path + "/findings/" + otherRound + "/dismiss", Map.of("reason", "x")).body())
        .contains("本轮督查没有这条发现");

    assertThat(roundCards.ofRound(scoped.id()).get(work.unit("jinwan", "1").id()).reason())
        .isEqualTo("排除发现后重新评定：未按期报送进展");

    String jinwan = String.valueOf(work.unit("jinwan", "1").id());
    Api.Response noCardReason = supervisor.postForm(path + "/cards/red", Map.of("assignmentId", jinwan, "reason", ""));
    assertThat(noCardReason.status()).isEqualTo(400);
    assertThat(noCardReason.body()).contains("请填写亮红牌理由");
    assertThat(supervisor.follow(supervisor.postForm(path + "/cards/red", Map.of("assignmentId", jinwan,
        "reason", "连续三月未报进展，严重滞后"))).body()).contains("已亮红牌",
            "督查人员亮红牌：连续三月未报进展，严重滞后；另：未按期报送进展", "撤销红牌");
    assertThat(supervisor.postForm(path + "/cards/red", Map.of("assignmentId", jinwan, "reason", "再亮")).body())
        .contains("该任务已亮红牌");
    String cleared = supervisor.follow(supervisor.postForm(path + "/cards/clear", Map.of("assignmentId", jinwan,
        "reason", "已约谈并补报"))).body();
    assertThat(cleared).contains("已撤销红牌，降为黄牌").doesNotContain(">撤销红牌</button>");
    assertThat(roundCards.ofRound(scoped.id()).get(work.unit("jinwan", "1").id())).satisfies(card -> {
      assertThat(card.color()).isEqualTo(CardColor.YELLOW);
      assertThat(card.describe()).isEqualTo("撤销督查人员亮出的红牌（已约谈并补报），按记录评定：未按期报送进展");
      assertThat(card.setBy()).isEqualTo("supervisor");
    });
    assertThat(supervisor.postForm(path + "/cards/clear", Map.of("assignmentId", jinwan, "reason", "x")).body())
        .contains("该任务没有督查人员亮出的红牌");

    Api.Response empty = supervisor.postForm(path + "/findings", Map.of("assignmentId", "", "detail", ""));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body()).contains("请选择本计划中的一项单位任务", "请填写发现的问题");
    assertThat(supervisor.postForm(path + "/findings", Map.of("assignmentId", String.valueOf(work.unit("doumen", "1").id()),
        "detail", "台账缺少拨付凭证")).body()).contains("本轮督查只涉及指定单位");
    String added = supervisor.follow(supervisor.postForm(path + "/findings", Map.of("assignmentId",
        String.valueOf(work.unit("jinwan", "1").id()), "detail", "项目库入库项目 3 个，少于计划的 8 个"))).body();
    assertThat(added).contains("已补充一条督查发现", "有效发现 2 项", "督查人员补充", "项目库入库项目 3 个");

    Task review = taskService.createTaskQuery().processInstanceId(scoped.processInstanceId()).singleResult();
    taskService.complete(review.getId(), Map.of("supervisionFindings", "金湾区两期未报进展，已约谈。"));
    assertThat(supervisor.get(path).body()).contains("已完成", "督查意见：", "金湾区两期未报进展，已约谈。")
        .doesNotContain("<h2>补充发现</h2>");
    assertThat(supervisor.postForm(path + "/findings", Map.of("assignmentId", String.valueOf(work.unit("jinwan", "1").id()),
        "detail", "再补一条")).body()).contains("已完成，发现不能再修改");
  }

  @Test
  void aFindingAddedByHandTurnsAGreenCardYellowAndTheReviewTaskSaysSo() {
    WebSession supervisor = WebSession.logIn(port, "supervisor");
    supervisor.follow(supervisor.postForm("/supervision/rounds", Map.of("planId", String.valueOf(plan.id()),
        "units", "finance")));
    Round round = rounds.rounds(plan.id()).get(0);
    long finance = work.unit("finance", "1").id();
    assertThat(roundCards.ofRound(round.id()).get(finance).color()).isEqualTo(CardColor.GREEN);
    supervisor.postForm("/supervision/rounds/" + round.id() + "/findings", Map.of("assignmentId",
        String.valueOf(finance), "detail", "资金拨付凭证未归档"));
    assertThat(roundCards.ofRound(round.id()).get(finance)).satisfies(card -> {
      assertThat(card.color()).isEqualTo(CardColor.YELLOW);
      assertThat(card.reason()).isEqualTo("补充发现后重新评定：督查人员补充");
    });
    Task review = taskService.createTaskQuery().processInstanceId(round.processInstanceId()).singleResult();
    assertThat((String) taskService.getVariable(review.getId(), "findingsSummary")).contains("有效发现 1 项",
        "督查人员补充 1 项");
    assertThat(review.getName()).isEqualTo("核查督查发现｜第 " + round.number() + " 轮专项督查 · " + plan.title());
  }

  @Test
  void aHandRaisedRedCardClearedOnAnOverdueTaskLeavesItRedByTheRecord() {
    WebSession supervisor = WebSession.logIn(port, "supervisor");
    supervisor.follow(supervisor.postForm("/supervision/rounds", Map.of("planId", String.valueOf(plan.id()),
        "units", "zunyiWorkGroup")));
    Round round = rounds.rounds(plan.id()).get(0);
    String path = "/supervision/rounds/" + round.id();
    String workGroup = String.valueOf(work.unit("zunyiWorkGroup", "2").id());
    assertThat(supervisor.follow(supervisor.postForm(path + "/cards/red", Map.of("assignmentId", workGroup,
        "reason", "配合工作严重滞后"))).body()).contains("督查人员亮红牌：配合工作严重滞后；另：逾期未完成");
    String cleared = supervisor.follow(supervisor.postForm(path + "/cards/clear", Map.of("assignmentId", workGroup,
        "reason", "已约谈"))).body();
    assertThat(cleared).contains("该任务仍有逾期事项，按记录仍为红牌", "撤销督查人员亮出的红牌（已约谈），按记录评定：逾期未完成")
        .doesNotContain(">撤销红牌</button>");
    assertThat(roundCards.manualRedOf(plan.id(), Long.parseLong(workGroup))).isEmpty();
    assertThat(supervisor.postForm(path + "/cards/clear", Map.of("assignmentId", workGroup, "reason", "再撤")).body())
        .contains("该任务没有督查人员亮出的红牌");
  }

  private static int rows(String page) {
    return page.split("data-finding=").length - 1;
  }
}
