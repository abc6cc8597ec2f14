package com.xiezuo.workflow;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Indicator values as people read them: 420000000 元 → "4.2 亿元", comparators as words. */
public final class Quantities {

  private static final BigDecimal YI = BigDecimal.valueOf(100_000_000L);
  private static final BigDecimal WAN = BigDecimal.valueOf(10_000L);

  private Quantities() {}

  public static String format(BigDecimal value, String unit) {
    if (value == null) {
      return "—";
    }
    if ("元".equals(unit) || "人".equals(unit) || "人次".equals(unit)) {
      if (value.abs().compareTo(YI) >= 0) {
        return plain(value.divide(YI, 6, RoundingMode.HALF_UP)) + " 亿" + unit;
      }
      if (value.abs().compareTo(WAN) >= 0) {
        return plain(value.divide(WAN, 6, RoundingMode.HALF_UP)) + " 万" + unit;
      }
    }
    return plain(value) + ("%".equals(unit) ? "%" : " " + unit);
  }

  public static String comparator(String comparator) {
    return switch (comparator) {
      case ">=" -> "不少于";
      case "<=" -> "不超过";
      default -> "为";
    };
  }

  private static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }
}
