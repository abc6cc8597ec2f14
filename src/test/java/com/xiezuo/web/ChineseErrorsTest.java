package com.xiezuo.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.support.Api;
import com.xiezuo.support.WebSession;
import com.xiezuo.support.XiezuoSpringTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Error pages and bodies a user can meet speak Chinese, whoever produced the error. */
@XiezuoSpringTest
class ChineseErrorsTest {

  @LocalServerPort int port;

  @Test
  void aUnitUserOpeningTheAdminAppIsToldInChinese() {
    Api.Response admin = WebSession.logIn(port, "hrss").get("/camunda/app/admin/default/");
    assertThat(admin.status()).isEqualTo(403);
    assertThat(admin.body()).contains("您没有使用“系统管理”的权限").doesNotContain("No access rights");
  }

  @Test
  void whatTomcatRefusesItselfIsToldInChinese() throws Exception {
    HttpResponse<String> tooLong = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/plans/1?x=" + "a".repeat(20_000))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("lang=\"zh-CN\"", "地址或请求头过长").doesNotContain("Bad Request", "Tomcat");
  }

  @Test
  void aMissingPageIsToldInChinese() {
    Api.Response missing = WebSession.logIn(port, "hrss").get("/no-such-page");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).contains("找不到您要的页面").doesNotContain("Not Found", "No static resource");
  }

  @Test
  void aMissingApiPathAnswersChineseJson() {
    Api.Response missing = Api.as(port, "demo").get("/api/no-such-thing");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).contains("找不到").doesNotContain("No static resource", "Not Found");
  }

  @Test
  void aMalformedIdIsToldInChinese() {
    WebSession unit = WebSession.logIn(port, "hrss");
    for (String path : new String[] {"/plans/abc", "/execution/abc"}) {
      Api.Response page = unit.get(path);
      assertThat(page.status()).as(path).isEqualTo(400);
      assertThat(page.body()).as(path).contains("字段“id”的值“abc”格式不对，应为整数")
          .doesNotContain("Failed to convert", "Method parameter");
    }
    for (String path : new String[] {"/api/plans/abc", "/api/plans/abc/indicators", "/api/plans/abc/changes"}) {
      Api.Response api = Api.as(port, "demo").get(path);
      assertThat(api.status()).as(path).isEqualTo(400);
      assertThat(api.body()).as(path).containsPattern("\\p{IsHan}").doesNotContain("Failed to convert", "Bad Request");
    }
  }

  @Test
  void aJsonBodyThatIsNullBrokenOrOfTheWrongTypesIsToldInChineseWithTheField() {
    Api demo = Api.as(port, "demo");
    Map<String, String> expected = Map.of(
        "null", "请求正文为 null",
        "{\"title\":\"计划\",\"year\":\"x\"}", "字段“year”的值“x”不对：应为整数",
        "{\"title\":\"计划\", ", "JSON",
        "{title: 1}", "不是有效的 JSON（第 1 行第");
    expected.forEach((body, message) -> {
      Api.Response answer = demo.postJson("/api/plans/import", body);
      assertThat(answer.status()).as(body).isEqualTo(400);
      assertThat(answer.body()).as(body).contains(message).doesNotContain("java.", "Cannot deserialize", "Unexpected");
    });
    Api.Response change = demo.postJson("/api/plans/1/changes", "{\"taskNumber\":\"1\",\"type\":\"FOO\"}");
    assertThat(change.status()).isEqualTo(400);
    assertThat(change.body()).contains("字段“type”的值“FOO”不对：应为以下之一：EXTEND、CANCEL、ADJUST")
        .doesNotContain("com.xiezuo");
    Api.Response badQuery = demo.get("/engine-rest/task?dueAfter=garbage");
    assertThat(badQuery.status()).isEqualTo(400);
    assertThat(badQuery.body()).contains("查询参数“dueAfter”的值无效").doesNotContain("Cannot set", "java.");
    assertThat(demo.get("/engine-rest/task?sortBy=dueDate").body()).contains("排序须同时给出 sortBy 和 sortOrder");
    Api.Response noForm = demo.get("/engine-rest/task/no-such-task/form-variables");
    assertThat(noForm.status()).isEqualTo(404);
    assertThat(noForm.body()).contains("没有找到任务 no-such-task").doesNotContain("task is null");
    Api.Response engine = demo.postJson("/engine-rest/task/no-such-task/submit-form", "{\"variables\": ");
    assertThat(engine.status()).isEqualTo(400);
    assertThat(engine.body()).containsPattern("JSON (内容不完整|（第 1 行)").doesNotContain("Source", "Unexpected");
  }

  @Test
  void englishMessagesAreReplacedAndChineseOnesKept() {
    assertThat(ChineseErrorAttributes.chinese("Required request body is missing", 400)).startsWith("请求无效");
    assertThat(ChineseErrorAttributes.chinese("没有编号为 9 的计划", 404)).isEqualTo("没有编号为 9 的计划");
    assertThat(ChineseErrorAttributes.chinese("No access rights for cockpit", 403)).contains("监控中心");
  }
}
