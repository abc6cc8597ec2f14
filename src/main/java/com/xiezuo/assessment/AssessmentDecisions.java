package com.xiezuo.assessment;

import com.xiezuo.assessment.ScoreSheet.Component;
import com.xiezuo.workflow.AsSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLiteralExpressionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Service;

/**
 * Scores one unit with the index system deployed in the engine ({@code processes/annualAssessment.dmn}): the
 * grade decision is evaluated with every required decision, and each decision's result and fired rules are kept,
 * with the definitions' version and the parameters, for the score sheet.
 */
@Service
public class AssessmentDecisions {

  public static final String GRADE = "decision_grade";
  public static final String TOTAL = "decision_total";

  private final RepositoryService repositoryService;
  private final ThreadLocal<List<DmnDecisionEvaluationEvent>> evaluated = ThreadLocal.withInitial(ArrayList::new);
  private final DmnEngine engine;

  private final AsSystem asSystem;

  public AssessmentDecisions(RepositoryService repositoryService, AsSystem asSystem) {
    this.repositoryService = repositoryService;
    this.asSystem = asSystem;
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    DmnDecisionEvaluationListener listener = event -> evaluated.get().add(event);
    configuration.customPostDecisionEvaluationListeners(List.of(listener));
    this.engine = configuration.buildEngine();
  }

  /** The deployed index system: its decisions, their rules' descriptions and its version. */
  public record Model(Map<String, DmnDecision> decisions, Map<String, String> rules, String version) {}

  /** Read as the system: scoring is the same whoever's step (an assessor's adjustment) asks for it. */
  public Model deployed() {
    return asSystem.call(this::read);
  }

  private Model read() {
    DecisionDefinition grade = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(GRADE)
        .latestVersion().singleResult();
    if (grade == null) {
      throw new IllegalStateException("考核指标体系（" + GRADE + "）未部署");
    }
    Map<String, DmnDecision> decisions = new HashMap<>();
    Map<String, String> rules = new HashMap<>();
    try (InputStream model = repositoryService.getDecisionModel(grade.getId())) {
      byte[] bytes = model.readAllBytes();
      engine.parseDecisions(new ByteArrayInputStream(bytes))
          .forEach(decision -> decisions.put(decision.getKey(), decision));
      Dmn.readModelFromStream(new ByteArrayInputStream(bytes)).getModelElementsByType(Rule.class)
          .forEach(rule -> rules.put(rule.getId(), rule.getDescription() == null ? rule.getId()
              : rule.getDescription().getTextContent().strip()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String resource = grade.getResourceName().substring(grade.getResourceName().lastIndexOf('/') + 1);
    return new Model(decisions, rules, resource + " v" + grade.getVersion());
  }

  /** A unit scored: {@code inputs} are its facts as the tables name them, {@code parameters} the year's values. */
  public ScoreSheet score(Model model, String unitId, Map<String, Object> inputs,
      Map<String, BigDecimal> parameters) {
    Map<String, Object> variables = new HashMap<>();
    parameters.forEach((name, value) -> variables.put(name, value.doubleValue()));
    variables.putAll(inputs);
    evaluated.get().clear();
    try {
      Object grade = engine.evaluateDecision(model.decisions().get(GRADE), variables).getSingleResult()
          .getSingleEntry();
      Map<String, Component> components = new LinkedHashMap<>();
      for (DmnDecisionEvaluationEvent event : evaluated.get()) {
        event.getRequiredDecisionResults().forEach(result -> components.put(result.getDecision().getKey(),
            component(result, model)));
        components.put(event.getDecisionResult().getDecision().getKey(), component(event.getDecisionResult(), model));
      }
      BigDecimal total = components.get(TOTAL).value();
      return new ScoreSheet(unitId, List.copyOf(components.values()), total, String.valueOf(grade), model.version(),
          Map.copyOf(parameters));
    } catch (RuntimeException noRule) {
      throw new IllegalStateException("单位 " + unitId + " 的考核计分没有匹配的规则：" + noRule.getMessage(), noRule);
    } finally {
      evaluated.get().clear();
    }
  }

  private static Component component(DmnDecisionLogicEvaluationEvent result, Model model) {
    String key = result.getDecision().getKey();
    String name = result.getDecision().getName();
    if (result instanceof DmnDecisionTableEvaluationEvent table) {
      List<String> rules = table.getMatchingRules().stream().map(rule -> model.rules().getOrDefault(rule.getId(),
          rule.getId())).toList();
      Object value = table.getCollectResultValue() != null ? table.getCollectResultValue().getValue()
          : table.getMatchingRules().isEmpty() ? null
              : table.getMatchingRules().get(0).getOutputEntries().values().iterator().next().getValue().getValue();
      return new Component(key, name, rules, number(value));
    }
    DmnDecisionLiteralExpressionEvaluationEvent literal = (DmnDecisionLiteralExpressionEvaluationEvent) result;
    return new Component(key, name, List.of(), number(literal.getOutputValue().getValue()));
  }

  private static BigDecimal number(Object value) {
    return value instanceof Number number ? BigDecimal.valueOf(number.doubleValue()).setScale(2, RoundingMode.HALF_UP)
        : null;
  }
}
