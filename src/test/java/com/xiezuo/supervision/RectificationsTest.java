package com.xiezuo.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.decomposition.Allocations;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.supervision.RectificationRecords.Rectification;
import com.xiezuo.supervision.SupervisionRoundRecords.Round;
import com.xiezuo.supervision.SupervisionRoundRecords.StoredFinding;
import com.xiezuo.support.Api;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.TestSmtp;
import com.xiezuo.support.WebSession;
import com.xiezuo.support.XiezuoSpringTest;
import com.xiezuo.workflow.Deadlines;
import com.xiezuo.workflow.ElementIds;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rectification notices from a round of 5 July 2023, when task 2 (due 30 June) is overdue for 市人社局 and 市驻遵义工作组:
 * issued by a supervisor, answered by the unit in Tasklist with evidence, returned, escalated past the due date,
 * closed; and an extension asked before the due date, refused once, granted once.
 */
@XiezuoSpringTest
class RectificationsTest {

  @Autowired PlanImportService importer;
  @Autowired Allocations allocations;
  @Autowired UnitAssignments assignments;
  @Autowired SupervisionRounds rounds;
  @Autowired SupervisionCards cards;
  @Autowired Rectifications rectifications;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;

  private PlanSummary plan;
  private ProcessDriver driver;
  private Round round;

  @BeforeEach
  void aRoundFindsTaskTwoOverdue() {
    TestSmtp.ensureStarted();
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
    plan = LifecycleFixture.importPlan(importer, true);
    driver = new ProcessDriver(managementService, historyService, plan.processInstanceId());
    LifecycleFixture.approve(taskService, plan);
    LifecycleFixture.decomposeAndHandOut(taskService, allocations, driver, plan);
    driver.advanceTo(LocalDateTime.of(2023, 6, 10, 9, 0));
    driver.advanceTo(LocalDateTime.of(2023, 7, 5, 10, 0));
    round = rounds.start(plan.id(), RoundKind.ON_DEMAND, List.of("hrss", "zunyiWorkGroup"), "supervisor");
  }

  @AfterEach
  void resetClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void issuedAnsweredWithEvidenceReturnedEscalatedOnceThenClosed() throws Exception {
    WebSession supervisor = WebSession.logIn(port, "supervisor");
    Api.Response noChoice = supervisor.postForm("/supervision/rounds/" + round.id() + "/rectifications",
        Map.of("requirement", "补报", "dueDate", "2023-07-20"));
    assertThat(noChoice.status()).isEqualTo(400);
    assertThat(noChoice.body()).contains("请勾选要整改的发现", "补报");
    Api.Response twoUnits = supervisor.postForm("/supervision/rounds/" + round.id() + "/rectifications",
        Map.of("findingIds", overdue("hrss").id() + "," + overdue("zunyiWorkGroup").id(), "requirement", "补报",
            "dueDate", "2023-07-04"));
    assertThat(twoUnits.status()).isEqualTo(400);
    assertThat(twoUnits.body()).contains("一份整改通知只发给一个单位", "整改期限须晚于今天（2023-07-05）");

    Api.Response issued = supervisor.postForm("/supervision/rounds/" + round.id() + "/rectifications",
        Map.of("findingIds", String.valueOf(overdue("hrss").id()), "requirement", "7 月 20 日前报送完成情况并上传就业台账",
            "dueDate", "2023-07-20"));
    String page = supervisor.follow(issued).body();
    Rectification notice = rectifications.ofRound(round.id()).get(0);
    assertThat(page).contains("整改通知已下发", "逾期未完成：截止日期 2023-06-30", "7 月 20 日前报送完成情况并上传就业台账", "待整改");
    driver.runDueJobs();
    List<MimeMessage> sent = TestSmtp.withKeyPrefix("rectification/" + notice.id() + "/notice");
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getRecipients(Message.RecipientType.TO)[0].toString()).contains("hrss");
    assertThat(TestSmtp.body(sent.get(0))).contains("整改要求：7 月 20 日前报送完成情况并上传就业台账", "2023 年 7 月 20 日");

    Task report = open(notice, ElementIds.Rectification.REPORT);
    assertThat(report.getName()).isEqualTo("报送整改情况｜2 强化劳务协作");
    Api unitApi = Api.as(port, "hrss");
    Api.Response withoutEvidence = unitApi.postJson("/engine-rest/task/" + report.getId() + "/complete",
        answer("report", "已组织专场招聘 3 场，补报完成情况。"));
    assertThat(withoutEvidence.status()).isEqualTo(400);
    assertThat(withoutEvidence.body()).contains("请先在整改页面上传整改佐证材料");

    WebSession unit = WebSession.logIn(port, "hrss");
    byte[] pdf = "%PDF-1.4\n%就业台账\n".getBytes(StandardCharsets.UTF_8);
    assertThat(unit.follow(unit.upload("/rectifications/" + notice.id() + "/evidence", "file", "就业台账.pdf", pdf,
        Map.of("description", "7 月就业台账"))).body()).contains("已上传", "就业台账.pdf", "整改佐证：7 月就业台账",
            "上传佐证材料");
    Api.Response tooLong = unit.upload("/rectifications/" + notice.id() + "/evidence", "file", "长说明.pdf", pdf,
        Map.of("description", "说".repeat(401)));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body()).contains("说明不能超过 400 字（现为 401 字）");
    assertThat(unitApi.postJson("/engine-rest/task/" + report.getId() + "/complete",
        answer("report", "已组织专场招聘 3 场，补报完成情况。")).status()).isEqualTo(204);
    assertThat(find(notice).status()).isEqualTo(RectificationStatus.REPORTED);

    WebSession other = WebSession.logIn(port, "doumen");
    assertThat(other.get("/rectifications/" + notice.id()).status()).as("another unit").isEqualTo(404);
    assertThat(other.get("/rectifications").body()).doesNotContain("data-rectification=\"" + notice.id() + "\"");
    assertThat(other.postForm("/supervision/rounds/" + round.id() + "/rectifications",
        Map.of("findingIds", String.valueOf(overdue("hrss").id()))).status()).isEqualTo(403);
    Api otherApi = Api.as(port, "doumen");
    assertThat(otherApi.get("/engine-rest/history/variable-instance?processInstanceId=" + notice.processInstanceId())
        .body()).isEqualTo("[]");
    assertThat(otherApi.get("/engine-rest/task?processInstanceId=" + notice.processInstanceId()).body()).isEqualTo("[]");

    Task verify = open(notice, ElementIds.Rectification.VERIFY);
    assertThat(verify.getName()).isEqualTo("复核整改情况｜2 强化劳务协作（市人力资源和社会保障局）");
    assertThat((String) taskService.getVariable(verify.getId(), "rectificationEvidence")).contains("就业台账.pdf");
    assertThat(verify.getDueDate()).as("verified within five days of the report")
        .isEqualTo(Deadlines.endOfDay(LocalDate.of(2023, 7, 10)));
    Api supervisorApi = Api.as(port, "supervisor");
    assertThat(supervisorApi.postJson("/engine-rest/task/" + verify.getId() + "/complete",
        verdict("return", "")).body()).contains("退回时请写明还需整改什么");
    assertThat(supervisorApi.postJson("/engine-rest/task/" + verify.getId() + "/complete",
        verdict("return", "请补充招聘会签到表")).status()).isEqualTo(204);
    assertThat(find(notice).status()).isEqualTo(RectificationStatus.RETURNED);
    assertThat((String) taskService.getVariable(open(notice, ElementIds.Rectification.REPORT).getId(),
        "rectificationHistory")).contains("复核退回（督查专员（supervisor））：请补充招聘会签到表");

    driver.advanceTo(LocalDateTime.of(2023, 7, 21, 9, 0));
    driver.advanceTo(LocalDateTime.of(2023, 7, 23, 9, 0));
    List<MimeMessage> escalated = TestSmtp.withKeyPrefix("rectification/" + notice.id() + "/overdue/");
    assertThat(escalated).as("once per due date").hasSize(1);
    assertThat(TestSmtp.body(escalated.get(0))).contains("逾期未销号", "退回重新整改");
    assertThat(find(notice).statusLabel()).isEqualTo("退回重新整改（已逾期）");
    Round later = rounds.start(plan.id(), RoundKind.ON_DEMAND, List.of("hrss"), "supervisor");
    assertThat(rounds.findings(later.id())).extracting(stored -> stored.finding().reason())
        .contains(FindingReason.RECTIFICATION_OVERDUE);
    assertThat(cards.ofRound(later.id()).get(notice.assignmentId()).reason()).contains("整改逾期未销号");

    assertThat(unitApi.postJson("/engine-rest/task/" + open(notice, ElementIds.Rectification.REPORT).getId()
        + "/complete", answer("report", "已补充招聘会签到表。")).status()).isEqualTo(204);
    assertThat(supervisorApi.postJson("/engine-rest/task/" + open(notice, ElementIds.Rectification.VERIFY).getId()
        + "/complete", verdict("close", "整改到位")).status()).isEqualTo(204);
    assertThat(find(notice).status()).isEqualTo(RectificationStatus.CLOSED);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(notice.processInstanceId())
        .finished().count()).isOne();
    assertThat(unit.get("/rectifications/" + notice.id()).body()).contains("复核销号", "整改到位", "已销号");
  }

  @Test
  void anExtensionAskedBeforeTheDueDateIsRefusedOnceThenGrantedAndMovesTheEscalation() {
    Rectification notice = rectifications.issue(round.id(), List.of(overdue("zunyiWorkGroup").id()), null,
        "7 月 20 日前报送配合情况", "2023-07-20", "supervisor");
    driver.runDueJobs();
    Api unitApi = Api.as(port, "zunyiWorkGroup");
    Api supervisorApi = Api.as(port, "supervisor");
    assertThat(unitApi.postJson("/engine-rest/task/" + open(notice, ElementIds.Rectification.REPORT).getId()
        + "/complete", extension("2023-07-10", "")).body()).contains("延期后的期限须晚于现期限（2023-07-20）", "请说明申请延期的理由");

    assertThat(unitApi.postJson("/engine-rest/task/" + open(notice, ElementIds.Rectification.REPORT).getId()
        + "/complete", extension("2023-09-01", "县里项目尚未验收")).status()).isEqualTo(204);
    assertThat(supervisorApi.postJson("/engine-rest/task/" + open(notice, ElementIds.Rectification.DECIDE_EXTENSION)
        .getId() + "/complete", decision("refuse", "期限过长，请于 7 月底前完成")).status()).isEqualTo(204);
    assertThat(find(notice).dueDate()).hasToString("2023-07-20");

    assertThat(unitApi.postJson("/engine-rest/task/" + open(notice, ElementIds.Rectification.REPORT).getId()
        + "/complete", extension("2023-07-31", "等待县里验收结果")).status()).isEqualTo(204);
    assertThat(supervisorApi.postJson("/engine-rest/task/" + open(notice, ElementIds.Rectification.DECIDE_EXTENSION)
        .getId() + "/complete", decision("grant", "")).status()).isEqualTo(204);
    assertThat(find(notice).dueDate()).hasToString("2023-07-31");
    Task report = open(notice, ElementIds.Rectification.REPORT);
    assertThat(report.getDueDate()).isEqualTo(Deadlines.endOfDay(LocalDate.of(2023, 7, 31)));

    driver.advanceTo(LocalDateTime.of(2023, 7, 22, 9, 0));
    assertThat(TestSmtp.withKeyPrefix("rectification/" + notice.id() + "/overdue/")).as("not at the old date").isEmpty();
    driver.advanceTo(LocalDateTime.of(2023, 8, 1, 9, 0));
    assertThat(TestSmtp.withKeyPrefix("rectification/" + notice.id() + "/overdue/2023-07-31")).hasSize(1);
    assertThat(unitApi.postJson("/engine-rest/task/" + open(notice, ElementIds.Rectification.REPORT).getId()
        + "/complete", extension("2023-08-31", "再延")).body()).contains("已过，不能再申请延期");
    assertThat(WebSession.logIn(port, "zunyiWorkGroup").get("/rectifications/" + notice.id()).body())
        .contains("申请延期", "不同意延期", "期限过长，请于 7 月底前完成", "同意延期", "逾期报领导");
  }

  private StoredFinding overdue(String unitId) {
    return rounds.findings(round.id()).stream().filter(stored -> stored.finding().unitId().equals(unitId))
        .filter(stored -> stored.finding().reason() == FindingReason.OVERDUE).findFirst().orElseThrow();
  }

  private Rectification find(Rectification notice) {
    return rectifications.findOptional(notice.id()).orElseThrow();
  }

  private Task open(Rectification notice, String key) {
    Task task = taskService.createTaskQuery().processInstanceId(notice.processInstanceId()).taskDefinitionKey(key)
        .singleResult();
    assertThat(task).as("open " + key).isNotNull();
    return task;
  }

  private static String answer(String action, String report) {
    return "{\"variables\":{\"rectificationAction\":{\"value\":\"" + action + "\"},\"rectificationReport\":{\"value\":\""
        + report + "\"}}}";
  }

  private static String extension(String until, String reason) {
    return "{\"variables\":{\"rectificationAction\":{\"value\":\"extend\"},\"extensionUntil\":{\"value\":\"" + until
        + "\"},\"extensionReason\":{\"value\":\"" + reason + "\"}}}";
  }

  private static String verdict(String decision, String comment) {
    return "{\"variables\":{\"verifyDecision\":{\"value\":\"" + decision + "\"},\"verifyComment\":{\"value\":\""
        + comment + "\"}}}";
  }

  private static String decision(String decision, String comment) {
    return "{\"variables\":{\"extensionDecision\":{\"value\":\"" + decision + "\"},\"extensionComment\":{\"value\":\""
        + comment + "\"}}}";
  }
}
