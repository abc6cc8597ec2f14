package com.xiezuo.plan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The responsibility clause at the end of a task: "（责任单位：…；完成时限：…）", "（时间：1-11 月；责任单位：…）",
 * "（牵头单位：…；配合单位：…）", a bare unit list in brackets, or "X牵头，Y、Z配合。" as the last sentence.
 */
public record ResponsibilityClause(UnitNames.Responsibility responsibility, String deadlineText, String rest) {

  private static final Pattern LABEL = Pattern.compile(
      "^(责任单位|牵头单位|主责单位|责任部门|牵头部门|配合单位|配合部门|协办单位|参与单位|完成时限|完成时间|时间安排|时间|时限|截止时间|进度安排)：(.*)$");
  private static final Pattern LEAD_THEN_CO = Pattern.compile("([^。；]*?)(牵头|负责)[，,]([^。；]*?)(配合|协办|参与)[。]?\\s*$");
  private static final Pattern TRAILING = Pattern.compile("[。\\s]*$");
  private static final Pattern TRAILING_DEADLINE =
      Pattern.compile("[。）\\s](完成时限|完成时间|时限|时间)：([^（）。：]{1,30})$");

  /**
   * Finds the clause at the end of a task's text; {@code rest} is the text without it. A deadline may also stand
   * after the clause as its own line ("时限：1-6 月"), and units may be a "X牵头，Y配合" sentence before a
   * bracket that holds only the deadline.
   */
  public static Optional<ResponsibilityClause> find(String text) {
    String trimmed = TRAILING.matcher(text).replaceFirst("");
    String trailingDeadline = null;
    Matcher deadlineLine = TRAILING_DEADLINE.matcher(trimmed);
    if (deadlineLine.find()) {
      trailingDeadline = deadlineLine.group(2).trim();
      trimmed = TRAILING.matcher(trimmed.substring(0, deadlineLine.start(1))).replaceFirst("");
    }
    ResponsibilityClause bracketed = null;
    if (trimmed.endsWith("）")) {
      int open = matchingOpen(trimmed, trimmed.length() - 1);
      if (open >= 0) {
        String inner = trimmed.substring(open + 1, trimmed.length() - 1);
        bracketed = fromInner(inner, trimmed.substring(0, open).trim()).orElse(null);
      }
    }
    String deadline = bracketed != null && bracketed.deadlineText() != null ? bracketed.deadlineText() : trailingDeadline;
    if (bracketed != null && !bracketed.responsibility().isEmpty()) {
      return Optional.of(new ResponsibilityClause(bracketed.responsibility(), deadline, bracketed.rest()));
    }
    String beforeBracket = bracketed != null ? TRAILING.matcher(bracketed.rest()).replaceFirst("") : trimmed;
    Matcher m = LEAD_THEN_CO.matcher(beforeBracket);
    if (m.find()) {
      String units = m.group(1) + m.group(2) + "，" + m.group(3) + m.group(4);
      if (UnitNames.isUnitList(units)) {
        String rest = beforeBracket.substring(0, m.start()).trim();
        return Optional.of(new ResponsibilityClause(UnitNames.parse(units), deadline, rest));
      }
    }
    if (bracketed != null || trailingDeadline != null) {
      String rest = bracketed != null ? bracketed.rest() : trimmed;
      return Optional.of(new ResponsibilityClause(new UnitNames.Responsibility(null, List.of()), deadline, rest));
    }
    return Optional.empty();
  }

  static Optional<ResponsibilityClause> fromInner(String inner, String rest) {
    List<String> parts = splitTopLevel(inner);
    StringBuilder units = new StringBuilder();
    String lead = null;
    List<String> co = new ArrayList<>();
    String deadline = null;
    boolean labelled = false;
    String lastRole = null;
    for (String part : parts) {
      Matcher m = LABEL.matcher(part.trim());
      if (m.matches()) {
        labelled = true;
        String label = m.group(1);
        String value = m.group(2).trim();
        if (label.contains("时")) {
          deadline = value;
          lastRole = "deadline";
        } else if (label.startsWith("配合") || label.startsWith("协办") || label.startsWith("参与")) {
          co.addAll(UnitNames.parse(value).all());
          lastRole = "co";
        } else if (label.startsWith("牵头") || label.startsWith("主责")) {
          UnitNames.Responsibility leads = UnitNames.parse(value);
          lead = leads.lead();
          co.addAll(0, leads.coUnits());
          lastRole = "lead";
        } else {
          append(units, value);
          lastRole = "units";
        }
      } else if (UnitNames.isUnitList(part)) {
        if ("co".equals(lastRole)) {
          co.addAll(UnitNames.parse(part).all());
        } else {
          append(units, part);
          lastRole = "units";
        }
      } else if (deadline == null && DeadlineParser.parse(part, 2000).isPresent()) {
        deadline = part.trim();
        lastRole = "deadline";
      } else if (!labelled) {
        return Optional.empty();
      }
    }
    UnitNames.Responsibility responsibility;
    if (lead != null) {
      List<String> all = new ArrayList<>(co);
      if (!units.isEmpty()) {
        all.addAll(UnitNames.parse(units.toString()).all());
      }
      all.remove(lead);
      responsibility = new UnitNames.Responsibility(lead, all.stream().distinct().toList());
    } else if (!units.isEmpty()) {
      UnitNames.Responsibility parsed = UnitNames.parse(units.toString());
      List<String> all = new ArrayList<>(parsed.coUnits());
      all.addAll(co);
      responsibility = new UnitNames.Responsibility(parsed.lead(), all.stream().distinct().toList());
    } else if (!co.isEmpty()) {
      responsibility = new UnitNames.Responsibility(co.get(0), co.subList(1, co.size()));
    } else {
      responsibility = new UnitNames.Responsibility(null, List.of());
    }
    if (responsibility.isEmpty() && deadline == null) {
      return Optional.empty();
    }
    return Optional.of(new ResponsibilityClause(responsibility, deadline, rest));
  }

  private static void append(StringBuilder units, String value) {
    if (!units.isEmpty()) {
      units.append('、');
    }
    units.append(value);
  }

  /** Splits on ；outside nested brackets. */
  static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '（') {
        depth++;
      } else if (c == '）' && depth > 0) {
        depth--;
      }
      if (c == '；' && depth == 0) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts.stream().map(String::trim).filter(part -> !part.isEmpty()).toList();
  }

  static int matchingOpen(String text, int closeIndex) {
    int depth = 0;
    for (int i = closeIndex; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == '）') {
        depth++;
      } else if (c == '（') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }
}
