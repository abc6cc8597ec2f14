package com.xiezuo.assessment;

import com.xiezuo.assessment.AssessmentRecords.AssessedUnit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks within each class (districts; city departments and other units) by total; a tie is broken by the task
 * completion score, then the on-time score, then the indicator score; units equal on all of these share the rank
 * (1, 2, 2, 4).
 */
final class Ranking {

  static final List<String> TIE_BREAKERS = List.of("decision_completionScore", "decision_onTimeScore",
      "decision_indicatorScore");

  private Ranking() {}

  static Map<String, Integer> of(List<AssessedUnit> units, Map<String, Map<String, BigDecimal>> sheets) {
    Map<String, Integer> ranks = new LinkedHashMap<>();
    for (boolean district : List.of(true, false)) {
      List<AssessedUnit> inClass = new ArrayList<>(units.stream()
          .filter(unit -> unit.district() == district && unit.total() != null).toList());
      Comparator<AssessedUnit> order = Comparator.comparing(AssessedUnit::total);
      for (String key : TIE_BREAKERS) {
        order = order.thenComparing(unit -> value(sheets, unit, key));
      }
      inClass.sort(order.reversed());
      for (int i = 0; i < inClass.size(); i++) {
        AssessedUnit unit = inClass.get(i);
        boolean tied = i > 0 && order.compare(unit, inClass.get(i - 1)) == 0;
        ranks.put(unit.unitId(), tied ? ranks.get(inClass.get(i - 1).unitId()) : i + 1);
      }
    }
    return ranks;
  }

  private static BigDecimal value(Map<String, Map<String, BigDecimal>> sheets, AssessedUnit unit, String key) {
    BigDecimal value = sheets.getOrDefault(unit.unitId(), Map.of()).get(key);
    return value == null ? BigDecimal.ZERO : value;
  }
}
