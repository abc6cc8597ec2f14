package com.xiezuo.assessment;

import com.xiezuo.assessment.AssessmentRecords.AssessedUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The grades from the best down, as the index system gives them, and how many units have each. */
final class Grades {

  static final List<String> ORDER = List.of("好", "较好", "一般", "较差");

  private Grades() {}

  /** Grade → number of units, best grade first (a grade the tables gave that is not in {@link #ORDER} last). */
  static Map<String, Long> counted(Collection<AssessedUnit> units) {
    Map<String, Long> counted = new LinkedHashMap<>();
    ORDER.forEach(grade -> counted.put(grade, 0L));
    units.stream().filter(unit -> unit.grade() != null).forEach(unit -> counted.merge(unit.grade(), 1L, Long::sum));
    counted.values().removeIf(count -> count == 0);
    return counted;
  }
}
