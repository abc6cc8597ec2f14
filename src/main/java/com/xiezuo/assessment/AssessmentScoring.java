package com.xiezuo.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Scores every unit of a plan from the year's facts with the year's parameters and the deployed index system. */
@Service
public class AssessmentScoring {

  /** A unit's facts and the score they give. */
  public record Scored(UnitFacts facts, ScoreSheet sheet) {}

  private final AssessmentFactsQuery factsQuery;
  private final AssessmentParameters parameters;
  private final AssessmentDecisions decisions;

  public AssessmentScoring(AssessmentFactsQuery factsQuery, AssessmentParameters parameters,
      AssessmentDecisions decisions) {
    this.factsQuery = factsQuery;
    this.parameters = parameters;
    this.decisions = decisions;
  }

  /**
   * Every unit scored as of {@code asOf}; {@code innovation} and {@code adjustments} are the assessors' points per
   * unit (none before the review).
   */
  public List<Scored> score(long planId, LocalDate asOf, Map<String, BigDecimal> innovation,
      Map<String, BigDecimal> adjustments) {
    Map<AssessmentParameter, BigDecimal> values = parameters.of(planId);
    Map<String, BigDecimal> byName = values.entrySet().stream()
        .collect(Collectors.toMap(entry -> entry.getKey().variable(), Map.Entry::getValue));
    BigDecimal coWeight = values.get(AssessmentParameter.CO_TASK_WEIGHT);
    AssessmentDecisions.Model model = decisions.deployed();
    return factsQuery.of(planId, asOf, values.get(AssessmentParameter.EMPTY_REPORT_CHARS).intValue()).stream()
        .map(facts -> new Scored(facts, decisions.score(model, facts.unitId(), inputs(facts, coWeight,
            innovation.getOrDefault(facts.unitId(), BigDecimal.ZERO),
            adjustments.getOrDefault(facts.unitId(), BigDecimal.ZERO)), byName)))
        .toList();
  }

  /** The facts as the tables' inputs name them. */
  static Map<String, Object> inputs(UnitFacts facts, BigDecimal coWeight, BigDecimal innovation,
      BigDecimal adjustment) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("weightedTasks", facts.weightedTasks(coWeight).doubleValue());
    BigDecimal ratio = facts.completionRatio(coWeight);
    inputs.put("completionRatio", ratio == null ? null : ratio.doubleValue());
    inputs.put("lateTasks", (double) facts.lateTasks());
    inputs.put("indicatorCount", (double) facts.indicatorCount());
    inputs.put("indicatorAttainment", facts.indicatorAttainment() == null ? null
        : facts.indicatorAttainment().doubleValue());
    inputs.put("missingReports", (double) facts.missingReports());
    inputs.put("emptyReports", (double) facts.emptyReports());
    inputs.put("lateReports", (double) facts.lateReports());
    inputs.put("overdueRectifications", (double) facts.overdueRectifications());
    inputs.put("redCards", (double) facts.redCards());
    inputs.put("yellowCards", (double) facts.yellowCards());
    inputs.put("stretchReached", (double) facts.stretchReached());
    inputs.put("praised", (double) facts.praised());
    inputs.put("criticised", (double) facts.criticised());
    inputs.put("innovationAwarded", innovation.doubleValue());
    inputs.put("adjustment", adjustment.doubleValue());
    return inputs;
  }

  /** Scores by unit id. */
  public static Map<String, Scored> byUnit(List<Scored> scored) {
    return scored.stream().collect(Collectors.toMap(s -> s.facts().unitId(), Function.identity()));
  }
}
