package com.xiezuo.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.xiezuo.decomposition.Allocations;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.execution.UnitTaskData;
import com.xiezuo.lifecycle.AcceptedYear;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.supervision.SupervisionRoundRecords.Round;
import com.xiezuo.supervision.bulletin.Bulletin;
import com.xiezuo.supervision.bulletin.BulletinFigures.UnitFigures;
import com.xiezuo.supervision.bulletin.BulletinStatus;
import com.xiezuo.supervision.bulletin.BulletinWorkbook;
import com.xiezuo.supervision.bulletin.Bulletins;
import com.xiezuo.support.Api;
import com.xiezuo.support.FlowNodeCoverage;
import com.xiezuo.support.PlanAtWork;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.WebSession;
import com.xiezuo.support.XiezuoSpringTest;
import com.xiezuo.workflow.ElementIds;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A round's bulletin from the draft to the published Word and Excel files. The story, so the figures, written out
 * first: a 2023 plan handed out on 10 May; every unit of task 1 reports May and June except 金湾区 (June missing),
 * 斗门区 has nothing of its 4.2 亿 in its ledger, 市财政局 records a 58 % share against its 55 %; 市人社局 finishes task 2
 * on 20 June, 市驻遵义工作组 does not. A round ordered on 1 July finds 3 problems (1 overdue, 1 report missing, 1 behind
 * schedule) — and, written down wrong at first, 市驻遵义工作组's own missing reports: 4 — cards 1 red and 2 yellow;
 * the supervisor sends 市驻遵义工作组 a notice, which it answers and which is
 * closed before the bulletin goes to leadership, who returns it once, then signs.
 */
@XiezuoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulletinsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** unit: tasks done onTrack atRisk overdue · indicators met · notices closed · red yellow (as of the draft). */
  private static final List<String> DRAFTED = List.of(
      "香洲区: 1 0 1 0 0 · 0 0 · 0 0 · 0 0",
      "金湾区: 1 0 0 1 0 · 0 0 · 0 0 · 0 1",
      "斗门区: 1 0 0 1 0 · 1 0 · 0 0 · 0 1",
      "高新区: 1 0 1 0 0 · 0 0 · 0 0 · 0 0",
      "市乡村振兴局: 1 0 1 0 0 · 0 0 · 0 0 · 0 0",
      "市财政局: 1 0 1 0 0 · 1 1 · 0 0 · 0 0",
      "市人力资源和社会保障局: 1 1 0 0 0 · 0 0 · 0 0 · 0 0",
      "市驻遵义工作组: 1 0 0 0 1 · 0 0 · 1 0 · 1 0");

  @Autowired PlanImportService importer;
  @Autowired Allocations allocations;
  @Autowired UnitAssignments assignments;
  @Autowired UnitTaskData data;
  @Autowired SupervisionRounds rounds;
  @Autowired Rectifications rectifications;
  @Autowired Bulletins bulletins;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  private PlanSummary plan;
  private ProcessDriver driver;
  private PlanAtWork work;
  private Round round;
  private Bulletin drafted;

  @BeforeAll
  void aRoundOrderedOnTheFirstOfJulyIsReviewedAndItsBulletinDrafted() {
    AcceptedYear year = AcceptedYear.begin(importer, allocations, assignments, taskService, managementService,
        historyService);
    plan = year.plan();
    driver = year.driver();
    work = year.work();
    for (int month = 5; month <= 6; month++) {
      if (month == 6) {
        driver.advanceTo(LocalDateTime.of(2023, 6, 20, 10, 0));
        work.complete(work.unit("hrss", "2"), ElementIds.UnitTask.REPORT_COMPLETION, Map.of("completionSummary",
            "组织脱贫劳动力赴粤就业 1200 人，稳岗率 95%。"));
        work.complete(work.unit("hrss", "2"), ElementIds.UnitTask.SIGN_OFF, Map.of("approvalDecision", "approve"));
        long share = allocations.indicators(plan.id()).get(1).id();
        data.addLedgerEntry(work.unit("finance", "1").id(), share, LocalDate.of(2023, 6, 20), new BigDecimal("58"),
            "产业发展资金占比", "finance");
      }
      driver.advanceTo(LocalDateTime.of(2023, month, 25, 10, 0));
      for (UnitAssignment assignment : assignments.ofPlan(plan.id())) {
        if (assignment.taskNumber().equals("1") && (month == 5 || !assignment.unitId().equals("jinwan"))) {
          work.complete(assignment, ElementIds.UnitTask.REPORT_PROGRESS, Map.of("progressText",
              month + " 月按计划推进，资金拨付和项目建设有序开展。"));
        }
      }
    }
    driver.advanceTo(LocalDateTime.of(2023, 7, 1, 9, 0));
    WebSession supervisor = WebSession.logIn(port, "supervisor");
    supervisor.postForm("/supervision/rounds", Map.of("planId", String.valueOf(plan.id())));
    round = rounds.rounds(plan.id()).get(0);
    long overdue = rounds.findings(round.id()).stream()
        .filter(stored -> stored.finding().reason() == FindingReason.OVERDUE).findFirst().orElseThrow().id();
    Api.Response issued = supervisor.postForm("/supervision/rounds/" + round.id() + "/rectifications", Map.of(
        "findingIds", String.valueOf(overdue), "requirement", "7 月 10 日前报送完成情况", "dueDate", "2023-07-10"));
    assertThat(issued.status()).as(issued.body()).isEqualTo(302);
    driver.runDueJobs();

    Task review = taskService.createTaskQuery().processInstanceId(round.processInstanceId()).singleResult();
    assertThat(Api.as(port, "supervisor").postJson("/engine-rest/task/" + review.getId() + "/complete",
        "{\"variables\":{\"supervisionFindings\":{\"value\":\"总体按计划推进，个别单位滞后。\"}}}").status()).isEqualTo(204);
    driver.runDueJobs();
    drafted = bulletins.ofRound(round.id()).orElseThrow();
    assertThat(openTask(round.processInstanceId()).getTaskDefinitionKey())
        .isEqualTo(ElementIds.SupervisionRound.EDIT_BULLETIN);
  }

  @AfterAll
  void resetClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void theDraftStatesTheRoundsFiguresInTheWordsOfABulletin() {
    assertThat(drafted.status()).isEqualTo(BulletinStatus.DRAFT);
    assertThat(drafted.stored().text().title()).isEqualTo("关于2023年东西部协作工作第2轮专项督查情况的通报");
    assertThat(drafted.stored().text().recipients()).isEqualTo("各区（功能区），市直有关单位");
    assertThat(drafted.stored().text().body()).contains(
        "截至2023年7月1日，8 项单位任务中，已完成 1 项，正常推进 4 项，存在风险 2 项，逾期 1 项。本轮核查发现问题 4 项"
            + "（逾期未完成 1 项，未按期报送进展 2 项，指标低于序时进度 1 项），亮红牌 1 张、黄牌 2 张；下发整改通知 1 份，已销号 0 份。",
        "1 财政援助资金投入：目标 4.2 亿元，台账 0 元，完成 0.0%，1 个单位中 0 个已达目标；1 产业发展资金比例：1 个单位中 1 个达到目标。",
        "逾期未完成的有：市驻遵义工作组；未按期报送进展的有：金湾区、市驻遵义工作组；指标低于序时进度的有：斗门区。");
    assertThat(rows(drafted)).containsExactlyElementsOf(DRAFTED);
  }

  @Test
  void theFiguresAreADirectCountOfTheRecordAndWhatTheRoundsApiSays() throws Exception {
    Map<String, Integer> tasks = new LinkedHashMap<>();
    jdbc.sql("select unit_id, count(*) n from xz_unit_assignment where plan_id = ? group by unit_id").param(plan.id())
        .query(rs -> {
          tasks.put(rs.getString("unit_id"), rs.getInt("n"));
        });
    List<UnitFigures> units = drafted.figures().units();
    assertThat(units).allSatisfy(unit -> assertThat(unit.tasks()).isEqualTo(tasks.get(unit.unitId())));
    assertThat(units).allSatisfy(unit -> assertThat(unit.done() + unit.onTrack() + unit.atRisk() + unit.overdue())
        .as(unit.unitName() + ": every task counted once").isEqualTo(unit.tasks()));
    int red = jdbc.sql("""
        select count(*) from xz_supervision_card c where c.round_id = ? and c.color = 'RED'
        and c.id = (select max(l.id) from xz_supervision_card l where l.round_id = c.round_id
                    and l.assignment_id = c.assignment_id)""").param(round.id()).query(Integer.class).single();
    assertThat(drafted.figures().total(UnitFigures::redCards)).isEqualTo(red).isOne();

    JsonNode api = JSON.readTree(Api.as(port, "coordinator").get("/api/supervision/rounds/" + round.id()).body())
        .path("round");
    assertThat(drafted.figures().total(UnitFigures::redCards)).isEqualTo(api.path("cards").path("RED").asInt());
    assertThat(drafted.figures().total(UnitFigures::yellowCards)).isEqualTo(api.path("cards").path("YELLOW").asInt());
    assertThat(drafted.figures().total(UnitFigures::rectificationsIssued))
        .isEqualTo(api.path("rectificationsIssued").asInt()).isOne();
    assertThat(drafted.stored().text().body()).contains("本轮核查发现问题 " + api.path("findings").asInt() + " 项");
  }

  @Test
  void editedChoseAndSentToLeadershipReturnedOnceThenSignedPublishedAndDownloaded() throws Exception {
    String editor = "/supervision/rounds/" + round.id() + "/bulletin";
    WebSession supervisor = WebSession.logIn(port, "supervisor");
    String page = supervisor.get(editor).body();
    assertThat(page).contains("起草中", "表扬 市财政局：承担的 1 项单位任务均按计划推进，1 项指标中 1 项已达目标，本轮未发现问题",
        "批评 市驻遵义工作组：1 项单位任务逾期未完成，被亮红牌 1 张，1 份整改通知尚未销号");

    Api.Response blank = supervisor.postForm(editor, Map.of("title", " ", "recipients", "各区", "body", "正文",
        "requirements", "要求", "issuer", "x".repeat(201)));
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.body()).contains("请填写标题", "落款单位不能超过 200 字（现为 201 字）");
    assertThat(bulletins.find(drafted.id()).orElseThrow().stored().text().title()).as("nothing half-written")
        .isEqualTo(drafted.stored().text().title());
    assertThat(WebSession.logIn(port, "leader").postForm(editor, Map.of("title", "x")).status()).isEqualTo(403);
    assertThat(WebSession.logIn(port, "doumen").get(editor).status()).isEqualTo(403);
    assertThat(WebSession.logIn(port, "doumen").get("/bulletins/" + drafted.id()).status())
        .as("a unit does not read a draft").isEqualTo(404);
    assertThat(Api.as(port, "doumen").get("/api/supervision/rounds/" + round.id() + "/bulletin").status())
        .isEqualTo(404);

    mention(supervisor, "finance", "PRAISE", "提前谋划产业项目，资金使用比例已达 58%");
    mention(supervisor, "zunyiWorkGroup", "CRITICISM", "配合任务逾期未完成，被亮红牌");
    assertThat(supervisor.postForm(editor + "/mentions", Map.of("unitId", "zunyiWorkGroup", "kind", "CRITICISM",
        "facts", "再批评")).body()).contains("该单位已列入通报批评");
    assertThat(supervisor.postForm(editor + "/mentions", Map.of("unitId", "zunyiWorkGroup", "kind", "PRAISE",
        "facts", "配合积极")).body()).contains("同一份通报不能既表扬又批评同一单位");
    assertThat(supervisor.postForm(editor + "/mentions", Map.of("unitId", "hengqin", "kind", "PRAISE",
        "facts", "x")).body()).contains("请选择本轮通报涉及的单位");

    Rectifications.View notice = rectifications.view(rectifications.ofRound(round.id()).get(0));
    long noticeId = notice.rectification().id();
    WebSession workGroup = WebSession.logIn(port, "zunyiWorkGroup");
    assertThat(workGroup.follow(workGroup.upload("/rectifications/" + noticeId + "/evidence", "file", "完成情况.pdf",
        "%PDF-1.4\n%完成情况\n".getBytes(StandardCharsets.UTF_8), Map.of("description", "完成情况"))).body())
        .contains("已上传");
    Task report = openTask(notice.rectification().processInstanceId());
    Api.Response answered = Api.as(port, "zunyiWorkGroup").postJson("/engine-rest/task/" + report.getId()
        + "/complete", "{\"variables\":{\"rectificationAction\":{\"value\":\"report\"},"
        + "\"rectificationReport\":{\"value\":\"已组织劳务对接活动 6 场，补报完成情况。\"}}}");
    assertThat(answered.status()).as(answered.body()).isEqualTo(204);
    Task verify = openTask(notice.rectification().processInstanceId());
    assertThat(Api.as(port, "supervisor").postJson("/engine-rest/task/" + verify.getId() + "/complete",
        "{\"variables\":{\"verifyDecision\":{\"value\":\"close\"},\"verifyComment\":{\"value\":\"\"}}}").status())
        .isEqualTo(204);

    Task edit = openTask(round.processInstanceId());
    assertThat(Api.as(port, "supervisor").postJson("/engine-rest/task/" + edit.getId() + "/complete", "{}").status())
        .isEqualTo(204);
    Bulletin submitted = bulletins.find(drafted.id()).orElseThrow();
    assertThat(submitted.status()).isEqualTo(BulletinStatus.SUBMITTED);
    assertThat(submitted.figures().total(UnitFigures::rectificationsClosed)).as("counted again when sent").isOne();
    assertThat(supervisor.postForm(editor, Map.of("title", "x", "recipients", "x", "body", "x", "requirements", "x",
        "issuer", "x")).body()).contains("该通报待领导审签，不能再修改");

    Task sign = openTask(round.processInstanceId());
    assertThat(sign.getTaskDefinitionKey()).isEqualTo(ElementIds.SupervisionRound.SIGN_BULLETIN);
    assertThat((String) taskService.getVariable(sign.getId(), "bulletinSummary")).isEqualTo(
        "8 个单位、8 项单位任务：已完成 1 项，正常推进 4 项，存在风险 2 项，逾期 1 项；红牌 1 张、黄牌 2 张；整改通知 1 份、已销号 1 份；"
            + "通报表扬 1 个单位、通报批评 1 个单位。");
    assertThat(Api.as(port, "supervisor").postJson("/engine-rest/task/" + sign.getId() + "/complete",
        decision("approve", "")).status()).as("only leadership signs").isIn(403, 404);
    Api leader = Api.as(port, "leader");
    assertThat(leader.postJson("/engine-rest/task/" + sign.getId() + "/complete", decision("return", "")).body())
        .contains("退回时必须填写审批意见");
    assertThat(leader.postJson("/engine-rest/task/" + sign.getId() + "/complete",
        decision("return", "请在表扬中写明具体项目")).status()).isEqualTo(204);
    assertThat(bulletins.find(drafted.id()).orElseThrow().status()).isEqualTo(BulletinStatus.RETURNED);
    assertThat(supervisor.get(editor).body()).contains("领导退回意见：请在表扬中写明具体项目");

    Bulletin returned = bulletins.find(drafted.id()).orElseThrow();
    var text = returned.stored().text();
    assertThat(supervisor.postForm(editor, Map.of("title", text.title(), "recipients", text.recipients(),
        "body", text.body(), "requirements", text.requirements(), "issuer", "珠海市东西部协作工作领导小组办公室"))
        .status()).isEqualTo(302);
    assertThat(Api.as(port, "supervisor").postJson("/engine-rest/task/" + openTask(round.processInstanceId()).getId()
        + "/complete", "{}").status()).isEqualTo(204);
    assertThat(leader.postJson("/engine-rest/task/" + openTask(round.processInstanceId()).getId() + "/complete",
        decision("approve", "同意印发。")).status()).isEqualTo(204);
    driver.runDueJobs();
    Bulletin published = bulletins.find(drafted.id()).orElseThrow();
    assertThat(published.status()).isEqualTo(BulletinStatus.PUBLISHED);
    assertThat(published.issueLabel()).isEqualTo("第 1 期");
    assertThat(published.events()).extracting(event -> event.kind().name() + " " + event.actor()).containsExactly(
        "DRAFTED null", "SUBMITTED supervisor", "RETURNED leader", "SUBMITTED supervisor", "APPROVED leader",
        "PUBLISHED null");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(round.processInstanceId())
        .singleResult().getEndTime()).as("the round's process ends with the publication").isNotNull();
    FlowNodeCoverage.Result coverage = FlowNodeCoverage.of(repositoryService, historyService, "supervisionRound",
        List.of(round.processInstanceId()));
    FlowNodeCoverage.report("BulletinsTest", List.of(coverage));
    assertThat(coverage.missed()).as("the round walked every step, the return included").isEmpty();

    List<String> signed = new ArrayList<>(DRAFTED);
    signed.set(7, "市驻遵义工作组: 1 0 0 0 1 · 0 0 · 1 1 · 1 0");
    assertThat(rows(published)).containsExactlyElementsOf(signed);

    WebSession unit = WebSession.logIn(port, "doumen");
    assertThat(unit.get("/bulletins").body()).contains("第 1 期", "关于2023年东西部协作工作第2轮专项督查情况的通报");
    String print = unit.get("/bulletins/" + drafted.id()).body();
    assertThat(print).contains("督查通报 第 1 期", "各区（功能区），市直有关单位：", "四、通报表扬", "市财政局：提前谋划产业项目，资金使用比例已达 58%。",
        "五、通报批评", "六、下步工作要求", "珠海市东西部协作工作领导小组办公室", "2023年7月1日", "附件1", "各单位任务推进情况表");
    JsonNode api = JSON.readTree(Api.as(port, "doumen").get("/api/supervision/rounds/" + round.id() + "/bulletin")
        .body());
    assertThat(api.path("totals").path("rectificationsClosed").asInt()).isOne();

    List<String> wordRows = wordUnitRows(unit.getBytes("/bulletins/" + drafted.id() + "/docx").body(), published);
    List<String> excelRows = excelUnitRows(unit.getBytes("/bulletins/" + drafted.id() + "/xlsx").body());
    List<String> expected = new ArrayList<>();
    published.figures().units().forEach(figures -> expected.add(figures.unitName() + " "
        + String.join(" ", com.xiezuo.supervision.bulletin.BulletinTables.numbers(figures).stream().map(String::valueOf)
            .toList())));
    expected.add("合计 8 1 4 2 1 2 1 1 1 1 2");
    assertThat(wordRows).containsExactlyElementsOf(expected);
    assertThat(excelRows).containsExactlyElementsOf(expected);
    List<String> apiTotals = new ArrayList<>();
    api.path("totals").fields().forEachRemaining(entry -> apiTotals.add(entry.getKey() + "=" + entry.getValue()));
    assertThat(apiTotals).containsExactly("units=8", "tasks=8", "done=1", "onTrack=4", "atRisk=2", "overdue=1",
        "indicators=2", "indicatorsMet=1", "rectificationsIssued=1", "rectificationsClosed=1", "redCards=1",
        "yellowCards=2", "praised=1", "criticised=1");
  }

  private static List<String> wordUnitRows(byte[] docx, Bulletin published) throws Exception {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
      List<String> texts = document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
      assertThat(document.getFooterList()).as("page numbers").anySatisfy(footer ->
          assertThat(footer._getHdrFtr().xmlText()).contains("PAGE"));
      assertThat(texts).contains("督查通报 第 1 期", published.stored().text().title(), "各区（功能区），市直有关单位：", "四、通报表扬",
          "六、下步工作要求", "珠海市东西部协作工作领导小组办公室", "2023年7月1日", "附件1", "附件2");
      assertThat(document.getDocument().getBody().getSectPr().getPgSz().getW().toString()).as("A4").isEqualTo("11906");
      XWPFTable table = document.getTables().get(0);
      List<String> rows = new ArrayList<>();
      for (XWPFTableRow row : table.getRows().subList(1, table.getRows().size())) {
        if (row.getCell(2).getText().isEmpty()) {
          continue;
        }
        List<String> cells = new ArrayList<>();
        row.getTableCells().subList(1, row.getTableCells().size()).forEach(cell -> cells.add(cell.getText()));
        rows.add(String.join(" ", cells));
      }
      List<String> indicators = new ArrayList<>();
      document.getTables().get(1).getRows().forEach(row -> indicators.add(row.getCell(1).getText() + " "
          + row.getCell(4).getText() + " " + row.getCell(5).getText() + " " + row.getCell(6).getText()));
      assertThat(indicators).contains("市财政局 55% 58% 105.5%", "斗门区 4.2 亿元 0 元 0.0%");
      return rows;
    }
  }

  private static List<String> excelUnitRows(byte[] xlsx) throws Exception {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheet(BulletinWorkbook.UNITS_SHEET);
      List<String> rows = new ArrayList<>();
      for (Row row : sheet) {
        if (row.getRowNum() < 2 || row.getCell(2) == null) {
          continue;
        }
        List<String> cells = new ArrayList<>(List.of(row.getCell(1).getStringCellValue()));
        for (int c = 2; c < row.getLastCellNum(); c++) {
          Cell cell = row.getCell(c);
          assertThat(cell.getCellType()).as("numbers as numbers").isEqualTo(CellType.NUMERIC);
          cells.add(String.valueOf((int) cell.getNumericCellValue()));
        }
        rows.add(String.join(" ", cells));
      }
      Sheet indicators = workbook.getSheet(BulletinWorkbook.INDICATORS_SHEET);
      List<String> values = new ArrayList<>();
      indicators.forEach(row -> {
        if (row.getRowNum() >= 2) {
          values.add(row.getCell(1).getStringCellValue() + " " + row.getCell(5).getNumericCellValue() + " "
              + row.getCell(6).getNumericCellValue() + " " + row.getCell(7).getNumericCellValue());
        }
      });
      assertThat(values).containsExactly("斗门区 4.2E8 0.0 0.0", "市财政局 55.0 58.0 105.5");
      assertThat(workbook.getSheet(BulletinWorkbook.MENTIONS_SHEET).getRow(2).getCell(1).getStringCellValue())
          .isEqualTo("市财政局");
      return rows;
    }
  }

  private static List<String> rows(Bulletin bulletin) {
    return bulletin.figures().units().stream().map(u -> u.unitName() + ": " + u.tasks() + " " + u.done() + " "
        + u.onTrack() + " " + u.atRisk() + " " + u.overdue() + " · " + u.indicators() + " " + u.indicatorsMet() + " · "
        + u.rectificationsIssued() + " " + u.rectificationsClosed() + " · " + u.redCards() + " " + u.yellowCards())
        .toList();
  }

  private void mention(WebSession supervisor, String unitId, String kind, String facts) {
    Api.Response added = supervisor.postForm("/supervision/rounds/" + round.id() + "/bulletin/mentions",
        Map.of("unitId", unitId, "kind", kind, "facts", facts));
    assertThat(added.status()).as(added.body()).isEqualTo(302);
    assertThat(supervisor.follow(added).body()).contains("已列入", facts);
  }

  private static String decision(String decision, String comment) {
    return "{\"variables\":{\"approvalDecision\":{\"value\":\"" + decision + "\"},\"approvalComment\":{\"value\":\""
        + comment + "\"}}}";
  }

  private Task openTask(String processInstanceId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }
}
