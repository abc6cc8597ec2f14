package com.xiezuo.plan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who is responsible for a task and by when, wherever the task's text says it: a bracket ("（责任单位：…；完成时限：…）",
 * "（区财政局、各镇）", "（X牵头，Y配合）") at the end or inside a paragraph, labels standing free ("牵头单位：…",
 * "配合单位：…", "完成时限：…", often on lines of their own), and sentences naming units with a marker ("由X负责",
 * "X等负责", "X牵头，Y、Z配合"). {@code rest} is the text without what was read. Every step is a linear scan.
 */
public record ResponsibilityClause(UnitNames.Responsibility responsibility, String deadlineText, String rest) {

  static final String LABEL_WORDS = "责任单位|牵头单位|主责单位|责任部门|牵头部门|主办单位|配合单位|配合部门|协办单位|参与单位|"
      + "协助单位|完成时限|完成时间|时间安排|时间节点|时间要求|截止时间|进度安排|时限|时间";
  private static final Pattern INLINE_LABEL = Pattern.compile("(" + LABEL_WORDS + ")：");
  private static final Pattern TRAILING = Pattern.compile("[。；，\\s]*$");
  private static final Pattern LEAD_WORD = Pattern.compile("牵头|负责|主责|主办");
  private static final Pattern CO_WORD = Pattern.compile("配合|协助|协办|参与|统筹指导|指导|督导");
  /** What follows a marker when it is not about who does the task: 负责同志, 牵头单位要…, 负责人. */
  private static final Pattern NOT_A_ROLE = Pattern.compile("^(同志|人|的|制|单位|部门|领导|抓总的|责任)");
  private static final Pattern CLAUSE_OPENER = Pattern.compile("^(并由|同时由|由|请|要求|明确由|明确)");
  private static final int MAX_UNIT_PREFIX = 160;
  private static final int CLOSING_DEADLINE = 16;

  /** One statement of responsibility found in the text; {@code explicitLead} when it marks its lead. */
  private record Mention(int at, UnitNames.Responsibility units, boolean explicitLead) {}

  public static Optional<ResponsibilityClause> find(String text) {
    return find(text, Lexicon.NONE);
  }

  /** What one reading of a task's text has found so far, and which spans of the text it has read. */
  private static final class Reading {
    final String text;
    final Lexicon lexicon;
    final List<Mention> mentions = new ArrayList<>();
    final List<int[]> read = new ArrayList<>();
    String endDeadline;
    String labelDeadline;

    Reading(String text, Lexicon lexicon) {
      this.text = text;
      this.lexicon = lexicon;
    }
  }

  public static Optional<ResponsibilityClause> find(String text, Lexicon lexicon) {
    Reading reading = new Reading(TRAILING.matcher(text).replaceFirst(""), lexicon);
    brackets(reading);
    labels(reading);
    markedSentences(blankOut(reading.text, reading.read), lexicon, reading.mentions, reading.read);
    if (reading.endDeadline == null && reading.labelDeadline == null && !reading.mentions.isEmpty()) {
      closingDeadline(reading);
    }
    if (reading.mentions.isEmpty() && reading.endDeadline == null && reading.labelDeadline == null) {
      return Optional.empty();
    }
    reading.mentions.sort((a, b) -> Integer.compare(a.at(), b.at()));
    String deadline = reading.endDeadline != null ? reading.endDeadline : reading.labelDeadline;
    return Optional.of(new ResponsibilityClause(merge(reading.mentions), deadline, rest(reading.text, reading.read)));
  }

  /**
   * "由X牵头，Y按职责分工负责，10 月底前完成。": a short clause closing the text that says by when, after the units, is
   * the task's deadline.
   */
  private static void closingDeadline(Reading reading) {
    String text = blankOut(reading.text, reading.read);
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\u0000' || "。；， ".indexOf(text.charAt(end - 1)) >= 0)) {
      end--;
    }
    int start = end;
    while (start > 0 && end - start <= CLOSING_DEADLINE && "。；，\u0000\n".indexOf(text.charAt(start - 1)) < 0) {
      start--;
    }
    String clause = text.substring(start, end).trim();
    boolean byWhen = clause.endsWith("完成") || clause.endsWith("前") || clause.endsWith("底") || clause.endsWith("到位");
    if (end - start <= CLOSING_DEADLINE && byWhen && DeadlineParser.parse(clause, 2000).isPresent()) {
      reading.labelDeadline = clause;
      reading.read.add(new int[] {start, end});
    }
  }

  /**
   * Brackets: the one closing the text is read whatever it holds; one inside a paragraph only when it is labelled,
   * marks roles, or is a list of proper unit names closing its sentence.
   */
  private static void brackets(Reading reading) {
    String text = reading.text;
    for (int[] bracket : topLevelBrackets(text)) {
      int open = bracket[0];
      int close = bracket[1];
      boolean atEnd = close == text.length() - 1;
      boolean endsSentence = atEnd || "。；，\n".indexOf(text.charAt(close + 1)) >= 0;
      String inner = text.substring(open + 1, close);
      Optional<ResponsibilityClause> clause = BracketFields.read(inner, "", reading.lexicon);
      if (clause.isEmpty()) {
        continue;
      }
      boolean hasUnits = !clause.get().responsibility().isEmpty();
      boolean labelled = INLINE_LABEL.matcher(inner).find();
      boolean leads = LEAD_WORD.matcher(inner).find();
      boolean marked = leads || CO_WORD.matcher(inner).find();
      boolean plainList = hasUnits && !labelled && !marked;
      if (!atEnd && !labelled && !marked && (!endsSentence || !plainList || !substantial(clause.get().responsibility()))) {
        continue;
      }
      if (hasUnits) {
        reading.mentions.add(new Mention(open, clause.get().responsibility(),
            labelled && inner.contains("牵头") || marked && leads));
      }
      if (clause.get().deadlineText() != null && (atEnd || labelled)) {
        reading.endDeadline = clause.get().deadlineText();
      }
      reading.read.add(new int[] {open, close + 1});
    }
  }

  /** Labels standing free ("牵头单位：…", "完成时限：…"): each value runs to the next label or the sentence's end. */
  private static void labels(Reading reading) {
    String outside = blankOut(reading.text, reading.read);
    Matcher label = INLINE_LABEL.matcher(outside);
    List<int[]> labels = new ArrayList<>();
    while (label.find()) {
      if (label.start() == 0 || !Character.isLetter(outside.charAt(label.start() - 1))
          || isClauseBoundary(outside.charAt(label.start() - 1)) || startsLabelAfterUnit(outside, label.start())) {
        labels.add(new int[] {label.start(), label.end()});
      }
    }
    for (int i = 0; i < labels.size(); i++) {
      int valueStart = labels.get(i)[1];
      int valueEnd = i + 1 < labels.size() ? labels.get(i + 1)[0] : outside.length();
      int stop = firstStop(outside, valueStart, valueEnd);
      String name = outside.substring(labels.get(i)[0], labels.get(i)[1] - 1);
      String value = outside.substring(valueStart, stop).trim();
      if (name.contains("时")) {
        if (DeadlineParser.parse(value, 2000).isPresent()) {
          reading.labelDeadline = value;
          reading.read.add(new int[] {labels.get(i)[0], stop});
        }
        continue;
      }
      String units = unitPrefix(value, reading.lexicon);
      if (units.isEmpty()) {
        continue;
      }
      UnitNames.Responsibility parsed = UnitNames.parse(units, reading.lexicon);
      boolean co = name.startsWith("配合") || name.startsWith("协办") || name.startsWith("参与") || name.startsWith("协助");
      reading.mentions.add(new Mention(labels.get(i)[0], co ? new UnitNames.Responsibility(null, parsed.all()) : parsed,
          name.startsWith("牵头") || name.startsWith("主责") || name.startsWith("主办")));
      reading.read.add(new int[] {labels.get(i)[0], Math.max(stop, valueStart + units.length())});
    }
  }

  /** "X牵头", "由X负责…", "X等负责", "Y、Z配合": a clause opening with a unit list and a marker. */
  private static void markedSentences(String text, Lexicon lexicon, List<Mention> mentions, List<int[]> read) {
    int start = 0;
    int depth = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : '。';
      if (c == '（') {
        depth++;
      } else if (c == '）' && depth > 0) {
        depth--;
      }
      if (depth == 0 && (c == '，' || c == '。' || c == '；' || c == '：' || c == '\n' || c == '\u0000' || i == text.length())) {
        if (i > start) {
          markedClause(text, start, i, lexicon, mentions, read);
        }
        start = i + 1;
      }
    }
  }

  private static void markedClause(String text, int start, int end, Lexicon lexicon, List<Mention> mentions,
      List<int[]> read) {
    String clause = text.substring(start, end);
    Matcher opener = CLAUSE_OPENER.matcher(clause);
    int from = opener.lookingAt() ? opener.end() : 0;
    for (Pattern marker : new Pattern[] {LEAD_WORD, CO_WORD}) {
      Matcher m = marker.matcher(clause);
      while (m.find()) {
        if (m.start() <= from) {
          continue;
        }
        String after = clause.substring(m.end());
        if (NOT_A_ROLE.matcher(after).lookingAt()) {
          continue;
        }
        int unitsFrom = unitsStart(clause, from, m.start());
        if (m.start() - unitsFrom > MAX_UNIT_PREFIX) {
          continue;
        }
        String prefix = UnitNames.withoutManner(clause.substring(unitsFrom, m.start()));
        if (!UnitNames.isUnitList(prefix, lexicon) || !substantialList(prefix, lexicon)) {
          continue;
        }
        UnitNames.Responsibility units = UnitNames.parse(prefix, lexicon);
        boolean lead = marker == LEAD_WORD;
        mentions.add(new Mention(start, lead ? units : new UnitNames.Responsibility(null, units.all()), lead));
        if (after.isBlank()) {
          read.add(new int[] {start, end + 1 <= text.length() ? end + 1 : end});
        }
        return;
      }
    }
  }

  /**
   * Where the unit list before a marker begins: after a 由 close before it ("资金由区财政局负责") or a bracket left
   * open ("…（区卫健局牵头"), else the clause start; a name's own brackets ("各镇（街道）") are part of it.
   */
  private static int unitsStart(String clause, int from, int marker) {
    int depth = 0;
    for (int i = marker - 1; i >= Math.max(from, marker - MAX_UNIT_PREFIX); i--) {
      char c = clause.charAt(i);
      if (c == '）') {
        depth++;
      } else if (c == '（' && depth > 0) {
        depth--;
      } else if (c == '（' || c == '由' && depth == 0) {
        return i + 1;
      }
    }
    return from;
  }

  private static UnitNames.Responsibility merge(List<Mention> mentions) {
    String lead = null;
    for (Mention mention : mentions) {
      if (mention.explicitLead() && mention.units().lead() != null) {
        lead = mention.units().lead();
        break;
      }
    }
    List<String> all = new ArrayList<>();
    for (Mention mention : mentions) {
      if (mention.units().lead() != null) {
        all.add(mention.units().lead());
      }
      all.addAll(mention.units().coUnits());
    }
    if (all.isEmpty()) {
      return new UnitNames.Responsibility(null, List.of());
    }
    if (lead == null) {
      lead = all.get(0);
    }
    String chosen = lead;
    return new UnitNames.Responsibility(lead, all.stream().filter(name -> !name.equals(chosen)).distinct().toList());
  }

  /** The longest run of leading tokens of a label's value that are unit names ("区人社局，积极…" → "区人社局"). */
  private static String unitPrefix(String value, Lexicon lexicon) {
    if (UnitNames.isUnitList(value, lexicon)) {
      return value;
    }
    int best = 0;
    int depth = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '（') {
        depth++;
      } else if (c == '）' && depth > 0) {
        depth--;
      } else if (depth == 0 && (c == '、' || c == '，' || c == ' ')) {
        if (UnitNames.isUnitList(value.substring(0, i), lexicon)) {
          best = i;
        } else {
          break;
        }
      }
    }
    return value.substring(0, best).trim();
  }

  /** A bare bracket inside a paragraph counts only with proper names ("（企业）" is a word, not a unit). */
  private static boolean substantial(UnitNames.Responsibility units) {
    return units.all().stream().allMatch(name -> name.length() >= 3 || name.startsWith("各") || name.startsWith("两地"));
  }

  private static boolean substantialList(String prefix, Lexicon lexicon) {
    return substantial(UnitNames.parse(prefix, lexicon));
  }

  private static boolean isClauseBoundary(char c) {
    return "。；，、）\n ".indexOf(c) >= 0;
  }

  /** "…区人社局配合单位：…" — a label glued to the unit list before it, as lines joined from a table are. */
  private static boolean startsLabelAfterUnit(String text, int at) {
    return at > 0 && "局委办部区县镇队会心司团社院组室所站".indexOf(text.charAt(at - 1)) >= 0
        || at > 0 && Character.isDigit(text.charAt(at - 1)) || at > 0 && "前底末年月日施进".indexOf(text.charAt(at - 1)) >= 0;
  }

  private static int firstStop(String text, int from, int to) {
    int depth = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '（') {
        depth++;
      } else if (c == '）' && depth > 0) {
        depth--;
      } else if (depth == 0 && (c == '。' || c == '；' || c == '\n' || c == '\u0000')) {
        return i;
      }
    }
    return to;
  }

  /** The text with what was read replaced by NULs, so offsets stay and nothing read twice. */
  private static String blankOut(String text, List<int[]> spans) {
    char[] chars = text.toCharArray();
    for (int[] span : spans) {
      for (int i = Math.max(0, span[0]); i < Math.min(chars.length, span[1]); i++) {
        chars[i] = '\u0000';
      }
    }
    return new String(chars);
  }

  private static String rest(String text, List<int[]> spans) {
    String blanked = blankOut(text, spans);
    StringBuilder out = new StringBuilder(blanked.length());
    for (int i = 0; i < blanked.length(); i++) {
      char c = blanked.charAt(i);
      if (c != '\u0000') {
        out.append(c);
      }
    }
    return out.toString().replace("\n", "").replaceAll("([。；，])[，；]+", "$1").replaceAll("[，；\\s]+$", "").trim();
  }

  /** Top-level （…） spans, in order, each as {open, close}. */
  static List<int[]> topLevelBrackets(String text) {
    List<int[]> spans = new ArrayList<>();
    int depth = 0;
    int open = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '（') {
        if (depth == 0) {
          open = i;
        }
        depth++;
      } else if (c == '）' && depth > 0) {
        depth--;
        if (depth == 0) {
          spans.add(new int[] {open, i});
        }
      }
    }
    return spans;
  }
}
