package com.xiezuo.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.xiezuo.support.Api;
import com.xiezuo.support.XiezuoSpringTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The checklist spreadsheet through the import API: the annex layout, cells merged down, export and round trip, and
 * refusals (all or nothing) of what is ambiguous or unclear. The other layouts: intake/SpreadsheetLayoutsTest.
 */
@XiezuoSpringTest
class PlanWorkbookTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  private Api coordinator() {
    return Api.as(port, "demo");
  }

  private long planCount() {
    return jdbc.sql("select count(*) from xz_plan").query(Long.class).single();
  }

  @Test
  void anExportedPlanImportsBackToTheSameTasks() throws Exception {
    String notice = PlanImportApiTest.seedNotice();
    ObjectNode parsed = (ObjectNode) JSON.readTree(coordinator().post("/api/plans/parse?year=2023",
        "text/plain; charset=UTF-8", notice.getBytes(StandardCharsets.UTF_8)).body());
    parsed.put("issuer", "往返测试-" + UUID.randomUUID());
    Api.Response imported = coordinator().postJson("/api/plans/import", parsed.toString());
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    long firstId = JSON.readTree(imported.body()).path("id").asLong();

    byte[] xlsx = Api.as(port, "demo").getBytes("/api/plans/" + firstId + "/export.xlsx");
    Api.Response again = coordinator().post("/api/plans/import?newVersion=true", PlanApiController.XLSX, xlsx);
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    long secondId = JSON.readTree(again.body()).path("id").asLong();

    JsonNode first = JSON.readTree(coordinator().get("/api/plans/" + firstId).body());
    JsonNode second = JSON.readTree(coordinator().get("/api/plans/" + secondId).body());
    assertThat(second.path("plan").path("title").asText()).isEqualTo(first.path("plan").path("title").asText());
    assertThat(second.path("tasks")).hasSize(32);
    assertThat(comparable(second)).isEqualTo(comparable(first));
  }

  /** The task fields a round trip must keep (ids and the indicator's quoted sentence aside). */
  private static List<String> comparable(JsonNode plan) {
    List<String> tasks = new ArrayList<>();
    for (JsonNode task : plan.path("tasks")) {
      StringBuilder line = new StringBuilder();
      for (String field : List.of("number", "section", "title", "content", "deadline", "deadlineText", "yearRound")) {
        line.append(field).append('=').append(task.path(field).asText("")).append(" | ");
      }
      task.path("units").forEach(unit -> line.append(unit.path("role").asText()).append(':')
          .append(unit.path("printedName").asText()).append(' '));
      task.path("indicators").forEach(indicator -> line.append(" [").append(indicator.path("name").asText())
          .append(indicator.path("comparator").asText()).append(indicator.path("value").decimalValue().stripTrailingZeros().toPlainString())
          .append(indicator.path("unit").asText()).append('/').append(indicator.path("stretch").asText()).append(']'));
      task.path("milestones").forEach(milestone -> line.append(" @").append(milestone.path("date").asText()));
      tasks.add(line.toString());
    }
    return tasks;
  }

  private static byte[] workbook(Consumer<Sheet> fill) throws Exception {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      fill.accept(workbook.createSheet("清单"));
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private static void row(Sheet sheet, int index, String... cells) {
    Row row = sheet.createRow(index);
    for (int c = 0; c < cells.length; c++) {
      if (cells[c] != null) {
        row.createCell(c).setCellValue(cells[c]);
      }
    }
  }

  private static void checklist(Sheet sheet) {
    row(sheet, 0, "2023 年测试清单");
    row(sheet, 1, "序号", "重点工作", "具体事项", "完成时限", "责任单位", "备注");
    row(sheet, 2, "1", "组织领导");
    row(sheet, 3, "1.1", null, "召开专题会议。两地召开专题会议至少 2 次。", "2023 年 11 月", "市委办公室牵头，市乡村振兴局、各结对区配合", "提供会议纪要");
    row(sheet, 4, "1.2", null, "签订协议", "6 月底前", "市乡村振兴局", null);
  }

  @Test
  void aChecklistInTheAnnexLayoutImports() throws Exception {
    byte[] xlsx = workbook(PlanWorkbookTest::checklist);
    String issuer = java.net.URLEncoder.encode("清单测试-" + UUID.randomUUID(), StandardCharsets.UTF_8);
    Api.Response response = coordinator().post("/api/plans/import?year=2023&issuer=" + issuer, PlanApiController.XLSX, xlsx);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode plan = JSON.readTree(coordinator().get("/api/plans/" + JSON.readTree(response.body()).path("id").asLong()).body());
    assertThat(plan.path("plan").path("title").asText()).isEqualTo("2023 年测试清单");
    JsonNode first = plan.path("tasks").get(0);
    assertThat(first.path("number").asText()).isEqualTo("1.1");
    assertThat(first.path("section").asText()).isEqualTo("组织领导");
    assertThat(first.path("title").asText()).isEqualTo("召开专题会议");
    assertThat(first.path("deadline").asText()).isEqualTo("2023-11-30");
    assertThat(first.path("units").get(0).path("printedName").asText()).isEqualTo("市委办公室");
    assertThat(first.path("units").get(0).path("role").asText()).isEqualTo("LEAD");
    assertThat(first.path("units")).hasSize(3);
    assertThat(first.path("content").asText()).contains("备注：提供会议纪要");
    assertThat(first.path("indicators").get(0).path("value").asInt()).isEqualTo(2);
    assertThat(plan.path("tasks").get(1).path("deadline").asText()).isEqualTo("2023-06-30");
  }

  @Test
  void cellsMergedDownApplyToEachRowTheyCover() throws Exception {
    byte[] xlsx = workbook(sheet -> {
      checklist(sheet);
      row(sheet, 4, "1.2", "组织领导", "签订协议", "6 月底前", "市乡村振兴局", null);
      row(sheet, 5, "1.3", null, "开展调研", "9 月底前", null, null);
      sheet.addMergedRegion(new CellRangeAddress(4, 5, 4, 4));
    });
    String issuer = java.net.URLEncoder.encode("合并测试-" + UUID.randomUUID(), StandardCharsets.UTF_8);
    Api.Response response = coordinator().post("/api/plans/import?year=2023&issuer=" + issuer, PlanApiController.XLSX, xlsx);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode plan = JSON.readTree(coordinator().get("/api/plans/" + JSON.readTree(response.body()).path("id").asLong()).body());
    JsonNode third = plan.path("tasks").get(2);
    assertThat(third.path("number").asText()).isEqualTo("1.3");
    assertThat(third.path("units").get(0).path("printedName").asText()).isEqualTo("市乡村振兴局");
  }

  @Test
  void aMergeAcrossTwoDataColumnsIsRefusedNamingTheCell() throws Exception {
    byte[] xlsx = workbook(sheet -> {
      checklist(sheet);
      sheet.addMergedRegion(new CellRangeAddress(4, 4, 3, 4));
    });
    assertRefused(xlsx, 400, "单元格 D5:E5 横跨“完成时限”“责任单位”两列，无法判断归属", "第 5 行");
  }

  @Test
  void aMissingDeadlineColumnIsNamed() throws Exception {
    byte[] xlsx = workbook(sheet -> {
      row(sheet, 0, "序号", "具体事项", "责任单位");
      row(sheet, 1, "1.1", "召开会议", "市委办公室");
    });
    assertRefused(xlsx, 400, "缺少列", "完成时限");
  }

  @Test
  void aFormulaErrorIsRefusedNamingTheCell() throws Exception {
    byte[] xlsx = workbook(sheet -> {
      checklist(sheet);
      sheet.getRow(4).createCell(3).setCellFormula("1/0");
      sheet.getWorkbook().getCreationHelper().createFormulaEvaluator().evaluateAll();
    });
    assertRefused(xlsx, 400, "D5", "#DIV/0!", "第 5 行");
  }

  @Test
  void anUnreadableDeadlineNamesItsRow() throws Exception {
    byte[] xlsx = workbook(sheet -> {
      checklist(sheet);
      row(sheet, 5, "1.3", null, "开展调研", "尽快", "市乡村振兴局");
    });
    assertRefused(xlsx, 400, "第 6 行", "尽快");
  }

  @Test
  void aFileThatIsNoWorkbookIsRefused() throws Exception {
    assertRefused("这不是表格".getBytes(StandardCharsets.UTF_8), 400, "不是有效的 .xlsx");
    assertRefused(new byte[] {'P', 'K', 3, 4, 1, 2, 3}, 400, "已损坏");
  }

  private void assertRefused(byte[] xlsx, int status, String... messages) {
    long before = planCount();
    Api.Response response = coordinator().post("/api/plans/import?year=2023&issuer=bad", PlanApiController.XLSX, xlsx);
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    String readable = response.body() + problemsAsText(response.body());
    assertThat(readable).contains(messages);
    assertThat(planCount()).as("nothing stored").isEqualTo(before);
  }

  private static String problemsAsText(String body) {
    try {
      StringBuilder text = new StringBuilder();
      for (JsonNode problem : JSON.readTree(body).path("problems")) {
        if (problem.hasNonNull("row")) {
          text.append(" 第 ").append(problem.path("row").asInt()).append(" 行");
        }
      }
      return text.toString();
    } catch (Exception e) {
      return "";
    }
  }
}
