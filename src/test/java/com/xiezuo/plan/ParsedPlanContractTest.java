package com.xiezuo.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.xiezuo.plan.parse.NoticeParser;
import com.xiezuo.support.ParsedPlanSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the parser makes of every notice it knows keeps the contract; the contract names what breaks it. */
class ParsedPlanContractTest {

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Test
  void everyParsedNoticeKeepsTheContract() throws IOException {
    List<Path> notices;
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/notices"))) {
      notices = files.filter(file -> file.toString().endsWith("-notice.txt")).sorted().toList();
    }
    assertThat(notices).hasSizeGreaterThanOrEqualTo(3);
    for (Path notice : Stream.concat(notices.stream(), Stream.of(Path.of("src/main/resources/seeds/zhuhai-2023-notice.txt")))
        .toList()) {
      JsonNode plan = JSON.valueToTree(new NoticeParser().parse(Files.readString(notice), null));
      assertThat(plan.path("tasks").size()).as(notice.toString()).isPositive();
      assertThat(ParsedPlanSchema.problems(plan)).as(notice.toString()).isEmpty();
    }
  }

  @Test
  void aPlanThatBreaksTheContractIsNamed() throws IOException {
    JsonNode broken = JSON.readTree("""
        {"title": "测试计划", "year": 2023, "tasks": [{"number": "1", "title": "任务", "deadline": "10 月底前",
         "yearRound": false, "indicators": [{"text": "不少于 4.2 亿元", "comparator": "至少", "value": 4.2}]}]}""");
    assertThat(ParsedPlanSchema.problems(broken)).hasSize(2)
        .anyMatch(problem -> problem.contains("deadline")).anyMatch(problem -> problem.contains("comparator"));
  }
}
