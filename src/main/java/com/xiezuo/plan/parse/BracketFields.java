package com.xiezuo.plan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields inside one bracket: "责任单位：…；完成时限：…", "牵头单位：X，配合单位：Y", "X牵头，Y配合，10 月底前完成", a
 * bare unit list, a deadline alone. Empty when the bracket holds anything else (a remark, an example).
 */
final class BracketFields {

  private static final Pattern LABEL =
      Pattern.compile("^(" + ResponsibilityClause.LABEL_WORDS + ")[：:](.*)$");

  private BracketFields() {}

  static Optional<ResponsibilityClause> read(String inner, String rest) {
    return read(inner, rest, Lexicon.NONE);
  }

  static Optional<ResponsibilityClause> read(String inner, String rest, Lexicon lexicon) {
    List<String> parts = new ArrayList<>();
    for (String part : splitTopLevel(inner)) {
      parts.addAll(splitOnCommas(part));
    }
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
        } else if (label.startsWith("配合") || label.startsWith("协办") || label.startsWith("参与")
            || label.startsWith("协助")) {
          co.addAll(UnitNames.parse(value, lexicon).all());
          lastRole = "co";
        } else if (label.startsWith("牵头") || label.startsWith("主责") || label.startsWith("主办")) {
          UnitNames.Responsibility leads = UnitNames.parse(value, lexicon);
          lead = leads.lead();
          co.addAll(0, leads.coUnits());
          lastRole = "lead";
        } else {
          append(units, value);
          lastRole = "units";
        }
      } else if (UnitNames.isUnitList(part, lexicon)) {
        if ("co".equals(lastRole)) {
          co.addAll(UnitNames.parse(part, lexicon).all());
        } else {
          append(units, part);
          lastRole = "units";
        }
      } else if (deadline == null && part.length() <= 30
          && (DeadlineParser.parse(part, 2000).isPresent() || looksLikeADate(part) && !units.isEmpty())) {
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
        all.addAll(UnitNames.parse(units.toString(), lexicon).all());
      }
      all.remove(lead);
      responsibility = new UnitNames.Responsibility(lead, all.stream().distinct().toList());
    } else if (!units.isEmpty()) {
      UnitNames.Responsibility parsed = UnitNames.parse(units.toString(), lexicon);
      List<String> all = new ArrayList<>(parsed.coUnits());
      all.addAll(co);
      responsibility = new UnitNames.Responsibility(parsed.lead(),
          all.stream().filter(name -> !name.equals(parsed.lead())).distinct().toList());
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

  /**
   * "于2025年第三季度末完成", "2025.9.30前": after units, a short part about finishing by a date is the deadline even
   * when it cannot be read; the coordinator is told so rather than losing the units.
   */
  private static boolean looksLikeADate(String part) {
    return part.matches(".*(\\d|完成|底前|之前|以前).*") && !part.contains("：");
  }

  private static void append(StringBuilder units, String value) {
    if (!units.isEmpty()) {
      units.append('、');
    }
    units.append(value);
  }

  /** "牵头单位：X，配合单位：Y", "X牵头，Y配合，10 月底前完成": commas part a bracket's fields as ；does. */
  private static List<String> splitOnCommas(String part) {
    List<String> pieces = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == '（') {
        depth++;
      } else if (c == '）' && depth > 0) {
        depth--;
      } else if (c == '，' && depth == 0) {
        pieces.add(part.substring(start, i).trim());
        start = i + 1;
      }
    }
    pieces.add(part.substring(start).trim());
    return pieces.stream().filter(piece -> !piece.isEmpty()).toList();
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
}
