package com.xiezuo.plan.parse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quantitative targets: with a comparator ("不少于 4.2 亿元", "控制在 55%，力争达到 60%", "不低于 155 人",
 * "20 人次以上", "至少各 1 次", "互访共 4 次") or stated as what a task delivers ("安排财政帮扶资金 11.7 亿元" is
 * exactly that sum, "培训农村劳动力 500 人次" at least that many). A number that only describes the setting
 * ("区内 8 个镇", "2 个结对县") has no delivering verb before it and is not a target: a false indicator would be
 * reported on all year.
 */
public final class IndicatorExtractor {

  private static final String NUMBER = "(\\d+(?:\\.\\d+)?|[一两二三四五六七八九十]+)";
  private static final String UNIT =
      "(个百分点|亿元|万元|元|万人次|万人|人次|人|名|次|个|家|期|场次|场|所|项|批次|批|户|万亩|亩|万吨|吨|天|篇|条|台|套|村|"
          + "万平方米|平方米|对|部|%)";

  private static final Pattern STRETCH = Pattern.compile(
      "(?:控制在|保持在|稳定在|达到)\\s*" + NUMBER + "\\s*" + UNIT + "\\s*[，、]?\\s*力争(?:达到)?\\s*" + NUMBER + "\\s*" + UNIT + "?");
  private static final Pattern AT_LEAST = Pattern.compile(
      "(不少于|不低于|不小于|至少|力争达到|力争|达到|超过)\\s*(?:各|每年|每月|总额的|总量的|总数的)?\\s*" + NUMBER + "\\s*" + UNIT);
  private static final Pattern AT_MOST =
      Pattern.compile("(不超过|不高于|不多于|控制在)[^，。；、\\d]{0,12}?" + NUMBER + "\\s*" + UNIT + "\\s*(以内|以下)?");
  /** A number and measure with a delivering verb before it in the same clause, at most a short object between. */
  private static final Pattern DELIVERED = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*" + UNIT);
  private static final Pattern DELIVERING_VERB = Pattern.compile(
      "(安排|投入|拨付|援助|筹集|募集|落实|争取|带动|新增|培训|举办|举行|召开|引导|帮助|转移|吸纳|选派|互派|招收|建设|建成|新建|"
          + "共建|设立|新设|设置|培育|认定|打造|采购|销售|签订|推出|刊发|发布|报送|开设|实施|完成|接待|组建|输送|捐赠|资助|开展|组织|创建|推动|"
          + "推进|引进|引入|招引)"
          + "([^，。；：\\d]{0,16})$");
  /** Words between verb and number that make the number a description of what exists, not a target. */
  private static final Pattern SETTING = Pattern.compile("区内|全区|全市|全县|两地|所有|其中|每个|已|现有|(每|第|前|近|约|的)\\s*$");
  private static final Pattern MONEY = Pattern.compile("亿元|万元|元");
  private static final Pattern SUFFIX = Pattern.compile(NUMBER + "\\s*" + UNIT + "\\s*(以上|及以上|以内|以下)");
  private static final Pattern TOTAL = Pattern.compile("共\\s*" + NUMBER + "\\s*" + UNIT);
  private static final int MAX_STATEMENT = 200;
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
    m = DELIVERED.matcher(text);
    while (m.find()) {
      if (delivered(text, m.start(), m.end())) {
        String comparator = MONEY.matcher(m.group(2)).matches() ? "=" : ">=";
        add(found, taken, text, m.start(), m.end(), comparator, scaled(m.group(1), m.group(2)), baseUnit(m.group(2)),
            null);
      }
    }
    // found and taken grow together: each indicator's span is where it was read, the order a reader meets them
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> Integer.compare(taken.get(a)[0], taken.get(b)[0]));
    return withStretches(order.stream().map(found::get).toList());
  }

  /** A delivering verb shortly before the number, in its clause, and nothing that makes it a description. */
  private static boolean delivered(String text, int start, int end) {
    int clauseStart = lastBoundary(text, start, "。；，：");
    String before = DELIVERED.matcher(text.substring(Math.max(clauseStart, start - 40), start)).replaceAll("");
    Matcher verb = DELIVERING_VERB.matcher(before);
    if (!verb.find()) {
      return false;
    }
    String between = verb.group(2);
    boolean followedByOf = end < text.length() && text.charAt(end) == '的';
    boolean insideQuotes = between.lastIndexOf('“') > between.lastIndexOf('”');
    boolean summingUp = between.trim().endsWith("等");
    return !SETTING.matcher(between).find() && !followedByOf && !between.contains("年") && !insideQuotes && !summingUp;
  }

  /** "引导 10 家企业…，力争达到 15 家": the second figure is the first one's stretch target, not a target of its own. */
  private static List<ParsedIndicator> withStretches(List<ParsedIndicator> indicators) {
    List<ParsedIndicator> merged = new ArrayList<>();
    for (ParsedIndicator indicator : indicators) {
      ParsedIndicator previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      boolean stretchOfPrevious = previous != null && indicator.text().startsWith("力争") && previous.stretch() == null
          && previous.unit().equals(indicator.unit()) && ">=".equals(previous.comparator())
          && indicator.value().compareTo(previous.value()) > 0;
      if (stretchOfPrevious) {
        merged.set(merged.size() - 1, new ParsedIndicator(previous.text() + "，" + indicator.text(), previous.name(),
            previous.comparator(), previous.value(), previous.unit(), indicator.value()));
      } else {
        merged.add(indicator);
      }
    }
    return merged;
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

  /** Just after the last clause mark before {@code before}, looking back no further than a statement runs. */
  private static int lastClauseBoundary(String text, int before) {
    return lastBoundary(text, before, "。；，、：");
  }

  private static int lastBoundary(String text, int before, String marks) {
    int limit = Math.max(0, before - MAX_STATEMENT);
    for (int i = before - 1; i >= limit; i--) {
      if (marks.indexOf(text.charAt(i)) >= 0) {
        return i + 1;
      }
    }
    return limit;
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
