package com.xiezuo.plan.intake;

import com.xiezuo.plan.parse.NoticeText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Puts a PDF's task table back together. Columns are where the header's words start (序号 | 工作任务 | 牵头单位 …);
 * every word below goes to the column it starts in, a number in the first column opens a row, and the lines of a
 * wrapped cell are joined. The rows come out as lines of TAB-separated cells, as a table copied from Word does, for
 * the notice parser to read; text above and below the table stays as it was.
 */
final class PdfTables {

  private static final Pattern ROW_NUMBER = Pattern.compile("^\\d{1,3}(\\.\\d{1,2})?$");
  private static final Pattern SECTION_ROW = Pattern.compile("^[（(]?[一二三四五六七八九十]{1,3}[、.）)].*");
  private static final Pattern PAGE_NUMBER = Pattern.compile("^[—–\\-－_]*\\s*\\d{1,3}\\s*[—–\\-－_]*$|^第\\s*\\d+\\s*页.*|.*\\d+\\s*/\\s*\\d+$");
  private static final Pattern TASK_WORDS = Pattern.compile(".*(任务|工作|内容|措施|事项).*");
  private static final Pattern UNIT_WORDS = Pattern.compile(".*(单位|部门).*");
  private static final float TOLERANCE = 2f;
  private static final int SAMPLE_LINES = 60;

  private PdfTables() {}

  static String text(List<PdfLines.Line> lines) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < lines.size()) {
      int end = lines.size();
      float[] columns = headerColumns(lines, i);
      List<String> header = columns == null ? null : headerCells(lines, i, columns);
      if (header != null && isTaskTable(header)) {
        out.append(String.join("\t", header)).append('\n');
        i = table(lines, firstRowAfterHeader(lines, i, columns), columns, out);
        continue;
      }
      out.append(lines.get(i).text()).append('\n');
      i++;
      if (i >= end) {
        break;
      }
    }
    return out.toString();
  }

  /**
   * Where each column starts, when the line opens with 序号 (or its first character, wrapped). A header is often
   * centred above cells that are set flush left, so a column starts at the leftmost place where words below start
   * again and again, between the header word before and its own header word; failing that, halfway between the two.
   */
  private static float[] headerColumns(List<PdfLines.Line> lines, int at) {
    List<PdfLines.Word> words = lines.get(at).words();
    if (words.size() < 3 || !(words.get(0).text().startsWith("序") || words.get(0).text().startsWith("编号"))) {
      return null;
    }
    java.util.Map<Integer, Integer> starts = new java.util.HashMap<>();
    for (int i = at + 1; i < Math.min(lines.size(), at + SAMPLE_LINES); i++) {
      for (PdfLines.Word word : lines.get(i).words()) {
        starts.merge(Math.round(word.x()), 1, Integer::sum);
      }
    }
    float[] columns = new float[words.size()];
    for (int c = 0; c < words.size(); c++) {
      float from = c == 0 ? Float.NEGATIVE_INFINITY : words.get(c - 1).endX();
      float to = words.get(c).x() + TOLERANCE;
      float edge = c == 0 ? words.get(c).x() : (from + words.get(c).x()) / 2;
      for (java.util.Map.Entry<Integer, Integer> start : starts.entrySet()) {
        if (start.getValue() >= 2 && start.getKey() > from && start.getKey() <= to && start.getKey() < edge + TOLERANCE) {
          edge = start.getKey();
        }
      }
      columns[c] = edge;
    }
    return columns;
  }

  private static List<String> headerCells(List<PdfLines.Line> lines, int at, float[] columns) {
    String[] cells = new String[columns.length];
    java.util.Arrays.fill(cells, "");
    for (int i = at; i < firstRowAfterHeader(lines, at, columns); i++) {
      place(lines.get(i), columns, cells);
    }
    List<String> header = new ArrayList<>();
    for (String cell : cells) {
      header.add(cell.replaceAll("\\s+", ""));
    }
    return header;
  }

  private static boolean isTaskTable(List<String> header) {
    boolean units = header.stream().anyMatch(cell -> UNIT_WORDS.matcher(cell).matches());
    boolean tasks = header.stream().anyMatch(cell -> TASK_WORDS.matcher(cell).matches());
    return header.get(0).startsWith("序号") || header.get(0).startsWith("编号") ? units && tasks : false;
  }

  /** The header may wrap over a few lines ("序" / "号"); the first row is the first line opening with a number. */
  private static int firstRowAfterHeader(List<PdfLines.Line> lines, int at, float[] columns) {
    for (int i = at + 1; i < Math.min(lines.size(), at + 4); i++) {
      if (opensRow(lines.get(i), columns) || isSectionRow(lines.get(i))) {
        return i;
      }
    }
    return Math.min(lines.size(), at + 1);
  }

  /** Reads rows until a line no longer fits the columns; answers the index of the first line after the table. */
  private static int table(List<PdfLines.Line> lines, int from, float[] columns, StringBuilder out) {
    String[] row = null;
    int i = from;
    for (; i < lines.size(); i++) {
      PdfLines.Line line = lines.get(i);
      String text = line.text().trim();
      if (PAGE_NUMBER.matcher(text).matches()) {
        continue;
      }
      if (isRepeatedHeader(line)) {
        i = firstRowAfterHeader(lines, i, columns) - 1;
        continue;
      }
      if (line.words().get(0).x() < columns[0] - TOLERANCE * 4) {
        break;
      }
      if (isSectionRow(line)) {
        flush(row, out);
        row = null;
        out.append(text).append('\n');
      } else if (opensRow(line, columns)) {
        flush(row, out);
        row = new String[columns.length];
        java.util.Arrays.fill(row, "");
        place(line, columns, row);
      } else if (spansColumns(line, columns)) {
        flush(row, out);
        row = null;
        out.append(text).append('\n');
      } else if (row != null) {
        place(line, columns, row);
      } else {
        out.append(text).append('\n');
      }
    }
    flush(row, out);
    return i;
  }

  /** A row merged across the table that names a section: "一、资金项目". */
  private static boolean isSectionRow(PdfLines.Line line) {
    return line.words().size() == 1 && SECTION_ROW.matcher(line.words().get(0).text()).matches();
  }

  /** A table running over pages prints its header again at the top of each. */
  private static boolean isRepeatedHeader(PdfLines.Line line) {
    String first = line.words().get(0).text();
    return line.words().size() >= 3 && (first.startsWith("序") || first.startsWith("编号"));
  }

  private static boolean opensRow(PdfLines.Line line, float[] columns) {
    PdfLines.Word first = line.words().get(0);
    return column(first, columns) == 0 && ROW_NUMBER.matcher(first.text()).matches();
  }

  /** A section row ("一、产业协作") or a paragraph: one word running across the second column's start. */
  private static boolean spansColumns(PdfLines.Line line, float[] columns) {
    PdfLines.Word first = line.words().get(0);
    return columns.length > 2 && column(first, columns) <= 1 && first.endX() > columns[2] + TOLERANCE
        && line.words().size() == 1;
  }

  private static void place(PdfLines.Line line, float[] columns, String[] cells) {
    for (PdfLines.Word word : line.words()) {
      int c = column(word, columns);
      cells[c] = NoticeText.join(cells[c], word.text());
    }
  }

  private static int column(PdfLines.Word word, float[] columns) {
    int column = 0;
    for (int c = 0; c < columns.length; c++) {
      if (word.x() >= columns[c] - TOLERANCE) {
        column = c;
      }
    }
    return column;
  }

  private static void flush(String[] row, StringBuilder out) {
    if (row != null) {
      out.append(String.join("\t", row)).append('\n');
    }
  }
}
