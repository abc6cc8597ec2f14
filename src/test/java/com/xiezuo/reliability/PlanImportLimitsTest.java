package com.xiezuo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.xiezuo.support.Api;
import com.xiezuo.support.XiezuoSpringTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A plan JSON with a value the tables cannot hold is refused before anything is stored, with a message naming the
 * field; two imports of one plan at once give one plan and a 409, never a 500.
 */
@XiezuoSpringTest
class PlanImportLimitsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  private ObjectNode plan(String issuer) throws Exception {
    return (ObjectNode) JSON.readTree("""
        {"title": "限值测试计划", "year": 2031, "issuer": "%s", "docNumber": "测〔2031〕1 号",
         "tasks": [
          {"number": "1", "section": "加强组织领导", "title": "完善工作机制", "content": "签订协议。",
           "leadUnit": "市乡村振兴局", "coUnits": [], "deadline": "2031-10-31", "deadlineText": "10 月底前",
           "yearRound": false,
           "indicators": [{"text": "投入不少于 1 亿元", "name": "资金", "comparator": ">=", "value": 100000000,
             "unit": "元", "stretch": null}],
           "milestones": [{"date": "2031-06-30", "text": "完成调研"}]}
         ]}
        """.formatted(issuer));
  }

  private long stored() {
    return jdbc.sql("select (select count(*) from xz_plan) + (select count(*) from xz_plan_task)"
        + " + (select count(*) from xz_plan_indicator)").query(Long.class).single();
  }

  private static ObjectNode task(ObjectNode plan) {
    return (ObjectNode) plan.path("tasks").get(0);
  }

  private static ObjectNode indicator(ObjectNode plan) {
    return (ObjectNode) task(plan).path("indicators").get(0);
  }

  @ParameterizedTest(name = "{0} of {1} characters")
  @CsvSource({"title, 301, 计划名称过长", "issuer, 201, 发文机关过长", "docNumber, 101, 文号过长",
      "task.number, 33, 任务编号过长", "task.section, 201, 所属部分过长", "task.title, 301, 任务名称过长",
      "task.content, 20001, 任务内容过长", "task.deadlineText, 101, 完成时限原文过长", "task.leadUnit, 10001, 单位名称过长",
      "indicator.text, 1001, 指标原文过长", "indicator.name, 201, 的名称过长", "milestone.text, 501, 节点内容过长"})
  void anOverLongValueIsRefusedNamingTheField(String field, int length, String message) throws Exception {
    ObjectNode plan = plan("限值-" + UUID.randomUUID());
    String value = "长".repeat(length);
    String[] path = field.split("\\.");
    ObjectNode target = switch (path[0]) {
      case "task" -> task(plan);
      case "indicator" -> indicator(plan);
      case "milestone" -> (ObjectNode) task(plan).path("milestones").get(0);
      default -> plan;
    };
    target.put(path[path.length - 1], value);
    long before = stored();

    Api.Response answer = Api.as(port, "coordinator").postJson("/api/plans/import", plan.toString());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains(message).contains("最多").doesNotContainIgnoringCase("sql")
        .doesNotContain("varchar").doesNotContain("长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长");
    assertThat(stored()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({"value, 1e30, 目标值过大", "stretch, 1e20, 力争目标过大", "value, 1.23456, 小数位过多"})
  void aNumberTheColumnCannotHoldExactlyIsRefused(String field, String number, String message) throws Exception {
    ObjectNode plan = plan("限值-" + UUID.randomUUID());
    indicator(plan).put(field, new java.math.BigDecimal(number));
    long before = stored();

    Api.Response answer = Api.as(port, "coordinator").postJson("/api/plans/import", plan.toString());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains(message);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void aPlanOfTenThousandTasksIsNotOnePlan() throws Exception {
    ObjectNode plan = plan("限值-" + UUID.randomUUID());
    ArrayNode tasks = plan.putArray("tasks");
    for (int i = 1; i <= 10_000; i++) {
      tasks.addObject().put("number", String.valueOf(i)).put("title", "任务" + i).put("leadUnit", "市乡村振兴局")
          .put("deadline", "2031-12-31").put("yearRound", false);
    }
    long before = stored();

    Api.Response answer = Api.as(port, "coordinator").postJson("/api/plans/import", plan.toString());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("任务过多（10000 项）").contains("最多 500 项");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void tenNewVersionsAtOnceGiveOneVersionAndConflicts() throws Exception {
    String issuer = "并发-" + UUID.randomUUID();
    assertThat(Api.as(port, "coordinator").postJson("/api/plans/import", plan(issuer).toString()).status())
        .isEqualTo(201);
    ObjectNode next = plan(issuer);
    List<Callable<Api.Response>> imports = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      imports.add(() -> Api.as(port, "coordinator").postJson("/api/plans/import?newVersion=true", next.toString()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Integer> statuses = new ArrayList<>();
    try {
      for (Future<Api.Response> answer : pool.invokeAll(imports)) {
        statuses.add(answer.get().status());
        if (answer.get().status() == 409) {
          assertThat(answer.get().body()).contains("版本");
        }
      }
    } finally {
      pool.shutdown();
    }

    assertThat(statuses).doesNotContain(500).contains(201).allMatch(status -> status == 201 || status == 409);
    long versions = jdbc.sql("select count(*) from xz_plan where issuer = ?").param(issuer).query(Long.class).single();
    assertThat(versions).as("one plan and as many new versions as were answered 201")
        .isEqualTo(1 + statuses.stream().filter(status -> status == 201).count());
  }
}
