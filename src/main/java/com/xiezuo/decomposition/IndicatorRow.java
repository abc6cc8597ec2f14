package com.xiezuo.decomposition;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** An agreement indicator of a plan, as the decomposition table shows it. */
public record IndicatorRow(long id, String taskNumber, String name, String statement, String comparator,
    BigDecimal total, String unit, BigDecimal stretch) {

  /** "至少各 1 次", "各区……不少于 2 场", "每个区": a target every unit meets on its own. */
  static final Pattern EACH = Pattern.compile(
      "至少各|各(?:区|单位|结对区|县|部门)[^，。；]{0,10}(?:至少|不少于)|每个?(?:区|单位|结对区)[^，。；]{0,6}(?:至少|不少于)"
          // "区党政主要负责同志按“一年至少 1 次”": each district's leaders go, not the districts together
          + "|(?:区|县)(?:党政)?主要负责同志[^，。；]{0,12}(?:至少|不少于)");

  public boolean isRatio() {
    return "%".equals(unit);
  }

  /** A count or amount each unit must reach by itself ("至少各 1 次"), not a total to share out. */
  public boolean isEach() {
    return !isRatio() && statement != null && EACH.matcher(statement).find();
  }

  /** Amounts and counts are split and must sum to the total; ratios and "each at least" targets each unit meets. */
  public boolean isSplit() {
    return !isRatio() && !isEach();
  }

  public String label() {
    return taskNumber + " " + (name == null || name.isBlank() ? statement : name);
  }
}
