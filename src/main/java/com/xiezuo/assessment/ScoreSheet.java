package com.xiezuo.assessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One unit's score as the index system gave it: each decision with the rule that fired and its value, the total
 * and the grade, and what produced it (the DMN definitions' version and the parameters).
 */
public record ScoreSheet(String unitId, List<Component> components, BigDecimal total, String grade,
    String decisionsVersion, Map<String, BigDecimal> parameters) {

  /** A decision's result: which table, which rules fired (their descriptions), the value it gave. */
  public record Component(String decisionKey, String decisionName, List<String> rules, BigDecimal value) {}

  public BigDecimal valueOf(String decisionKey) {
    return components.stream().filter(component -> component.decisionKey().equals(decisionKey)).findFirst()
        .map(Component::value).orElse(null);
  }
}
