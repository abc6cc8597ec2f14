package com.xiezuo.plan.parse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Title, issuer, document number and year, read from the part of a notice before its first numbered section. */
public record NoticeHeader(String title, Integer year, String issuer, String docNumber) {

  private static final Pattern DOC_NUMBER =
      Pattern.compile("[\\u4e00-\\u9fa5]{1,12}[〔\\[［](\\d{4})[〕\\]］]\\s*\\d+\\s*号");
  private static final Pattern QUOTED = Pattern.compile("《([^《》]{4,60})》");
  private static final Pattern PLAN_WORD = Pattern.compile(".*(要点|方案|计划|清单|安排|分工表|任务表|责任表)$");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})\\s*年");
  private static final Pattern SIGNATURE_DATE = Pattern.compile("^\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日$");
  private static final Pattern ISSUER = Pattern.compile(
      "^[\\u4e00-\\u9fa5（）]{4,30}(小组|委员会|办公室|人民政府|政府|管委会|局|办|委|部|中心)$");
  private static final Pattern INTRODUCES = Pattern.compile("(印发|草拟了|制定了?|现将|出台)$");

  public static NoticeHeader read(List<String> preamble, List<String> allLines, Integer requestedYear) {
    String docNumber = null;
    for (String line : preamble.subList(0, Math.min(8, preamble.size()))) {
      Matcher m = DOC_NUMBER.matcher(line);
      if (m.find()) {
        docNumber = m.group();
        break;
      }
    }
    StringBuilder joined = new StringBuilder();
    preamble.forEach(line -> NoticeText.join(joined, line));
    String flat = joined.toString();
    Integer year = requestedYear;
    String title = bestTitle(preamble, flat, year);
    if (year == null && title != null) {
      Matcher m = YEAR.matcher(title);
      year = m.find() ? Integer.valueOf(m.group(1)) : null;
      title = bestTitle(preamble, flat, year);
    }
    if (year == null && docNumber != null) {
      Matcher m = DOC_NUMBER.matcher(docNumber);
      year = m.find() ? Integer.valueOf(m.group(1)) : null;
    }
    String issuer = issuer(preamble);
    if (issuer == null) {
      issuer = issuer(allLines.subList(Math.max(0, allLines.size() - 12), allLines.size()));
    }
    return new NoticeHeader(title == null ? null : spaced(title), year, issuer, docNumber);
  }

  /** Titles are printed with spaces around numbers ("珠海市 2023 年…"); a line break may have eaten one. */
  static String spaced(String title) {
    return title.replaceAll("(?<=[\\u4e00-\\u9fa5])(?=\\d)|(?<=\\d)(?=[\\u4e00-\\u9fa5])", " ").replaceAll("\\s+", " ");
  }

  private static String bestTitle(List<String> preamble, String flat, Integer year) {
    String best = null;
    int bestScore = Integer.MIN_VALUE;
    Matcher m = QUOTED.matcher(flat);
    while (m.find()) {
      String candidate = m.group(1).trim();
      int score = score(candidate, year) + (INTRODUCES.matcher(flat.substring(0, m.start())).find() ? 2 : 0);
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    for (String line : preamble) {
      if (line.length() <= 40 && PLAN_WORD.matcher(line).matches() && !line.matches(".*[，。：；].*")) {
        int score = score(line, year) + 1;
        if (score > bestScore) {
          best = line;
          bestScore = score;
        }
      }
    }
    return best;
  }

  private static int score(String candidate, Integer year) {
    int score = 0;
    if (year != null && candidate.replace(" ", "").contains(year + "年")) {
      score += 3;
    } else if (YEAR.matcher(candidate).find()) {
      score += 1;
    }
    if (candidate.startsWith("关于")) {
      score -= 5;
    }
    if (candidate.contains("协作") || candidate.contains("帮扶")) {
      score += 1;
    }
    if (PLAN_WORD.matcher(candidate).matches()) {
      score += 1;
    }
    return score;
  }

  /**
   * Where a signature (the issuer's line, the date below it) stands after the last numbered line, -1 if none: what
   * follows the plan's last task is the sign-off, not part of that task.
   */
  static int trailingSignature(List<String> lines, java.util.function.Predicate<String> numbered) {
    for (int i = lines.size() - 2; i >= 0; i--) {
      if (numbered.test(lines.get(i))) {
        return -1;
      }
      if (ISSUER.matcher(lines.get(i)).matches() && SIGNATURE_DATE.matcher(lines.get(i + 1)).matches()) {
        return lines.subList(0, i).stream().anyMatch(numbered) ? i : -1;
      }
    }
    return -1;
  }

  private static String issuer(List<String> lines) {
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (ISSUER.matcher(lines.get(i)).matches() && SIGNATURE_DATE.matcher(lines.get(i + 1)).matches()) {
        return lines.get(i);
      }
    }
    return null;
  }
}
