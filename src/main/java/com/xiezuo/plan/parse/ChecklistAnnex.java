package com.xiezuo.plan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A checklist annex printed as a table (序号 | 重点工作 | 具体事项 | 完成时限 | 责任单位 | 备注) and extracted
 * to text: cells run over several lines, a row may hold numbered sub-entries, remarks follow the units.
 */
final class ChecklistAnnex {

  /** One checklist entry; {@code number} is "1.1" or, for sub-entries, "5.2(1)". */
  record Row(String number, String section, String text, String deadlineText, String units, String remark) {}

  private static final Pattern SECTION_ROW = Pattern.compile("^(\\d{1,2})(?:\\s+(.*))?$");
  private static final Pattern TASK_ROW = Pattern.compile("^(\\d{1,2}\\.\\d{1,2})(?!\\d)\\s*(.*)$");
  private static final Pattern DEADLINE_CELL =
      Pattern.compile("\\d{4}\\s*年\\s*(?:\\d{1,2}\\s*[-—~至]\\s*)?\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*日)?(?:底前|前|底)?");
  private static final Pattern SUB_ENTRY = Pattern.compile("^(\\d{1,2})[.、](?!\\d)\\s*(.*)$");

  private ChecklistAnnex() {}

  static boolean isHeader(String line) {
    return line.contains("序号") && (line.contains("具体事项") || line.contains("责任单位"));
  }

  static int start(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (isHeader(lines.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** The body ends at the "附件" line announcing the annex, if there is one shortly before its table. */
  static int bodyEnd(List<String> lines, int annexStart) {
    for (int i = annexStart - 1; i >= Math.max(0, annexStart - 15); i--) {
      if (lines.get(i).startsWith("附件")) {
        int first = i;
        while (first > 0 && lines.get(first - 1).startsWith("附件")) {
          first--;
        }
        return first;
      }
    }
    return annexStart;
  }

  static List<Row> rows(List<String> annex, int year) {
    List<Row> rows = new ArrayList<>();
    String section = null;
    StringBuilder sectionName = null;
    String rowNumber = null;
    List<String> rowLines = new ArrayList<>();
    for (String line : annex) {
      if (isHeader(line) || line.equals("附件") || line.matches("^(19|20)\\d{2}$")) {
        continue;
      }
      Matcher task = TASK_ROW.matcher(line);
      Matcher sectionRow = SECTION_ROW.matcher(line);
      if (task.matches()) {
        flush(rows, rowNumber, sectionName == null ? section : sectionName.toString(), rowLines);
        if (sectionName != null) {
          section = sectionName.toString();
          sectionName = null;
        }
        rowNumber = task.group(1);
        rowLines = new ArrayList<>();
        if (!task.group(2).isBlank()) {
          rowLines.add(task.group(2).trim());
        }
      } else if (sectionRow.matches() && Integer.parseInt(sectionRow.group(1)) <= 50
          && (sectionRow.group(2) == null || !DEADLINE_CELL.matcher(sectionRow.group(2)).lookingAt())) {
        flush(rows, rowNumber, section, rowLines);
        rowNumber = null;
        rowLines = new ArrayList<>();
        sectionName = new StringBuilder(sectionRow.group(2) == null ? "" : sectionRow.group(2).trim());
      } else if (sectionName != null && rowNumber == null) {
        sectionName.replace(0, sectionName.length(), NoticeText.join(sectionName.toString(), line));
      } else if (rowNumber != null) {
        rowLines.add(line);
      }
    }
    flush(rows, rowNumber, sectionName == null ? section : sectionName.toString(), rowLines);
    return rows;
  }

  private record Segment(String text, boolean deadline) {}

  private static void flush(List<Row> rows, String number, String section, List<String> lines) {
    if (number == null || lines.isEmpty()) {
      return;
    }
    List<Segment> segments = new ArrayList<>();
    for (String line : lines) {
      Matcher m = DEADLINE_CELL.matcher(line);
      int at = 0;
      while (m.find()) {
        addText(segments, line.substring(at, m.start()));
        segments.add(new Segment(m.group().trim(), true));
        at = m.end();
      }
      addText(segments, line.substring(at));
    }
    List<String[]> entries = new ArrayList<>();
    List<String> text = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      Segment segment = segments.get(i);
      if (!segment.deadline()) {
        text.add(segment.text());
        continue;
      }
      List<String> after = new ArrayList<>();
      int j = i + 1;
      while (j < segments.size() && !segments.get(j).deadline()) {
        after.add(segments.get(j).text());
        j++;
      }
      int unitLines = longestUnitPrefix(after);
      String units = joinAll(after.subList(0, unitLines));
      List<String> leftover = after.subList(unitLines, after.size());
      boolean moreEntries = j < segments.size();
      entries.add(new String[] {joinAll(text), segment.text(), units, moreEntries ? "" : joinAll(leftover)});
      text = new ArrayList<>(moreEntries ? leftover : List.of());
      i = j - 1;
    }
    if (entries.isEmpty()) {
      entries.add(new String[] {joinAll(text), null, "", ""});
    }
    for (int e = 0; e < entries.size(); e++) {
      String[] entry = entries.get(e);
      String entryText = entry[0];
      String entryNumber = number;
      if (entries.size() > 1) {
        Matcher sub = SUB_ENTRY.matcher(entryText);
        int ordinal = e + 1;
        if (sub.matches()) {
          ordinal = Integer.parseInt(sub.group(1));
          entryText = sub.group(2);
        }
        entryNumber = number + "(" + ordinal + ")";
      }
      rows.add(new Row(entryNumber, section, entryText, entry[1], entry[2], entry[3].isBlank() ? null : entry[3]));
    }
  }

  private static void addText(List<Segment> segments, String text) {
    if (!text.isBlank()) {
      segments.add(new Segment(text.trim(), false));
    }
  }

  private static int longestUnitPrefix(List<String> lines) {
    int best = 0;
    for (int k = 1; k <= lines.size(); k++) {
      if (UnitNames.isUnitList(joinAll(lines.subList(0, k)))) {
        best = k;
      }
    }
    return best;
  }

  private static String joinAll(List<String> parts) {
    String joined = "";
    for (String part : parts) {
      joined = NoticeText.join(joined, part);
    }
    return joined;
  }
}
