package com.xiezuo.plan.parse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quantitative targets stated with a comparator: "不少于 4.2 亿元", "控制在 55%，力争达到 60%",
 * "不低于 155 人", "20 人次以上", "至少各 1 次", "互访共 4 次", "2 名以上". A bare number ("13 个园区") is not a
 * target: precision matters more than recall here, a false indicator would be reported on all year.
 */
public final class IndicatorExtractor {

  private static final String NUMBER = "(\\d+(?:\\.\\d+)?|[一两二三四五六七八九十]+)";
  private static final String UNIT =
      "(个百分点|亿元|万元|元|万人次|万人|人次|人|名|次|个|家|期|场次|场|所|项|批次|批|户|亩|万吨|吨|天|篇|条|台|套|村|%)";

  private static final Pattern STRETCH = Pattern.compile(
      "(?:控制在|保持在|稳定在|达到)\\s*" + NUMBER + "\\s*" + UNIT + "\\s*[，、]?\\s*力争(?:达到)?\\s*" + NUMBER + "\\s*" + UNIT + "?");
  private static final Pattern AT_LEAST = Pattern.compile(
      "(不少于|不低于|不小于|至少|力争达到|力争|达到|超过)\\s*(?:各|每年|每月)?\\s*" + NUMBER + "\\s*" + UNIT);
  private static final Pattern AT_MOST = Pattern.compile("(不超过|不高于|不多于|控制在)\\s*" + NUMBER + "\\s*" + UNIT + "\\s*(以内|以下)?");
  private static final Pattern SUFFIX = Pattern.compile(NUMBER + "\\s*" + UNIT + "\\s*(以上|及以上|以内|以下)");
  private static final Pattern TOTAL = Pattern.compile("共\\s*" + NUMBER + "\\s*" + UNIT);
  private static final Pattern CLAUSE_START = Pattern.compile("[。；，、：]");
  private static final Pattern LEADING_VERBS = Pattern.compile(
      "^(?:保障|确保|推动|实现|力争|全年|我市|全市|全区|两地|联合|分别|做好|完成|新增)+");

  private IndicatorExtractor() {}

  public static List<ParsedIndicator> extract(String text) {
    List<ParsedIndicator> found = new ArrayList<>();
    List<int[]> taken = new ArrayList<>();
    Matcher m = STRETCH.matcher(text);
    while (m.find()) {
      String unit = m.group(2);
      BigDecimal value = scaled(m.group(1), unit);
      BigDecimal stretch = scaled(m.group(3), m.group(4) == null ? unit : m.group(4));
      add(found, taken, text, m.start(), m.end(), ">=", value, baseUnit(unit), stretch);
    }
    m = AT_MOST.matcher(text);
    while (m.find()) {
      boolean controlOnly = m.group(1).equals("控制在") && m.group(4) == null;
      add(found, taken, text, m.start(), m.end(), controlOnly ? "=" : "<=", scaled(m.group(2), m.group(3)),
          baseUnit(m.group(3)), null);
    }
    m = AT_LEAST.matcher(text);
    while (m.find()) {
      add(found, taken, text, m.start(), m.end(), ">=", scaled(m.group(2), m.group(3)), baseUnit(m.group(3)), null);
    }
    m = SUFFIX.matcher(text);
    while (m.find()) {
      String comparator = m.group(3).startsWith("以") && (m.group(3).equals("以内") || m.group(3).equals("以下")) ? "<=" : ">=";
      add(found, taken, text, m.start(), m.end(), comparator, scaled(m.group(1), m.group(2)), baseUnit(m.group(2)), null);
    }
    m = TOTAL.matcher(text);
    while (m.find()) {
      add(found, taken, text, m.start(), m.end(), "=", scaled(m.group(1), m.group(2)), baseUnit(m.group(2)), null);
    }
    found.sort((a, b) -> Integer.compare(text.indexOf(a.text()), text.indexOf(b.text())));
    return found;
  }

  private static void add(List<ParsedIndicator> found, List<int[]> taken, String text, int start, int end,
      String comparator, BigDecimal value, String unit, BigDecimal stretch) {
    for (int[] span : taken) {
      if (start < span[1] && end > span[0]) {
        return;
      }
    }
    if (value == null) {
      return;
    }
    taken.add(new int[] {start, end});
    int clauseStart = lastClauseBoundary(text, start);
    String statement = text.substring(clauseStart, end).trim();
    String name = nameOf(text.substring(clauseStart, start));
    found.add(new ParsedIndicator(statement, name, comparator, value, unit, stretch));
  }

  private static int lastClauseBoundary(String text, int before) {
    int boundary = 0;
    Matcher m = CLAUSE_START.matcher(text);
    while (m.find() && m.start() < before) {
      boundary = m.end();
    }
    return boundary;
  }

  private static String nameOf(String prefix) {
    String name = prefix.replaceAll("[“”\"‘’《》]", "").trim();
    name = LEADING_VERBS.matcher(name).replaceFirst("");
    name = name.replaceAll("(?:用于|的)", "");
    return name.isBlank() ? null : name;
  }

  static BigDecimal scaled(String number, String unit) {
    BigDecimal value = parseNumber(number);
    if (value == null) {
      return null;
    }
    if (unit.startsWith("亿")) {
      value = value.multiply(BigDecimal.valueOf(100_000_000L));
    } else if (unit.startsWith("万")) {
      value = value.multiply(BigDecimal.valueOf(10_000L));
    }
    return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
  }

  static String baseUnit(String unit) {
    return unit.startsWith("亿") || unit.startsWith("万") ? unit.substring(1) : unit;
  }

  static BigDecimal parseNumber(String number) {
    if (Character.isDigit(number.charAt(0))) {
      return new BigDecimal(number);
    }
    String digits = "零一二三四五六七八九";
    int total = 0;
    int current = 0;
    for (char c : number.toCharArray()) {
      if (c == '十') {
        total += (current == 0 ? 1 : current) * 10;
        current = 0;
      } else if (c == '两') {
        current = 2;
      } else if (digits.indexOf(c) >= 0) {
        current = digits.indexOf(c);
      } else {
        return null;
      }
    }
    return BigDecimal.valueOf(total + current);
  }
}
