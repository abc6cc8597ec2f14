package com.xiezuo.plan.intake;

import com.xiezuo.plan.parse.ParsedIndicator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The 协议指标 column: one indicator a line, exactly as the export writes it ("资金 >= 420000000 元（力争 450000000）"). */
final class IndicatorLines {

  static final String FORMAT = "名称 >= 值 单位（力争 值）";
  private static final Pattern LINE = Pattern.compile(
      "^(?:(.*?)\\s+)?(>=|<=|=)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(\\S+?)(?:\\s*（力争\\s*([0-9]+(?:\\.[0-9]+)?)）)?$");

  private IndicatorLines() {}

  /** The indicators of a cell; {@code unreadable} receives each line that is none. */
  static List<ParsedIndicator> parse(String cell, List<String> unreadable) {
    List<ParsedIndicator> indicators = new ArrayList<>();
    for (String line : cell.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      Optional<ParsedIndicator> indicator = line(line.trim());
      if (indicator.isPresent()) {
        indicators.add(indicator.get());
      } else {
        unreadable.add(line.trim());
      }
    }
    return indicators;
  }

  private static Optional<ParsedIndicator> line(String line) {
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new ParsedIndicator(line, m.group(1), m.group(2), new BigDecimal(m.group(3)), m.group(4),
        m.group(5) == null ? null : new BigDecimal(m.group(5))));
  }
}
