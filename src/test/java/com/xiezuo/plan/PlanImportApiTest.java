package com.xiezuo.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.xiezuo.support.Api;
import com.xiezuo.support.ParsedPlanSchema;
import com.xiezuo.support.XiezuoSpringTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@XiezuoSpringTest
class PlanImportApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @LocalServerPort int port;

  private Api coordinator() {
    return Api.as(port, "coordinator");
  }

  static String seedNotice() {
    return com.xiezuo.support.Seeds.zhuhaiNotice();
  }

  /** A small plan in the parsed-plan JSON (src/site/markdown/reference.md), with a unique issuer so tests do not collide. */
  static String plan(String issuer, String thirdLead) {
    return """
        {"title": "测试计划", "year": 2023, "issuer": "%s", "docNumber": null,
         "tasks": [
          {"number": "1", "section": "加强组织领导", "title": "完善工作机制", "content": "签订协议。",
           "leadUnit": "市委办公室", "coUnits": ["市乡村振兴局", "各结对区"], "deadline": "2023-10-31",
           "deadlineText": "10 月底前", "yearRound": false,
           "indicators": [{"text": "至少各 1 次", "name": "会议", "comparator": ">=", "value": 1, "unit": "次", "stretch": null}]},
          {"number": "2", "title": "稳岗就业", "leadUnit": "市人社局", "coUnits": [], "deadlineText": "全年实施"},
          {"number": "3", "title": "消费协作", "leadUnit": "%s", "coUnits": ["市商务局"], "deadline": "2023-12-31"}
         ]}
        """.formatted(issuer, thirdLead);
  }

  private long planCount() {
    return jdbc.sql("select count(*) from xz_plan").query(Long.class).single();
  }

  @Test
  void theParserEndpointReadsTheSeedNotice() throws Exception {
    Api.Response response = coordinator().post("/api/plans/parse?year=2023", "text/plain; charset=UTF-8",
        seedNotice().getBytes(StandardCharsets.UTF_8));
    assertThat(response.status()).isEqualTo(200);
    JsonNode plan = JSON.readTree(response.body());
    assertThat(ParsedPlanSchema.problems(plan)).as("the answer keeps the parsed-plan contract").isEmpty();
    assertThat(plan.path("title").asText()).isEqualTo("珠海市 2023 年东西部协作工作要点");
    assertThat(plan.path("docNumber").asText()).isEqualTo("珠委农组〔2023〕4 号");
    assertThat(plan.path("tasks")).hasSize(32);
    JsonNode third = plan.path("tasks").get(2);
    assertThat(third.path("deadline").asText()).isEqualTo("2023-11-30");
    assertThat(third.path("indicators").get(0).path("value").decimalValue()).isEqualByComparingTo("420000000");
  }

  @Test
  void onlyCoordinatorsParseAndImport() {
    assertThat(Api.as(port, "hrss").post("/api/plans/parse?year=2023", "text/plain", "x".getBytes()).status())
        .isEqualTo(403);
    assertThat(Api.as(port, "hrss").postJson("/api/plans/import", plan("单位越权", "市财政局")).status()).isEqualTo(403);
  }

  @Test
  void badNoticeTextGetsAClear4xx() {
    Api api = coordinator();
    Api.Response empty = api.post("/api/plans/parse?year=2023", "text/plain", new byte[0]);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body()).contains("为空");
    Api.Response noTasks = api.post("/api/plans/parse?year=2023", "text/plain",
        "请各单位于周五前报送材料。".getBytes(StandardCharsets.UTF_8));
    assertThat(noTasks.status()).isEqualTo(400);
    assertThat(noTasks.body()).contains("未识别出任何任务");
    byte[] garbage = new byte[4096];
    new java.util.Random(7).nextBytes(garbage);
    Api.Response binary = api.post("/api/plans/parse?year=2023", "text/plain", garbage);
    assertThat(binary.status()).isEqualTo(400);
    assertThat(binary.body()).contains("UTF-8");
    Api.Response huge = api.post("/api/plans/parse?year=2023", "text/plain", new byte[10 * 1024 * 1024]);
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.body()).contains("上限为 2 MB");
  }

  @Test
  void aPlanImportsWithUnitsResolvedAndStartsItsReview() throws Exception {
    String issuer = "导入测试-" + UUID.randomUUID();
    Api.Response response = coordinator().postJson("/api/plans/import", plan(issuer, "市财政局"));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode summary = JSON.readTree(response.body());
    long id = summary.path("id").asLong();
    assertThat(summary.path("version").asInt()).isEqualTo(1);
    assertThat(summary.path("status").asText()).isEqualTo("IN_REVIEW");

    JsonNode detail = JSON.readTree(Api.as(port, "hrss").get("/api/plans/" + id).body());
    JsonNode first = detail.path("tasks").get(0);
    assertThat(first.path("units").get(0).path("unitId").asText()).isEqualTo("cityPartyOffice");
    assertThat(first.path("units").get(2).path("groupToken").asText()).isEqualTo("各结对区");
    assertThat(first.path("units").get(2).path("unitIds").toString()).contains("xiangzhou", "doumen");
    JsonNode second = detail.path("tasks").get(1);
    assertThat(second.path("units").get(0).path("unitId").asText()).as("alias 市人社局").isEqualTo("hrss");
    assertThat(second.path("yearRound").asBoolean()).isTrue();
    assertThat(second.path("deadline").asText()).isEqualTo("2023-12-31");

    String instance = summary.path("processInstanceId").asText();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey())
        .isEqualTo("plan/2023/" + id);
    assertThat(taskService.createTaskQuery().processInstanceId(instance).singleResult().getTaskDefinitionKey())
        .isEqualTo("userTask_reviewPlan");
  }

  @Test
  void anUnknownUnitRefusesTheWholePlanNamingTaskFieldAndSuggestion() throws Exception {
    long before = planCount();
    long instancesBefore = runtimeService.createProcessInstanceQuery().count();
    Api.Response response = coordinator().postJson("/api/plans/import", plan("未知单位测试", "市人设局"));
    assertThat(response.status()).isEqualTo(400);
    JsonNode problem = JSON.readTree(response.body()).path("problems").get(0);
    assertThat(problem.path("task").asText()).isEqualTo("3");
    assertThat(problem.path("field").asText()).isEqualTo("leadUnit");
    assertThat(problem.path("message").asText()).contains("市人设局", "市人力资源和社会保障局");
    assertThat(planCount()).as("nothing stored").isEqualTo(before);
    assertThat(runtimeService.createProcessInstanceQuery().count()).as("no process").isEqualTo(instancesBefore);
  }

  @Test
  void everyProblemIsReportedAtOnce() throws Exception {
    String bad = """
        {"title": "", "year": 2023, "issuer": "多错误测试", "tasks": [
          {"number": "1", "title": "甲", "leadUnit": "市财政局", "deadline": "2023-05-31",
           "indicators": [{"comparator": ">", "value": -1, "unit": "元"}]},
          {"number": "1", "title": "乙", "leadUnit": "不存在的局", "deadline": "2031-01-01"}]}
        """;
    Api.Response response = coordinator().postJson("/api/plans/import", bad);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("缺少计划名称", "比较符", "非负数", "任务编号重复", "不存在的局", "不在计划年度");
  }

  @Test
  void reImportIsRefusedUnlessAsANewVersion() throws Exception {
    String issuer = "版本测试-" + UUID.randomUUID();
    JsonNode first = JSON.readTree(coordinator().postJson("/api/plans/import", plan(issuer, "市财政局")).body());
    Api.Response again = coordinator().postJson("/api/plans/import", plan(issuer, "市财政局"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("newVersion=true");

    Api.Response second = coordinator().postJson("/api/plans/import?newVersion=true", plan(issuer, "市财政局"));
    assertThat(second.status()).isEqualTo(201);
    assertThat(JSON.readTree(second.body()).path("version").asInt()).isEqualTo(2);
    JsonNode firstNow = JSON.readTree(coordinator().get("/api/plans/" + first.path("id").asLong()).body());
    assertThat(firstNow.path("plan").path("status").asText()).isEqualTo("SUPERSEDED");
    assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceId(first.path("processInstanceId").asText()).count()).as("old review stopped").isZero();

    String approved = JSON.readTree(second.body()).path("processInstanceId").asText();
    taskService.complete(taskService.createTaskQuery().processInstanceId(approved).singleResult().getId(),
        Map.of("reviewConfirmed", true));
    taskService.complete(taskService.createTaskQuery().processInstanceId(approved).singleResult().getId(),
        Map.of("approvalDecision", "approve"));
    Api.Response third = coordinator().postJson("/api/plans/import?newVersion=true", plan(issuer, "市财政局"));
    assertThat(third.status()).isEqualTo(409);
    assertThat(third.body()).contains("版本 2 已批准", "不能再导入新版本", "变更申请");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(approved).count()).isEqualTo(1);
  }

  @Test
  void aTaskWithoutDeadlineEndsWithThePlanYearAnUnreadableOneIsRefused() throws Exception {
    String issuer = "时限测试-" + UUID.randomUUID();
    String noDeadline = """
        {"title": "时限测试", "year": 2023, "issuer": "%s", "tasks": [
          {"number": "1", "title": "常态化开展", "leadUnit": "市财政局"}]}""".formatted(issuer);
    Api.Response created = coordinator().postJson("/api/plans/import", noDeadline);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode task = JSON.readTree(coordinator().get("/api/plans/" + JSON.readTree(created.body()).path("id").asLong())
        .body()).path("tasks").get(0);
    assertThat(task.path("deadline").asText()).isEqualTo("2023-12-31");
    assertThat(task.path("deadlineText").isNull()).isTrue();

    Api.Response unreadable = coordinator().postJson("/api/plans/import", noDeadline.replace(issuer, issuer + "-2")
        .replace("\"leadUnit\"", "\"deadlineText\": \"适时\", \"leadUnit\""));
    assertThat(unreadable.status()).isEqualTo(400);
    assertThat(unreadable.body()).contains("无法识别完成时限“适时”");
  }

  @Test
  void malformedJsonIsA400SayingWhere() {
    Api.Response broken = coordinator().postJson("/api/plans/import", "{\"title\": ");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.body()).contains("JSON");
    Api.Response wrongType = coordinator().postJson("/api/plans/import",
        "{\"title\":\"t\",\"year\":2023,\"issuer\":\"x\",\"tasks\":[{\"number\":\"1\",\"deadline\":\"十月底\"}]}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.body()).contains("tasks[1].deadline");
  }

  @Test
  void unknownPlanIs404() {
    assertThat(coordinator().get("/api/plans/999999").status()).isEqualTo(404);
  }
}
