package com.xiezuo.web;

import static com.xiezuo.plan.intake.IntakeFiles.merge;
import static com.xiezuo.plan.intake.IntakeFiles.paragraphs;
import static com.xiezuo.plan.intake.IntakeFiles.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.xiezuo.plan.intake.IntakeFiles;
import com.xiezuo.support.Api;
import com.xiezuo.support.Seeds;
import com.xiezuo.support.WebSession;
import com.xiezuo.support.XiezuoSpringTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 导入工作计划 with the files offices send: every kind opens the review table (and says what it read), every bad file
 * comes back to the intake page with a Chinese 4xx naming the file, and nothing is stored either way.
 */
@XiezuoSpringTest
class PlanIntakePageTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLAN_DATA = Pattern.compile("<script type=\"application/json\" id=\"plan-data\">(.*?)</script>",
      Pattern.DOTALL);

  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  private WebSession coordinator;
  private long plansBefore;

  @BeforeEach
  void logIn() {
    coordinator = WebSession.logIn(port, "coordinator");
    plansBefore = planCount();
  }

  private long planCount() {
    return jdbc.sql("select count(*) from xz_plan").query(Long.class).single();
  }

  private Api.Response upload(String fileName, byte[] content) {
    return coordinator.upload("/plans/review-file", "file", fileName, content, Map.of("year", ""));
  }

  /** The parsed plan the review page hands to its script. */
  private static JsonNode planOn(Api.Response page) throws Exception {
    Matcher m = PLAN_DATA.matcher(page.body());
    assertThat(m.find()).as("a review page: " + page.body()).isTrue();
    return JSON.readTree(m.group(1));
  }

  private static List<String> titles(JsonNode plan) {
    List<String> titles = new ArrayList<>();
    plan.path("tasks").forEach(task -> titles.add(task.path("title").asText()));
    return titles;
  }

  @Test
  void theIntakePageOffersOneUploadBesidesThePasteForm() {
    String page = coordinator.get("/plans/new").body();
    assertThat(page).contains("上传通知或任务清单（.docx / .pdf / .xlsx / .xls / .txt）", "粘贴印发的通知",
        "action=\"/plans/review-file\"");
  }

  @Test
  void aWordNoticeWithItsTaskTable() throws Exception {
    byte[] docx = IntakeFiles.docx(doc -> {
      paragraphs(doc, """
          珠海市乡村振兴局文件
          珠乡振〔2024〕9 号
          关于印发《珠海市 2024 年东西部协作工作要点》的通知
          珠海市乡村振兴局
          2024 年 3 月 15 日""");
      IntakeFiles.table(doc,
          new String[] {"序号", "重点工作", "具体措施", "牵头单位", "配合单位", "完成时限"},
          new String[] {"1", "组织领导", "召开联席会议", "市委办公室", "市乡村振兴局", "6月底前"},
          new String[] {"2", "^^", "签订帮扶协议", "^^", "各结对区", "3月底前"});
    });
    Api.Response page = upload("工作要点.docx", docx);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("核对工作计划", "读取第 1 个表格作为任务清单");
    JsonNode plan = planOn(page);
    assertThat(plan.path("title").asText()).isEqualTo("珠海市 2024 年东西部协作工作要点");
    assertThat(plan.path("docNumber").asText()).isEqualTo("珠乡振〔2024〕9 号");
    assertThat(titles(plan)).containsExactly("召开联席会议", "签订帮扶协议");
    assertThat(plan.path("tasks").get(1).path("leadUnit").asText()).as("merged down").isEqualTo("市委办公室");
    assertThat(planCount()).as("nothing stored before 提交审核").isEqualTo(plansBefore);
  }

  @Test
  void aPdfNotice() throws Exception {
    Api.Response page = upload("消费帮扶方案.pdf", IntakeFiles.noticePdf());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("读取 PDF 的文字层");
    assertThat(titles(planOn(page))).containsExactly("建设消费帮扶专馆", "组织产销对接活动", "开展消费帮扶宣传月活动", "推动国企采购");
  }

  @Test
  void aWorkbookOfSeveralSheetsSaysWhichSheetItRead() throws Exception {
    byte[] xlsx = IntakeFiles.xlsx(workbook -> {
      row(workbook.createSheet("填表说明"), 0, "请勿改动表头");
      Sheet sheet = workbook.createSheet("任务分工");
      row(sheet, 0, "珠海市2023年东西部协作工作任务分工表");
      merge(sheet, "A1:E1");
      row(sheet, 1, "序号", "工作任务", "责任单位", "完成时限", "备注");
      row(sheet, 2, "1", "召开联席会议", "市委办公室", "尽快", null);
      row(sheet, 3, "2", "签订帮扶协议", "市乡村振兴局", "3月底前", null);
    });
    Api.Response page = upload("分工表.xlsx", xlsx);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("读取工作表“任务分工”（共 2 个工作表；“填表说明”中没有任务表）",
        "第 3 行 任务 1 「完成时限」：无法识别完成时限“尽快”", "暂定为 2023-12-31，请核对");
    JsonNode plan = planOn(page);
    assertThat(plan.path("year").asInt()).as("from the merged title").isEqualTo(2023);
    assertThat(plan.path("tasks").get(0).path("deadline").asText()).isEqualTo("2023-12-31");
  }

  @Test
  void theOldXlsRouteAndFormatAndATextFileAndThePasteFormStillWork() throws Exception {
    byte[] xls = IntakeFiles.xls(workbook -> {
      Sheet sheet = workbook.createSheet("清单");
      row(sheet, 0, "序号", "重点工作", "具体事项", "完成时限", "责任单位");
      row(sheet, 1, "1", "组织领导", "召开会议", "6月底前", "市委办公室");
    });
    Api.Response fromXls = coordinator.upload("/plans/review-xlsx", "file", "清单.xls", xls, Map.of("year", "2023"));
    assertThat(fromXls.status()).isEqualTo(200);
    assertThat(titles(planOn(fromXls))).containsExactly("召开会议");

    byte[] text = Seeds.zhuhaiNotice().getBytes(StandardCharsets.UTF_8);
    assertThat(planOn(upload("通知.txt", text)).path("tasks")).hasSize(32);
    Api.Response pasted = coordinator.postForm("/plans/review", Map.of("notice", Seeds.zhuhaiNotice(), "year", "2023"));
    assertThat(planOn(pasted).path("tasks")).hasSize(32);
  }

  @Test
  void badFilesComeBackWithAChineseReasonAndNothingIsStored() {
    byte[] docx = IntakeFiles.docx(doc -> paragraphs(doc, "通知"));
    byte[] noHeader = IntakeFiles.xlsx(workbook -> row(workbook.createSheet("汇总"), 0, "单位", "金额"));
    byte[] xlsx = IntakeFiles.xlsx(workbook -> row(workbook.createSheet("清单"), 0, "序号", "工作任务", "责任单位"));
    byte[] acrossColumns = IntakeFiles.xlsx(workbook -> {
      Sheet sheet = workbook.createSheet("清单");
      row(sheet, 0, "2023年重点任务清单");
      row(sheet, 1, "序号", "具体事项", "完成时限", "牵头单位", "配合单位");
      row(sheet, 2, "1", "召开会议", "6月底前", "市委办公室、市乡村振兴局");
      merge(sheet, "D3:E3");
    });
    assertRefused("清单.xlsx", java.util.Arrays.copyOf(xlsx, xlsx.length / 2), 400, "文件“清单.xlsx”已损坏");
    assertRefused("通知.docx", IntakeFiles.encrypted(docx), 400, "文件已加密，请去除密码后再上传");
    assertRefused("扫描件.pdf", IntakeFiles.scannedPdf(), 400, "该 PDF 没有文字层（可能是扫描件）");
    assertRefused("通知.doc", IntakeFiles.oldWordDocument(), 400, "请在 Word 中另存为 .docx 后上传");
    assertRefused("汇总.xlsx", noHeader, 400, "找不到任务清单的表头（查看了工作表“汇总”", "责任单位（或 牵头单位 + 配合单位）");
    assertRefused("清单.xlsx", acrossColumns, 400, "单元格 D3:E3 横跨“牵头单位”“配合单位”两列，无法判断归属");
    assertRefused("清单.xlsx", IntakeFiles.zipBomb(110), 413, "可能是“压缩炸弹”");
  }

  private void assertRefused(String fileName, byte[] content, int status, String... messages) {
    Api.Response page = upload(fileName, content);
    assertThat(page.status()).as(fileName + ": " + page.body()).isEqualTo(status);
    assertThat(page.body()).contains("导入工作计划").contains(messages);
    assertThat(planCount()).as("nothing stored").isEqualTo(plansBefore);
  }

  @Test
  void theYearIsReadFromTheTitleUnlessGivenAndALongPasteIsTheParsersToJudge() throws Exception {
    assertThat(coordinator.get("/plans/new").body()).as("no year filled in for the user")
        .doesNotContain("value=\"" + java.time.Year.now().getValue() + "\"");
    Api.Response pasted = coordinator.postForm("/plans/review", Map.of("notice", Seeds.zhuhaiNotice(), "year", ""));
    assertThat(planOn(pasted).path("year").asInt()).isEqualTo(2023);
    String padded = Seeds.zhuhaiNotice() + "\n附：" + "协作".repeat(140_000);
    Api.Response long_ = coordinator.postForm("/plans/review", Map.of("notice", padded, "year", ""));
    assertThat(long_.status()).as("more than 2 MB as a form, under the parser's limit").isEqualTo(200);
    assertThat(planOn(long_).path("tasks")).hasSize(32);
  }

  @Test
  void whoMayNotImportIsToldWhoMayAndAnExpiredFormLeadsToTheLogin() {
    Api.Response unitStaff = WebSession.logIn(port, "hrss").get("/plans/new");
    assertThat(unitStaff.status()).isEqualTo(403);
    assertThat(unitStaff.body()).contains("只有协调员可以导入和修改工作计划");
    Api.Response stale = Api.anonymous(port).post("/plans/review", "application/x-www-form-urlencoded",
        "notice=x&year=2023".getBytes(StandardCharsets.UTF_8));
    assertThat(stale.status()).isEqualTo(302);
    assertThat(stale.location()).endsWith("/login?expired");
  }
}
