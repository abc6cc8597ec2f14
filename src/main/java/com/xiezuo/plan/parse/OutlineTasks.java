package com.xiezuo.plan.parse;

import com.xiezuo.plan.parse.Outline.Node;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns the leaves of a notice outline into tasks: number, section, title, units, deadline, indicators. */
final class OutlineTasks {

  private static final Pattern TASK_SECTION =
      Pattern.compile(".*(任务|重点工作|工作重点|主要内容|主要措施|工作措施|具体措施|工作安排|工作内容).*");
  private static final int TITLE_MAX = 30;
  private static final Pattern LABEL_LINE = Pattern.compile("^(" + ResponsibilityClause.LABEL_WORDS + ")[：:]");

  private final int year;
  private final Lexicon lexicon;
  private boolean restartNumbering;
  private boolean subsectionsRestart;

  OutlineTasks(int year, Lexicon lexicon) {
    this.year = year;
    this.lexicon = lexicon;
  }

  List<ParsedTask> tasks(Outline outline) {
    List<Node> sections = outline.topLevel().stream()
        .filter(node -> node.level == 1 && !node.isLeaf() && TASK_SECTION.matcher(heading(node)).matches())
        .toList();
    boolean hasTaskSection = !sections.isEmpty();
    List<Node> roots = hasTaskSection ? sections : outline.topLevel();
    List<Node> leaves = new ArrayList<>();
    for (Node root : roots) {
      List<Node> candidates = Outline.leavesUnder(root).stream()
          .filter(leaf -> (leaf != root || !hasTaskSection) && !leaf.text().isBlank()).toList();
      List<Node> stated = candidates.stream().filter(this::statesResponsibility).toList();
      boolean mostlyTasks = !root.isLeaf() && stated.size() * 2 >= candidates.size() && !stated.isEmpty();
      leaves.addAll(hasTaskSection || mostlyTasks ? candidates : stated);
    }
    restartNumbering = itemNumbersRestart(roots);
    Set<String> seen = new HashSet<>();
    for (Node leaf : leaves) {
      subsectionsRestart |= leaf.level == 2 && leaf.parent.level == 1 && !seen.add(leaf.printed);
    }
    List<ParsedTask> tasks = new ArrayList<>();
    for (Node leaf : leaves) {
      tasks.add(task(leaf));
    }
    return tasks;
  }

  /**
   * Whether a leaf says who is responsible or by when. Without a section named for tasks, a section whose items
   * mostly do is a task section, and its other items are tasks whose units are still to be found.
   */
  private boolean statesResponsibility(Node leaf) {
    NoticeParser.stopIfInterrupted();
    return ResponsibilityClause.find(clauseText(leaf), lexicon).isPresent() || !headingUnits(leaf).isEmpty();
  }

  private ParsedTask task(Node leaf) {
    NoticeParser.stopIfInterrupted();
    String text = clauseText(leaf);
    Optional<ResponsibilityClause> clause = ResponsibilityClause.find(text, lexicon);
    String body = clause.map(ResponsibilityClause::rest).orElse(leaf.text());
    String title;
    String content;
    if (leaf.level >= 4) {
      title = heading(leaf.parent);
      content = body;
    } else {
      title = heading(leaf);
      String shown = title.endsWith("…") ? title.substring(0, title.length() - 1) : title;
      if (clause.isPresent() && !body.startsWith(shown)) {
        title = headingOf(body);
      }
      content = withoutTitle(body, title);
    }
    String deadlineText = clause.map(ResponsibilityClause::deadlineText).orElse(null);
    LocalDate deadline = LocalDate.of(year, 12, 31);
    boolean yearRound = false;
    Optional<DeadlineParser.Deadline> parsed = DeadlineParser.parse(deadlineText, year);
    TaskReview unread = null;
    if (parsed.isPresent()) {
      deadline = parsed.get().date();
      yearRound = parsed.get().yearRound();
    } else {
      if (deadlineText != null && !deadlineText.isBlank()) {
        unread = new TaskReview(1.0, List.of("无法识别完成时限“" + deadlineText + "”（暂按年底）"));
      }
      deadlineText = null;
    }
    UnitNames.Responsibility units = clause.map(ResponsibilityClause::responsibility)
        .filter(own -> !own.isEmpty()).orElseGet(() -> headingUnits(leaf));
    List<ParsedIndicator> indicators = IndicatorExtractor.extract(leaf.level >= 4 ? content : body);
    return new ParsedTask(number(leaf), section(leaf), title, content, units.lead(), units.coUnits(), deadline,
        deadlineText, yearRound, indicators, MilestoneExtractor.extract(content, year), unread);
  }

  /** Units a heading above the task names ("（一）产业协作（牵头单位：…）"), the nearest heading first. */
  private UnitNames.Responsibility headingUnits(Node leaf) {
    for (Node heading = leaf.parent; heading != null && heading.level > 0; heading = heading.parent) {
      if (heading.lines.isEmpty()) {
        continue;
      }
      Optional<ResponsibilityClause> clause = ResponsibilityClause.find(clauseText(heading), lexicon);
      if (clause.isPresent() && !clause.get().responsibility().isEmpty()) {
        return clause.get().responsibility();
      }
    }
    return new UnitNames.Responsibility(null, List.of());
  }

  /** "1.…2.…" restarting in every section means items are numbered "2.1", "2.3(1)", as checklists do. */
  private static boolean itemNumbersRestart(List<Node> roots) {
    Set<Integer> seen = new HashSet<>();
    boolean[] restart = {false};
    for (Node root : roots) {
      visit(root, node -> {
        if (node.level == 3 && !seen.add(node.ordinal)) {
          restart[0] = true;
        }
      });
    }
    return restart[0];
  }

  private static void visit(Node node, java.util.function.Consumer<Node> action) {
    action.accept(node);
    node.children.forEach(child -> visit(child, action));
  }

  /**
   * The number as printed ("（三）", "第五条", "7"); sub-items joined to their item ("5(1)"); where numbers restart in
   * every section, prefixed by the section's: "2.1" for items, "二（三）" for subsections.
   */
  private String number(Node node) {
    return switch (node.level) {
      case 1 -> node.printed;
      case 2 -> subsectionsRestart && node.parent.level == 1 ? node.parent.printed + node.printed : node.printed;
      case 3 -> restartNumbering && node.parent.level > 0 ? node.parent.ordinal + "." + node.ordinal
          : String.valueOf(node.ordinal);
      default -> parentNumber(node.parent) + "(" + node.ordinal + ")";
    };
  }

  private String parentNumber(Node parent) {
    if (parent.level == 0) {
      return "";
    }
    return parent.level == 4 ? String.valueOf(parent.ordinal) : number(parent);
  }

  /**
   * The node's text for reading its responsibility: a line that opens with a label ("牵头单位：…") is set apart by
   * ；so that it does not run into the text around it; a label's unit list wrapped onto the next line stays whole;
   * a bracket closing a line closes its sentence too (a line break stands between it and what follows).
   */
  static String clauseText(Node node) {
    // one builder, trimmed in place: a rebuilt string per line made a long label list quadratic
    StringBuilder text = new StringBuilder();
    boolean inLabel = false;
    for (String line : node.lines) {
      boolean label = LABEL_LINE.matcher(line).lookingAt();
      if (label) {
        if (!text.isEmpty()) {
          trimTrailingSeparators(text);
          text.append('；');
        }
        text.append(line);
      } else if (inLabel && continuesLabel(line)) {
        NoticeText.join(text, line);
        label = true;
      } else if (inLabel) {
        text.append('；').append(line);
      } else if (!text.isEmpty() && text.charAt(text.length() - 1) == '）') {
        text.append('\n').append(line);
      } else {
        NoticeText.join(text, line);
      }
      inLabel = label && !line.endsWith("。");
    }
    return text.toString();
  }

  private static void trimTrailingSeparators(StringBuilder text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '；' || " \t\n\u000B\f\r".indexOf(text.charAt(end - 1)) >= 0)) {
      end--;
    }
    text.setLength(end);
  }

  /** A line under a label that goes on with its unit list: short, no sentence in it. */
  private static boolean continuesLabel(String line) {
    return line.length() <= 40 && !line.contains("。") && UnitNames.isUnitList(line.replaceFirst("^[、，]", ""))
        || line.length() <= 12 && line.matches("^[\\u4e00-\\u9fa5（）、]+$") && !line.contains("：");
  }

  private static String section(Node node) {
    Node sectionNode = null;
    for (Node n = node; n != null && n.level > 0; n = n.parent) {
      if (n.level == 2) {
        sectionNode = n;
        break;
      }
      if (n.level == 1) {
        sectionNode = n;
      }
    }
    return sectionNode == null ? null : heading(sectionNode);
  }

  /** The heading of a node: its first sentence when short, else its first line when short. */
  static String heading(Node node) {
    return withoutClause(rawHeading(node));
  }

  /** A heading's trailing responsibility bracket is not part of its name. */
  private static String withoutClause(String heading) {
    if (!heading.endsWith("）")) {
      return heading;
    }
    List<int[]> brackets = ResponsibilityClause.topLevelBrackets(heading);
    int[] last = brackets.isEmpty() ? null : brackets.get(brackets.size() - 1);
    if (last == null || last[1] != heading.length() - 1 || last[0] == 0) {
      return heading;
    }
    String inner = heading.substring(last[0] + 1, last[1]);
    boolean clause = BracketFields.read(inner, "").isPresent();
    return clause ? heading.substring(0, last[0]).trim() : heading;
  }

  /** A heading read from text alone: its first sentence when short, else the text when short, else its start. */
  private static String headingOf(String text) {
    int stop = firstStop(text);
    if (stop > 0 && stop <= TITLE_MAX) {
      return text.substring(0, stop).trim();
    }
    String trimmed = text.replaceAll("[。；，：\\s]+$", "");
    return trimmed.length() <= TITLE_MAX ? trimmed : trimmed.substring(0, 20) + "…";
  }

  private static String rawHeading(Node node) {
    String text = node.text();
    if (node.lines.size() > 1 && isHeadingLine(node.lines.get(0), node.lines.get(1))) {
      return node.lines.get(0).replaceAll("[。\\s]+$", "");
    }
    int stop = firstStop(text);
    if (stop > 0 && stop <= TITLE_MAX) {
      return text.substring(0, stop).trim();
    }
    if (!node.lines.isEmpty()) {
      String first = node.lines.get(0).replaceAll("[。；，：\\s]+$", "");
      if (first.length() <= 24 && !first.contains("。") && node.lines.size() > 1) {
        return first;
      }
      if (first.length() <= TITLE_MAX && node.lines.size() == 1 && stop < 0) {
        return first;
      }
    }
    return text.length() <= 20 ? text : text.substring(0, 20) + "…";
  }

  /**
   * A first line without punctuation that is much shorter than the lines after it stands alone as a heading
   * ("4.开展宣传推广活动" above its paragraph), unlike a line that merely wraps.
   */
  private static boolean isHeadingLine(String first, String next) {
    return first.length() <= 20 && !first.matches(".*[，、；：（）“”].*") && first.length() * 10 <= next.length() * 7;
  }

  private static int firstStop(String text) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '（') {
        depth++;
      } else if (c == '）' && depth > 0) {
        depth--;
      } else if (depth == 0 && (c == '。' || c == '；')) {
        return i;
      }
    }
    return -1;
  }

  private static String withoutTitle(String body, String title) {
    String stripped = title.endsWith("…") ? title.substring(0, title.length() - 1) : title;
    if (body.startsWith(stripped) && !title.endsWith("…")) {
      String rest = body.substring(stripped.length()).replaceFirst("^[。；，：\\s]+", "");
      return rest.isBlank() ? body : rest;
    }
    return body;
  }
}
