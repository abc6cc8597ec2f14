package com.xiezuo.plan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dated steps inside a task's text: "6 月底前完成区级调研对接", "各级财政援助资金于 3 月底前拨付到位". */
public final class MilestoneExtractor {

  private static final Pattern MILESTONE = Pattern.compile(
      "(\\d{1,2})\\s*月\\s*(底|末|中旬|上旬|下旬|\\d{1,2}\\s*日)?\\s*前");

  private MilestoneExtractor() {}

  public static List<ParsedMilestone> extract(String content, int year) {
    List<ParsedMilestone> milestones = new ArrayList<>();
    if (content == null) {
      return milestones;
    }
    for (String clause : content.split("[。；\\n]")) {
      if (clause.startsWith("备注")) {
        continue;
      }
      Matcher m = MILESTONE.matcher(clause);
      List<int[]> found = new ArrayList<>();
      while (m.find()) {
        found.add(new int[] {clauseStart(clause, m.start()), m.start(), m.end()});
      }
      for (int i = 0; i < found.size(); i++) {
        int from = found.get(i)[0];
        int to = i + 1 < found.size() && found.get(i + 1)[0] > from ? found.get(i + 1)[0] - 1 : clause.length();
        String fragment = clause.substring(from, Math.max(from, to)).trim();
        String when = clause.substring(found.get(i)[1], found.get(i)[2]);
        DeadlineParser.parse(when, year).ifPresent(d -> milestones.add(new ParsedMilestone(d.date(), fragment)));
      }
    }
    return milestones;
  }

  private static int clauseStart(String clause, int at) {
    int start = 0;
    for (int i = 0; i < at; i++) {
      if (clause.charAt(i) == '，') {
        start = i + 1;
      }
    }
    return start;
  }
}
