package com.xiezuo.plan.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores the notice parser against hand-written gold files (src/test/resources/notices/*.gold.json) and prints
 * the figures: tasks found/expected, unit precision/recall, lead, deadline, indicator recall, milestones.
 *
 * <p>Run: {@code mvn -q test-compile exec:java@parser-accuracy}
 */
public final class ParserAccuracy {

  /** The corpus in the order its layouts were added; each newer gold records the parser's first-sight score. */
  public static final List<String> GOLD_FILES = List.of("notices/zhuhai-2023.gold.json",
      "notices/jianghai-2019.gold.json", "notices/xiangzhou-2024.gold.json", "notices/doumen-2025.gold.json",
      "notices/haicheng-2023.gold.json", "notices/heling-2024.gold.json", "notices/chenghu-2025.gold.json",
      "notices/lanwan-2023.gold.json", "notices/jianglan-2024.gold.json", "notices/rongwan-2025.gold.json",
      "notices/chengling-2024.gold.json", "notices/luting-2025.gold.json", "notices/censhan-2025.gold.json");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Counts for one notice; ratios are computed from them. */
  public static final class Score {
    public final String name;
    int expectedTasks;
    int foundTasks;
    int extraTasks;
    int unitsExpected;
    int unitsFound;
    int unitsCorrect;
    int leadsCorrect;
    int deadlinesCorrect;
    int indicatorsExpected;
    int indicatorsFound;
    int indicatorsReported;
    int indicatorsReportedCorrect;
    int milestonesExpected;
    int milestonesFound;
    int headerFields;
    int headerCorrect;
    final List<String> misses = new ArrayList<>();

    Score(String name) {
      this.name = name;
    }

    public double taskRecall() {
      return ratio(foundTasks, expectedTasks);
    }

    public double unitPrecision() {
      return ratio(unitsCorrect, unitsFound);
    }

    public double unitRecall() {
      return ratio(unitsCorrect, unitsExpected);
    }

    public double leadAccuracy() {
      return ratio(leadsCorrect, expectedTasks);
    }

    public double deadlineAccuracy() {
      return ratio(deadlinesCorrect, expectedTasks);
    }

    public double indicatorRecall() {
      return ratio(indicatorsFound, indicatorsExpected);
    }

    /** Share of the indicators the parser reports that the gold has: a false target is reported on all year. */
    public double indicatorPrecision() {
      return ratio(indicatorsReportedCorrect, indicatorsReported);
    }

    public double milestoneRecall() {
      return ratio(milestonesFound, milestonesExpected);
    }

    /** Harmonic mean of unit precision and recall. */
    public double unitF1() {
      double p = unitPrecision();
      double r = unitRecall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Tasks found exactly: every expected number found and none extra. */
    public boolean taskCountExact() {
      return foundTasks == expectedTasks && extraTasks == 0;
    }

    public double headerAccuracy() {
      return ratio(headerCorrect, headerFields);
    }

    public List<String> misses() {
      return misses;
    }

    void add(Score other) {
      expectedTasks += other.expectedTasks;
      foundTasks += other.foundTasks;
      extraTasks += other.extraTasks;
      unitsExpected += other.unitsExpected;
      unitsFound += other.unitsFound;
      unitsCorrect += other.unitsCorrect;
      leadsCorrect += other.leadsCorrect;
      deadlinesCorrect += other.deadlinesCorrect;
      indicatorsExpected += other.indicatorsExpected;
      indicatorsFound += other.indicatorsFound;
      indicatorsReported += other.indicatorsReported;
      indicatorsReportedCorrect += other.indicatorsReportedCorrect;
      milestonesExpected += other.milestonesExpected;
      milestonesFound += other.milestonesFound;
      headerFields += other.headerFields;
      headerCorrect += other.headerCorrect;
    }

    private static double ratio(int part, int whole) {
      return whole == 0 ? 1.0 : (double) part / whole;
    }
  }

  public static Score score(String goldResource) throws IOException {
    JsonNode gold = read(goldResource);
    String notice = new String(resource(gold.path("notice").asText()).readAllBytes(), StandardCharsets.UTF_8);
    return score(gold, notice);
  }

  /** A gold file outside the corpus (new material, scored at first sight): its notice lies beside it. */
  public static Score scoreFile(java.nio.file.Path goldFile) throws IOException {
    JsonNode gold = JSON.readTree(goldFile.toFile());
    java.nio.file.Path notice = goldFile.resolveSibling(java.nio.file.Path.of(gold.path("notice").asText()).getFileName());
    return score(gold, java.nio.file.Files.readString(notice));
  }

  static Score score(JsonNode gold, String notice) {
    ParsedPlan plan;
    try {
      plan = new NoticeParser().parse(notice, gold.path("year").asInt());
    } catch (NoticeParseException e) {
      plan = new ParsedPlan(null, gold.path("year").asInt(), null, null, List.of());
    }
    Score score = new Score(gold.path("notice").asText());
    header(score, "title", gold.path("title"), plan.title());
    header(score, "issuer", gold.path("issuer"), plan.issuer());
    header(score, "docNumber", gold.path("docNumber"), plan.docNumber());

    Map<String, ParsedTask> parsed = new LinkedHashMap<>();
    plan.tasks().forEach(task -> parsed.put(task.number(), task));
    Set<String> expectedNumbers = new HashSet<>();
    for (JsonNode expected : gold.path("tasks")) {
      String number = expected.path("number").asText();
      expectedNumbers.add(number);
      score.expectedTasks++;
      List<String> expectedUnits = units(expected.path("leadUnit").asText(null), expected.path("coUnits"));
      score.unitsExpected += expectedUnits.size();
      score.indicatorsExpected += expected.path("indicators").size();
      score.milestonesExpected += expected.path("milestones").size();
      ParsedTask task = parsed.get(number);
      if (task == null) {
        score.misses.add(number + ": task not found");
        continue;
      }
      score.foundTasks++;
      List<String> foundUnits = units(task.leadUnit(), task.coUnits());
      score.unitsFound += foundUnits.size();
      for (String unit : foundUnits) {
        if (expectedUnits.contains(unit)) {
          score.unitsCorrect++;
        } else {
          score.misses.add(number + ": unexpected unit " + unit);
        }
      }
      expectedUnits.stream().filter(unit -> !foundUnits.contains(unit))
          .forEach(unit -> score.misses.add(number + ": missing unit " + unit));
      if (expected.path("leadUnit").asText("").equals(task.leadUnit() == null ? "" : task.leadUnit())) {
        score.leadsCorrect++;
      } else {
        score.misses.add(number + ": lead " + task.leadUnit() + ", expected " + expected.path("leadUnit").asText());
      }
      boolean deadlineOk = expected.path("deadline").asText().equals(String.valueOf(task.deadline()))
          && expected.path("yearRound").asBoolean() == task.yearRound();
      if (deadlineOk) {
        score.deadlinesCorrect++;
      } else {
        score.misses.add(number + ": deadline " + task.deadline() + (task.yearRound() ? " (year-round)" : "")
            + ", expected " + expected.path("deadline").asText() + (expected.path("yearRound").asBoolean() ? " (year-round)" : ""));
      }
      for (JsonNode indicator : expected.path("indicators")) {
        if (task.indicators().stream().anyMatch(found -> sameIndicator(indicator, found))) {
          score.indicatorsFound++;
        } else {
          score.misses.add(number + ": indicator not found " + indicator);
        }
      }
      for (ParsedIndicator reported : task.indicators()) {
        score.indicatorsReported++;
        boolean known = false;
        for (JsonNode indicator : expected.path("indicators")) {
          known |= sameIndicator(indicator, reported);
        }
        if (known) {
          score.indicatorsReportedCorrect++;
        } else {
          score.misses.add(number + ": unexpected indicator " + reported.text() + " " + reported.comparator() + " "
              + reported.value().toPlainString() + " " + reported.unit());
        }
      }
      for (JsonNode milestone : expected.path("milestones")) {
        if (task.milestones().stream().anyMatch(found -> found.date().toString().equals(milestone.asText()))) {
          score.milestonesFound++;
        } else {
          score.misses.add(number + ": milestone not found " + milestone.asText());
        }
      }
    }
    for (ParsedTask task : plan.tasks()) {
      if (!expectedNumbers.contains(task.number())) {
        score.extraTasks++;
        score.unitsFound += units(task.leadUnit(), task.coUnits()).size();
        score.misses.add(task.number() + ": extra task " + task.title());
      }
    }
    return score;
  }

  private static boolean sameIndicator(JsonNode expected, ParsedIndicator found) {
    BigDecimal stretch = expected.hasNonNull("stretch") ? expected.path("stretch").decimalValue() : null;
    return expected.path("comparator").asText().equals(found.comparator())
        && expected.path("value").decimalValue().compareTo(found.value()) == 0
        && expected.path("unit").asText().equals(found.unit())
        && (stretch == null ? found.stretch() == null : found.stretch() != null && stretch.compareTo(found.stretch()) == 0);
  }

  private static void header(Score score, String field, JsonNode expected, String found) {
    score.headerFields++;
    String want = expected.isNull() || expected.isMissingNode() ? null : expected.asText().replace(" ", "");
    String got = found == null ? null : found.replace(" ", "");
    if (want == null ? got == null : want.equals(got)) {
      score.headerCorrect++;
    } else {
      score.misses.add("header " + field + ": " + found + ", expected " + expected);
    }
  }

  private static List<String> units(String lead, Iterable<?> co) {
    List<String> units = new ArrayList<>();
    if (lead != null) {
      units.add(lead);
    }
    for (Object unit : co) {
      units.add(unit instanceof JsonNode node ? node.asText() : unit.toString());
    }
    return units;
  }

  private static JsonNode read(String resource) throws IOException {
    try (InputStream in = resource(resource)) {
      return JSON.readTree(in);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = ParserAccuracy.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalArgumentException("no resource " + name);
    }
    return in;
  }

  public static void main(String[] args) throws IOException {
    Score total = new Score("all notices");
    Map<String, Score> scores = new LinkedHashMap<>();
    System.out.printf("%-36s %11s %6s %9s %9s %7s %6s %8s %9s %9s %10s %7s%n", "notice", "tasks", "extra", "unit P",
        "unit R", "unit F1", "lead", "deadline", "indic. P", "indic. R", "milest. R", "header");
    List<String> golds = new ArrayList<>(GOLD_FILES);
    if (args.length > 0) {
      golds.clear();
      for (String arg : args) {
        java.nio.file.Path path = java.nio.file.Path.of(arg);
        if (java.nio.file.Files.isDirectory(path)) {
          try (var files = java.nio.file.Files.list(path)) {
            files.map(Object::toString).filter(name -> name.endsWith(".gold.json")).sorted().forEach(golds::add);
          }
        } else {
          golds.add(arg);
        }
      }
    }
    for (String gold : golds) {
      Score score = args.length > 0 ? scoreFile(java.nio.file.Path.of(gold)) : score(gold);
      scores.put(gold, score);
      total.add(score);
      print(score);
    }
    print(total);
    if (args.length == 0) {
      firstSight(scores);
    }
    for (Score score : scores.values()) {
      score.misses.forEach(miss -> System.out.println("  " + score.name + " — " + miss));
    }
  }

  /** Each layout's score the day it was added, beside today's: what a user should expect on a document of their own. */
  private static void firstSight(Map<String, Score> scores) throws IOException {
    System.out.printf("%n%-36s %-22s %12s %9s %12s %9s%n", "notice", "added", "first tasks", "first F1", "now tasks",
        "now F1");
    for (Map.Entry<String, Score> entry : scores.entrySet()) {
      JsonNode gold = read(entry.getKey());
      JsonNode first = gold.path("firstSight");
      Score now = entry.getValue();
      System.out.printf("%-36s %-22s %12s %9s %12s %9.3f%n", now.name, gold.path("added").asText("while building"),
          first.isObject() ? first.path("tasks").asText() : "—",
          first.isObject() ? String.format("%.3f", first.path("unitF1").asDouble()) : "—",
          now.foundTasks + "/" + now.expectedTasks + (now.extraTasks > 0 ? "+" + now.extraTasks : ""), now.unitF1());
    }
  }

  private static void print(Score s) {
    System.out.printf("%-36s %5d/%-5d %6d %9.3f %9.3f %7.3f %6.3f %8.3f %9.3f %9.3f %10.3f %7.3f%n", s.name,
        s.foundTasks, s.expectedTasks, s.extraTasks, s.unitPrecision(), s.unitRecall(), s.unitF1(), s.leadAccuracy(),
        s.deadlineAccuracy(), s.indicatorPrecision(), s.indicatorRecall(), s.milestoneRecall(), s.headerAccuracy());
  }
}
