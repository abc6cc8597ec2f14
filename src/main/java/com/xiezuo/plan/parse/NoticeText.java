package com.xiezuo.plan.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cleans text extracted from a published notice (Word or PDF): full-width digits and punctuation, page numbers,
 * running headers repeated on every page, and stray spaces inside words ("落 实", "区卫生健 康局").
 */
public final class NoticeText {

  private static final Pattern PAGE_NUMBER = Pattern.compile("^[—–\\-－_]+\\s*\\d{1,3}\\s*[—–\\-－_]+$|^第\\s*\\d+\\s*页.*$");
  private static final Pattern DATE_LINE = Pattern.compile("^\\d{4}\\s*年.*");
  private static final Pattern CLAUSE_PUNCTUATION = Pattern.compile("[：；。，、（）]");

  private NoticeText() {}

  /** The notice as cleaned, non-empty lines, in order; a table row copied from Word (cells parted by tabs) gives a line per cell. */
  public static List<String> lines(String raw) {
    List<String> lines = new ArrayList<>();
    for (String row : raw.split("\\R")) {
      for (String line : row.split("\t")) {
        String cleaned = cleanLine(line);
        if (!cleaned.isEmpty() && !PAGE_NUMBER.matcher(cleaned).matches()) {
          lines.add(cleaned);
        }
      }
    }
    return dropRunningHeaders(lines);
  }

  /** Full-width forms to ASCII digits/letters, one bracket and punctuation style, spaces only where they belong. */
  public static String cleanLine(String line) {
    StringBuilder out = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      out.append(normalizeChar(line.charAt(i)));
    }
    return collapseSpaces(out.toString());
  }

  static char normalizeChar(char c) {
    if (c >= '０' && c <= '９') {
      return (char) ('0' + (c - '０'));
    }
    if ((c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ')) {
      return (char) (c - 'Ａ' + 'A');
    }
    return switch (c) {
      case '(' -> '（';
      case ')' -> '）';
      case ':' -> '：';
      case ';' -> '；';
      case '．' -> '.';
      case '％' -> '%';
      case '\u3000', '\t', '\u00a0' -> ' ';
      case '－', '–' -> '-';
      default -> c;
    };
  }

  /** Removes spaces between two CJK characters (PDF artefacts) and collapses the rest to single spaces. */
  static String collapseSpaces(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        out.append(c);
        i++;
        continue;
      }
      int end = i;
      while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
        end++;
      }
      boolean atEdge = out.isEmpty() || end == text.length();
      if (!atEdge && !(isCjk(out.charAt(out.length() - 1)) && isCjk(text.charAt(end)))) {
        out.append(' ');
      }
      i = end;
    }
    return out.toString();
  }

  /** Joins a line to what came before, as if the line break were not there. */
  public static String join(String before, String after) {
    if (before.isEmpty()) {
      return after;
    }
    if (after.isEmpty()) {
      return before;
    }
    char last = before.charAt(before.length() - 1);
    char first = after.charAt(0);
    return isCjk(last) || isCjk(first) ? before + after : before + " " + after;
  }

  /** {@link #join(String, String)} onto a builder: joining many lines one string at a time is quadratic. */
  public static void join(StringBuilder before, String after) {
    if (!before.isEmpty() && !after.isEmpty() && !isCjk(before.charAt(before.length() - 1)) && !isCjk(after.charAt(0))) {
      before.append(' ');
    }
    before.append(after);
  }

  public static boolean isCjk(char c) {
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.HAN
        || (c >= '\u3000' && c <= '\u303f')
        || (c >= '\uff00' && c <= '\uffef')
        || c == '“' || c == '”' || c == '‘' || c == '’' || c == '—' || c == '…' || c == '·';
  }

  /**
   * A short line printed on every page (a running header or a repeated table header) is kept once; a line that
   * is a unit name is a table cell, which rows repeat.
   */
  private static List<String> dropRunningHeaders(List<String> lines) {
    Map<String, Integer> counts = new HashMap<>();
    lines.forEach(line -> counts.merge(line, 1, Integer::sum));
    Set<String> seen = new HashSet<>();
    List<String> kept = new ArrayList<>();
    for (String line : lines) {
      boolean runningHeader = counts.get(line) >= 3 && line.length() >= 6 && line.length() <= 40
          && !DATE_LINE.matcher(line).matches() && !CLAUSE_PUNCTUATION.matcher(line).find()
          && line.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count() >= 4
          && !UnitNames.isUnitList(line);
      if (!runningHeader || seen.add(line)) {
        kept.add(line);
      }
    }
    return kept;
  }
}
