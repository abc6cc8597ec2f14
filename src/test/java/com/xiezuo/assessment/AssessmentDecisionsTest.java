package com.xiezuo.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The index system's tables rule by rule on the standalone DMN engine, with this year's default parameters:
 * completion 40, on time 20 (−4 a late task), indicators 20, reporting 10 (−1 missing, −0.5 empty or late), supervision
 * 10 (−2 an overdue notice, −2 a red card, −1 two yellow cards), bonuses (+1 a stretch target, +1 a commendation up
 * to 3, innovation up to 10), −2 a criticism; grades at 90 / 80 / 60.
 */
class AssessmentDecisionsTest {

  static final Map<String, Object> PARAMETERS = Map.ofEntries(Map.entry("completionPoints", 40.0),
      Map.entry("onTimePoints", 20.0), Map.entry("lateTaskDeduction", 4.0), Map.entry("indicatorPoints", 20.0),
      Map.entry("reportingPoints", 10.0), Map.entry("missingReportDeduction", 1.0),
      Map.entry("emptyReportDeduction", 0.5), Map.entry("lateReportDeduction", 0.5),
      Map.entry("supervisionPoints", 10.0), Map.entry("rectificationOverdueDeduction", 2.0),
      Map.entry("redCardDeduction", 2.0), Map.entry("yellowPairDeduction", 1.0), Map.entry("stretchBonus", 1.0),
      Map.entry("praiseBonus", 1.0), Map.entry("praiseCap", 3.0), Map.entry("innovationCap", 10.0),
      Map.entry("criticismDeduction", 2.0), Map.entry("gradeGood", 90.0), Map.entry("gradeFairlyGood", 80.0),
      Map.entry("gradePass", 60.0));

  static DmnEngine engine;
  static Map<String, DmnDecision> decisions = new HashMap<>();

  @BeforeAll
  static void parseTheDeployedModel() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = Files.newInputStream(Path.of("processes/annualAssessment.dmn"))) {
      engine.parseDecisions(model).forEach(decision -> decisions.put(decision.getKey(), decision));
    }
  }

  private static Double evaluate(String key, Object... inputs) {
    Map<String, Object> variables = new HashMap<>(PARAMETERS);
    for (int i = 0; i < inputs.length; i += 2) {
      variables.put((String) inputs[i], inputs[i + 1]);
    }
    DmnDecisionResult result = engine.evaluateDecision(decisions.get(key), variables);
    return result.isEmpty() ? null : ((Number) result.getSingleResult().getSingleEntry()).doubleValue();
  }

  @Test
  void completionCountsLeadTasksFullyAndCoTasksByTheirWeight() {
    assertThat(evaluate("decision_completionScore", "weightedTasks", 0.0, "completionRatio", null)).isEqualTo(40.0);
    assertThat(evaluate("decision_completionScore", "weightedTasks", 2.5, "completionRatio", 1.0)).isEqualTo(40.0);
    assertThat(evaluate("decision_completionScore", "weightedTasks", 2.5, "completionRatio", 0.6)).isEqualTo(24.0);
    assertThat(evaluate("decision_completionScore", "weightedTasks", 2.5, "completionRatio", -0.1))
        .as("no rule for a ratio below 0").isNull();
  }

  @Test
  void eachLateTaskDeductsUntilNothingIsLeft() {
    assertThat(evaluate("decision_onTimeScore", "lateTasks", 0.0)).isEqualTo(20.0);
    assertThat(evaluate("decision_onTimeScore", "lateTasks", 2.0)).isEqualTo(12.0);
    assertThat(evaluate("decision_onTimeScore", "lateTasks", 7.0)).isEqualTo(0.0);
    assertThat(evaluate("decision_onTimeScore", "lateTasks", -1.0)).isNull();
  }

  @Test
  void indicatorsScoreByTheirAverageAttainment() {
    assertThat(evaluate("decision_indicatorScore", "indicatorCount", 0.0, "indicatorAttainment", null))
        .isEqualTo(20.0);
    assertThat(evaluate("decision_indicatorScore", "indicatorCount", 2.0, "indicatorAttainment", 1.0))
        .isEqualTo(20.0);
    assertThat(evaluate("decision_indicatorScore", "indicatorCount", 2.0, "indicatorAttainment", 0.75))
        .isEqualTo(15.0);
  }

  @Test
  void missingEmptyAndLateReportsDeductPeriodByPeriod() {
    assertThat(evaluate("decision_reportingScore", "missingReports", 0.0, "emptyReports", 0.0, "lateReports", 0.0))
        .isEqualTo(10.0);
    assertThat(evaluate("decision_reportingScore", "missingReports", 3.0, "emptyReports", 1.0, "lateReports", 2.0))
        .isEqualTo(5.5);
    assertThat(evaluate("decision_reportingScore", "missingReports", 12.0, "emptyReports", 0.0, "lateReports", 0.0))
        .isEqualTo(0.0);
  }

  @Test
  void overdueNoticesRedCardsAndPairsOfYellowCardsDeduct() {
    assertThat(evaluate("decision_supervisionScore", "overdueRectifications", 0.0, "redCards", 0.0,
        "yellowCards", 1.0)).isEqualTo(10.0);
    assertThat(evaluate("decision_supervisionScore", "overdueRectifications", 1.0, "redCards", 1.0,
        "yellowCards", 3.0)).as("10 − 2 − 2 − 1").isEqualTo(5.0);
    assertThat(evaluate("decision_supervisionScore", "overdueRectifications", 3.0, "redCards", 4.0,
        "yellowCards", 0.0)).isEqualTo(0.0);
  }

  @Test
  void bonusesAddUpWithTheirCapsAndAreZeroWhenNoneApplies() {
    assertThat(evaluate("decision_bonus", "stretchReached", 0.0, "praised", 0.0, "innovationAwarded", 0.0))
        .as("the base rule keeps an empty COLLECT/SUM from giving no value").isEqualTo(0.0);
    assertThat(evaluate("decision_bonus", "stretchReached", 2.0, "praised", 5.0, "innovationAwarded", 4.0))
        .as("2 + min(5, 3) + 4").isEqualTo(9.0);
    assertThat(evaluate("decision_bonus", "stretchReached", 0.0, "praised", 1.0, "innovationAwarded", 15.0))
        .isEqualTo(11.0);
  }

  @Test
  void criticismsDeductAndNoneIsZero() {
    assertThat(evaluate("decision_penalty", "criticised", 0.0)).isEqualTo(0.0);
    assertThat(evaluate("decision_penalty", "criticised", 2.0)).isEqualTo(4.0);
  }

  @Test
  void theGraphAddsTheComponentsAndGivesTheGrade() {
    Object[] year = {"weightedTasks", 3.0, "completionRatio", 5.0 / 6, "lateTasks", 1.0, "indicatorCount", 1.0,
        "indicatorAttainment", 0.5, "missingReports", 1.0, "emptyReports", 0.0, "lateReports", 1.0,
        "overdueRectifications", 0.0, "redCards", 1.0, "yellowCards", 2.0, "stretchReached", 0.0, "praised", 1.0,
        "innovationAwarded", 0.0, "criticised", 0.0};
    Map<String, Object> variables = new HashMap<>(PARAMETERS);
    for (int i = 0; i < year.length; i += 2) {
      variables.put((String) year[i], year[i + 1]);
    }
    variables.put("adjustment", 0.0);
    // 33.33 + 16 + 10 + 8.5 + 7 + 1 − 0 = 75.83…
    Map<String, Object> graded = engine.evaluateDecision(decisions.get("decision_grade"), variables)
        .getSingleResult().getEntryMap();
    assertThat(graded.get("grade")).isEqualTo("一般");
    double total = ((Number) engine.evaluateDecision(decisions.get("decision_total"), variables).getSingleResult()
        .getSingleEntry()).doubleValue();
    assertThat(total).isCloseTo(75.83, org.assertj.core.data.Offset.offset(0.01));
    variables.put("adjustment", 5.0);
    assertThat(engine.evaluateDecision(decisions.get("decision_grade"), variables).getSingleResult().getEntryMap()
        .get("grade")).as("an assessor's +5 lifts 80.8 to 较好").isEqualTo("较好");
    Object[] flawless = {"weightedTasks", 1.0, "completionRatio", 1.0, "lateTasks", 0.0, "indicatorCount", 0.0,
        "indicatorAttainment", null, "missingReports", 0.0, "emptyReports", 0.0, "lateReports", 0.0,
        "overdueRectifications", 0.0, "redCards", 0.0, "yellowCards", 0.0, "stretchReached", 0.0, "praised", 0.0,
        "innovationAwarded", 0.0, "criticised", 0.0};
    for (List<Object> cut : List.of(List.<Object>of(90.0, "好"), List.<Object>of(89.99, "较好"),
        List.<Object>of(80.0, "较好"), List.<Object>of(60.0, "一般"), List.<Object>of(59.9, "较差"))) {
      Map<String, Object> at = new HashMap<>(PARAMETERS);
      for (int i = 0; i < flawless.length; i += 2) {
        at.put((String) flawless[i], flawless[i + 1]);
      }
      at.put("adjustment", (Double) cut.get(0) - 100);
      Object grade = engine.evaluateDecision(decisions.get("decision_grade"), at).getSingleResult().getSingleEntry();
      assertThat(grade).as("a flawless 100 adjusted to " + cut.get(0)).isEqualTo(cut.get(1));
    }
  }
}
