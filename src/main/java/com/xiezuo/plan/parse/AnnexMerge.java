package com.xiezuo.plan.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Body and checklist annex describe the same tasks: the annex numbers them and usually states deadline and
 * units, the body gives the detail. Each annex row is matched to the body task it restates (by shared text,
 * within the same section); the merged task keeps the annex's number, units and deadline and the body's text.
 */
final class AnnexMerge {

  private static final double MIN_SIMILARITY = 0.3;

  private AnnexMerge() {}

  static List<ParsedTask> merge(List<ParsedTask> body, List<ChecklistAnnex.Row> rows, int year) {
    List<ParsedTask> annex = rows.stream().map(row -> fromRow(row, year)).toList();
    Map<Integer, Integer> bodyOfAnnex = match(annex, body);
    Set<Integer> matchedBody = new HashSet<>(bodyOfAnnex.values());
    List<ParsedTask> merged = new ArrayList<>();
    for (int a = 0; a < annex.size(); a++) {
      Integer b = bodyOfAnnex.get(a);
      merged.add(b == null ? annex.get(a) : combine(annex.get(a), body.get(b), rows.get(a).remark()));
    }
    for (int b = 0; b < body.size(); b++) {
      if (!matchedBody.contains(b)) {
        merged.add(body.get(b));
      }
    }
    return merged;
  }

  private static ParsedTask fromRow(ChecklistAnnex.Row row, int year) {
    UnitNames.Responsibility units = UnitNames.parse(row.units());
    Optional<DeadlineParser.Deadline> deadline = DeadlineParser.parse(row.deadlineText(), year);
    String title = row.text();
    int stop = title.indexOf('。');
    if (stop > 0 && stop <= 30) {
      title = title.substring(0, stop);
    } else if (title.length() > 30) {
      title = title.substring(0, 20) + "…";
    }
    String content = row.remark() == null ? row.text() : row.text() + "\n备注：" + row.remark();
    return new ParsedTask(row.number(), row.section(), title.replaceAll("[。；，]+$", ""), content, units.lead(),
        units.coUnits(), deadline.map(DeadlineParser.Deadline::date).orElse(LocalDate.of(year, 12, 31)),
        deadline.isPresent() ? row.deadlineText() : null, deadline.map(DeadlineParser.Deadline::yearRound).orElse(false),
        IndicatorExtractor.extract(row.text()), MilestoneExtractor.extract(row.text(), year));
  }

  private static ParsedTask combine(ParsedTask annex, ParsedTask body, String remark) {
    boolean annexHasUnits = annex.leadUnit() != null;
    boolean annexHasDeadline = annex.deadlineText() != null;
    List<ParsedIndicator> indicators = new ArrayList<>(body.indicators());
    for (ParsedIndicator indicator : annex.indicators()) {
      boolean duplicate = indicators.stream().anyMatch(known -> known.comparator().equals(indicator.comparator())
          && known.value().compareTo(indicator.value()) == 0 && known.unit().equals(indicator.unit()));
      if (!duplicate) {
        indicators.add(indicator);
      }
    }
    String content = remark == null ? body.content() : body.content() + "\n备注：" + remark;
    return new ParsedTask(annex.number(), annex.section() != null ? annex.section() : body.section(), body.title(),
        content, annexHasUnits ? annex.leadUnit() : body.leadUnit(),
        annexHasUnits ? annex.coUnits() : body.coUnits(),
        annexHasDeadline ? annex.deadline() : body.deadline(),
        annexHasDeadline ? annex.deadlineText() : body.deadlineText(),
        annexHasDeadline ? annex.yearRound() : body.yearRound(), indicators, body.milestones());
  }

  /** One-to-one, best pairs first, each above a minimum share of the annex row's text found in the body task. */
  private static Map<Integer, Integer> match(List<ParsedTask> annex, List<ParsedTask> body) {
    boolean sectioned = body.stream().allMatch(task -> task.number().contains("."));
    List<double[]> pairs = new ArrayList<>();
    for (int a = 0; a < annex.size(); a++) {
      Set<String> annexGrams = bigrams(annex.get(a).content());
      for (int b = 0; b < body.size(); b++) {
        if (sectioned && !sectionOf(annex.get(a).number()).equals(sectionOf(body.get(b).number()))) {
          continue;
        }
        Set<String> bodyGrams = bigrams(body.get(b).title() + body.get(b).content());
        double shared = annexGrams.stream().filter(bodyGrams::contains).count();
        double score = annexGrams.isEmpty() ? 0 : shared / annexGrams.size();
        if (score >= MIN_SIMILARITY) {
          pairs.add(new double[] {score, a, b});
        }
      }
    }
    pairs.sort((x, y) -> Double.compare(y[0], x[0]));
    Map<Integer, Integer> matched = new HashMap<>();
    Set<Integer> usedBody = new HashSet<>();
    for (double[] pair : pairs) {
      int a = (int) pair[1];
      int b = (int) pair[2];
      if (!matched.containsKey(a) && !usedBody.contains(b)) {
        matched.put(a, b);
        usedBody.add(b);
      }
    }
    return matched;
  }

  private static String sectionOf(String number) {
    int end = 0;
    while (end < number.length() && Character.isDigit(number.charAt(end))) {
      end++;
    }
    return number.substring(0, end);
  }

  private static Set<String> bigrams(String text) {
    String compact = text.replaceAll("[\\s\\p{Punct}，。、；：（）“”《》]", "");
    Set<String> grams = new HashSet<>();
    for (int i = 0; i + 1 < compact.length(); i++) {
      grams.add(compact.substring(i, i + 2));
    }
    return grams;
  }
}
