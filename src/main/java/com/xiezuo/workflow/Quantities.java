package com.xiezuo.workflow;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Indicator values as people read them: 420000000 元 → "4.2 亿元", comparators as words. */
public final class Quantities {

  private static final BigDecimal YI = BigDecimal.valueOf(100_000_000L);
  private static final BigDecimal WAN = BigDecimal.valueOf(10_000L);
  /** What the ledger and allocation columns hold (numeric(20, 4)), with room: 1,000 万亿, four decimals. */
  public static final BigDecimal LIMIT = new BigDecimal("1000000000000000");
  public static final int MAX_DECIMALS = 4;

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
    return plain(value) + ("%".equals(unit) ? "%" : unit == null || unit.isBlank() ? "" : " " + unit);
  }

  private static final java.util.regex.Pattern TYPED = java.util.regex.Pattern.compile(
      "^([0-9]+(?:\\.[0-9]+)?)\\s*(亿|万|千)?\\s*(\\S{0,4})$");

  /**
   * A value as people type it, in the indicator's unit: "4.2亿", "4.2 亿元", "3000万", "1,200 人", "55%", "0.5".
   * Null for blank; a {@link NumberFormatException} with a Chinese message for anything else.
   */
  public static BigDecimal parse(String typed, String unit) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    String text = halfWidth(typed.trim()).replace(",", "").replace("，", "");
    java.util.regex.Matcher m = TYPED.matcher(text);
    String rest = m.matches() ? m.group(3) : null;
    if (rest == null || !(rest.isEmpty() || rest.equals(unit) || "%".equals(rest) && "%".equals(unit))) {
      throw new NumberFormatException("“" + typed.trim() + "”不是数值：请填写数字，可带“万”“亿”" + ("%".equals(unit) ? "" : "，如 4.2亿、3000万"));
    }
    BigDecimal value = new BigDecimal(m.group(1));
    if (m.group(2) != null) {
      value = value.multiply(switch (m.group(2)) {
        case "亿" -> YI;
        case "万" -> WAN;
        default -> BigDecimal.valueOf(1000);
      });
    }
    value = value.stripTrailingZeros();
    if (value.abs().compareTo(LIMIT) >= 0) {
      throw new NumberFormatException("“" + typed.trim() + "”过大：上限为 1000 万亿");
    }
    if (value.scale() > MAX_DECIMALS) {
      throw new NumberFormatException("“" + typed.trim() + "”的小数位过多：最多 " + MAX_DECIMALS + " 位");
    }
    return value;
  }

  /** Full-width digits and signs as typed with a Chinese input method (１２．５万, ５５％) read as half-width. */
  static String halfWidth(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c >= '０' && c <= '９') {
        out.append((char) ('0' + (c - '０')));
      } else if (c == '．') {
        out.append('.');
      } else if (c == '％') {
        out.append('%');
      } else if (c == '　') {
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A value as the table shows it for typing again: "4.2亿", "3000万", "55". */
  public static String typed(BigDecimal value, String unit) {
    if (value == null) {
      return "";
    }
    if (!"%".equals(unit) && value.abs().compareTo(YI) >= 0) {
      return plain(value.divide(YI, 8, RoundingMode.HALF_UP)) + "亿";
    }
    if (!"%".equals(unit) && value.abs().compareTo(WAN) >= 0 && value.remainder(BigDecimal.valueOf(100)).signum() == 0) {
      return plain(value.divide(WAN, 8, RoundingMode.HALF_UP)) + "万";
    }
    return plain(value);
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
