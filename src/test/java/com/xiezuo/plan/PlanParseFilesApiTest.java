package com.xiezuo.plan;

import static com.xiezuo.plan.intake.IntakeFiles.merge;
import static com.xiezuo.plan.intake.IntakeFiles.paragraphs;
import static com.xiezuo.plan.intake.IntakeFiles.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.xiezuo.plan.intake.IntakeFiles;
import com.xiezuo.support.Api;
import com.xiezuo.support.ParsedPlanSchema;
import com.xiezuo.support.XiezuoSpringTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** POST /api/plans/parse with the files themselves: each kind by raw body or multipart, and bad files as 4xx. */
@XiezuoSpringTest
class PlanParseFilesApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  private Api coordinator() {
    return Api.as(port, "coordinator");
  }

  private long planCount() {
    return jdbc.sql("select count(*) from xz_plan").query(Long.class).single();
  }

  private static byte[] checklist() {
    return IntakeFiles.xlsx(workbook -> checklist(workbook.createSheet("分工表")));
  }

  static void checklist(Sheet sheet) {
    row(sheet, 0, "珠海市2023年东西部协作工作任务分工表");
    merge(sheet, "A1:F1");
    row(sheet, 1, "序号", "重点工作", "具体措施", "牵头单位", "配合单位", "完成时限");
    row(sheet, 2, "1", "组织领导", "召开联席会议", "市委办公室", "市乡村振兴局", "6月底前");
    row(sheet, 3, "2", null, "签订帮扶协议", null, "各结对区", "3月底前");
    row(sheet, 4, "3", "产业合作", "共建产业园区", "市商务局", "市国资委、珠海华发集团", "全年实施");
    merge(sheet, "B3:B4");
    merge(sheet, "D3:D4");
  }

  private static byte[] wordNotice() {
    return IntakeFiles.docx(doc -> paragraphs(doc, com.xiezuo.support.Seeds.zhuhaiNotice()));
  }

  private static List<String> titles(Api.Response response) throws Exception {
    List<String> titles = new ArrayList<>();
    JSON.readTree(response.body()).path("tasks").forEach(task -> titles.add(task.path("title").asText()));
    return titles;
  }

  @Test
  void everyKindOfFileByItsContentType() throws Exception {
    Api api = coordinator();
    Api.Response pdf = api.post("/api/plans/parse", PlanApiController.PDF, IntakeFiles.noticePdf());
    assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
    assertThat(titles(pdf)).containsExactly("建设消费帮扶专馆", "组织产销对接活动", "开展消费帮扶宣传月活动", "推动国企采购");

    Api.Response docx = api.post("/api/plans/parse?year=2023", PlanApiController.DOCX, wordNotice());
    assertThat(docx.status()).as(docx.body()).isEqualTo(200);
    assertThat(JSON.readTree(docx.body()).path("tasks")).hasSize(32);

    Api.Response xlsx = api.post("/api/plans/parse", PlanApiController.XLSX, checklist());
    assertThat(xlsx.status()).as(xlsx.body()).isEqualTo(200);
    assertThat(titles(xlsx)).containsExactly("召开联席会议", "签订帮扶协议", "共建产业园区");

    byte[] xls = IntakeFiles.xls(workbook -> checklist(workbook.createSheet("分工表")));
    assertThat(titles(api.post("/api/plans/parse", PlanApiController.XLS, xls))).hasSize(3);
    assertThat(titles(api.post("/api/plans/parse", "application/octet-stream", IntakeFiles.noticePdf()))).hasSize(4);

    for (Api.Response answer : List.of(pdf, docx, xlsx)) {
      assertThat(ParsedPlanSchema.problems(JSON.readTree(answer.body()))).as("the parsed-plan contract").isEmpty();
    }
  }

  @Test
  void aMultipartUploadInTheFileField() throws Exception {
    Api.Response response = multipart("/api/plans/parse", "分工表.xlsx", checklist());
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode plan = JSON.readTree(response.body());
    assertThat(plan.path("year").asInt()).isEqualTo(2023);
    assertThat(plan.path("tasks").get(1).path("leadUnit").asText()).as("merged down").isEqualTo("市委办公室");
  }

  @Test
  void badFilesAreAClear4xxAndNothingIsStored() {
    long before = planCount();
    byte[] docx = IntakeFiles.docx(doc -> paragraphs(doc, "通知"));
    assertRefused(PlanApiController.PDF, IntakeFiles.scannedPdf(), 400, "该 PDF 没有文字层（可能是扫描件）");
    assertRefused(PlanApiController.PDF, IntakeFiles.encryptedPdf(), 400, "文件已加密，请去除密码后再上传");
    assertRefused(PlanApiController.XLSX, IntakeFiles.encrypted(checklist()), 400, "文件已加密，请去除密码后再上传");
    assertRefused(PlanApiController.DOCX, IntakeFiles.encrypted(docx), 400, "文件已加密");
    assertRefused("application/msword", IntakeFiles.oldWordDocument(), 400, "旧版 Word 文档（.doc）", "另存为 .docx");
    assertRefused(PlanApiController.XLSX, IntakeFiles.zipBomb(110), 413, "可能是“压缩炸弹”");
    assertRefused(PlanApiController.PDF, new byte[21 * 1024 * 1024], 413, "上限为 20 MB");
    assertRefused(PlanApiController.XLSX,
        IntakeFiles.xlsx(workbook -> row(workbook.createSheet("汇总"), 0, "单位", "金额")), 400,
        "找不到任务清单的表头", "“汇总”");
    byte[] xlsx = checklist();
    assertRefused(PlanApiController.XLSX, java.util.Arrays.copyOf(xlsx, xlsx.length / 2), 400, "已损坏");
    byte[] tooManyRows = IntakeFiles.xlsx(workbook -> {
      Sheet sheet = workbook.createSheet("清单");
      row(sheet, 0, "序号", "工作任务", "责任单位", "完成时限");
      for (int r = 1; r <= com.xiezuo.plan.intake.IntakeLimits.MAX_ROWS; r++) {
        row(sheet, r, String.valueOf(r), "任务" + r, "市委办公室", "6月底前");
      }
    });
    assertRefused(PlanApiController.XLSX, tooManyRows, 413, "工作表“清单”在第 5001 行仍有内容，超过 5000 行的上限");
    Api.Response longName = multipart("/api/plans/parse?year=2023", "东西部协作".repeat(60) + ".xlsx", checklist());
    assertThat(longName.status()).as(longName.body()).isEqualTo(400);
    assertThat(longName.body()).contains("文件名过长（305 字，上限为 200 字）");
    assertThat(planCount()).as("nothing stored").isEqualTo(before);
  }

  @Test
  void textInTheCharsetItDeclares() {
    String notice = "二、重点任务\n1.召开联席会议。（责任单位：市委办公室；完成时限：6 月底前）";
    Api.Response gbk = coordinator().post("/api/plans/parse?year=2025", "text/plain; charset=GBK",
        notice.getBytes(java.nio.charset.Charset.forName("GBK")));
    assertThat(gbk.status()).as(gbk.body()).isEqualTo(200);
    assertThat(gbk.body()).contains("市委办公室", "2025-06-30");
  }

  @Test
  void theImportTakesOldXlsChecklistsAllOrNothingAndRefusesANotice() throws Exception {
    String issuer = java.net.URLEncoder.encode("分工表导入-" + java.util.UUID.randomUUID(), StandardCharsets.UTF_8);
    byte[] xls = IntakeFiles.xls(workbook -> checklist(workbook.createSheet("分工表")));
    Api.Response imported = coordinator().post("/api/plans/import?issuer=" + issuer, PlanApiController.XLS, xls);
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    JsonNode plan = JSON.readTree(coordinator().get("/api/plans/" + JSON.readTree(imported.body()).path("id").asLong())
        .body());
    assertThat(plan.path("plan").path("title").asText()).isEqualTo("珠海市2023年东西部协作工作任务分工表");
    assertThat(plan.path("tasks")).hasSize(3);
    assertThat(plan.path("tasks").get(2).path("units")).hasSize(3);

    long before = planCount();
    Api.Response notice = coordinator().post("/api/plans/import?issuer=x", PlanApiController.DOCX, wordNotice());
    assertThat(notice.status()).isEqualTo(415);
    Api.Response noticeAsBytes = coordinator().post("/api/plans/import?issuer=x", "application/octet-stream", wordNotice());
    assertThat(noticeAsBytes.status()).isEqualTo(400);
    assertThat(noticeAsBytes.body()).contains("不是有效的 .xlsx 或 .xls 工作簿（它是Word 文件（.docx））", "/api/plans/parse");
    byte[] missingDeadline = IntakeFiles.xlsx(workbook -> {
      Sheet sheet = workbook.createSheet("清单");
      row(sheet, 0, "2023年清单");
      row(sheet, 1, "序号", "工作任务", "责任单位", "完成时限");
      row(sheet, 2, "1", "召开会议", "市委办公室");
    });
    Api.Response strict = coordinator().post("/api/plans/import?issuer=x", PlanApiController.XLSX, missingDeadline);
    assertThat(strict.status()).as("an import stays all or nothing").isEqualTo(400);
    assertThat(strict.body()).contains("缺少完成时限");
    assertThat(planCount()).isEqualTo(before);
  }

  private void assertRefused(String contentType, byte[] body, int status, String... messages) {
    Api.Response response = coordinator().post("/api/plans/parse?year=2023", contentType, body);
    assertThat(response.status()).as(contentType + ": " + response.body()).isEqualTo(status);
    assertThat(response.body()).contains(messages);
  }

  private Api.Response multipart(String path, String fileName, byte[] content) {
    String boundary = "----xiezuo-test";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return coordinator().post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }
}
