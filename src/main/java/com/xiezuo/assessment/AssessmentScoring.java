package com.xiezuo.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Scores every unit of a plan from the year's facts with the year's parameters and the deployed index system; or
 * scores again from the inputs counted before, when only the assessors' points changed.
 */
@Service
public class AssessmentScoring {

  /** A unit's facts, the tables' inputs counted from them (the assessors' points aside) and the score they give. */
  public record Scored(UnitFacts facts, Map<String, Object> counted, ScoreSheet sheet) {}

  static final String INNOVATION = "innovationAwarded";
  static final String ADJUSTMENT = "adjustment";

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
        .map(facts -> {
          Map<String, Object> counted = counted(facts, coWeight);
          return new Scored(facts, counted, decisions.score(model, facts.unitId(), withPoints(counted,
              innovation.getOrDefault(facts.unitId(), BigDecimal.ZERO),
              adjustments.getOrDefault(facts.unitId(), BigDecimal.ZERO)), byName));
        }).toList();
  }

  /** Each unit scored again from the inputs counted before ({@code counted} by unit) with the points as they are now. */
  public Map<String, ScoreSheet> rescore(long planId, Map<String, Map<String, Object>> counted,
      Map<String, BigDecimal> innovation, Map<String, BigDecimal> adjustments) {
    Map<String, BigDecimal> byName = parameters.of(planId).entrySet().stream()
        .collect(Collectors.toMap(entry -> entry.getKey().variable(), Map.Entry::getValue));
    AssessmentDecisions.Model model = decisions.deployed();
    Map<String, ScoreSheet> sheets = new HashMap<>();
    counted.forEach((unitId, inputs) -> sheets.put(unitId, decisions.score(model, unitId, withPoints(inputs,
        innovation.getOrDefault(unitId, BigDecimal.ZERO), adjustments.getOrDefault(unitId, BigDecimal.ZERO)),
        byName)));
    return sheets;
  }

  private static Map<String, Object> withPoints(Map<String, Object> counted, BigDecimal innovation,
      BigDecimal adjustment) {
    Map<String, Object> inputs = new HashMap<>(counted);
    inputs.put(INNOVATION, innovation.doubleValue());
    inputs.put(ADJUSTMENT, adjustment.doubleValue());
    return inputs;
  }

  /** The facts as the tables' inputs name them, the assessors' points aside. */
  static Map<String, Object> counted(UnitFacts facts, BigDecimal coWeight) {
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
    return inputs;
  }

  /** Scores by unit id. */
  public static Map<String, Scored> byUnit(List<Scored> scored) {
    return scored.stream().collect(Collectors.toMap(s -> s.facts().unitId(), Function.identity()));
  }
}
