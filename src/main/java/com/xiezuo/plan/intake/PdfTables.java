package com.xiezuo.plan.intake;

import com.xiezuo.plan.parse.NoticeText;
import com.xiezuo.plan.parse.UnitNames;
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
  private static final int HEADER_PIECE = 4;
  /** A row's last line and the next row's first stand further apart than two lines of a cell. */
  private static final float ROW_GAP_FACTOR = 1.25f;

  private PdfTables() {}

  static String text(List<PdfLines.Line> lines) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < lines.size()) {
      float[] columns = headerColumns(lines, i);
      List<String> header = columns == null ? null : headerCells(lines, i, columns);
      if (header != null && isTaskTable(header)) {
        out.append(String.join("\t", header)).append('\n');
        i = table(lines, firstRowAfterHeader(lines, i, columns), columns, out);
        continue;
      }
      out.append(lines.get(i).text()).append('\n');
      i++;
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
    return (header.get(0).startsWith("序号") || header.get(0).startsWith("编号")) && units && tasks;
  }

  /**
   * The header may wrap over a few lines ("序" / "号", "牵头单" / "位"): short pieces under it, nothing more. The line
   * after them is the table's first.
   */
  private static int firstRowAfterHeader(List<PdfLines.Line> lines, int at, float[] columns) {
    int i = at + 1;
    while (i < Math.min(lines.size(), at + 4) && !opensRow(lines.get(i), columns) && !isSectionRow(lines.get(i))
        && lines.get(i).words().stream().allMatch(word -> word.text().length() <= HEADER_PIECE)) {
      i++;
    }
    return i;
  }

  /**
   * Reads rows until a line no longer fits the columns; answers the index of the first line after the table. Lines
   * are first gathered into bands — a row's lines stand closer together than the rows do — because a cell centred
   * vertically starts above its row's number; a band holding one number is that row, whatever else it holds.
   */
  private static int table(List<PdfLines.Line> lines, int from, float[] columns, StringBuilder out) {
    List<List<PdfLines.Line>> bands = new ArrayList<>();
    List<PdfLines.Line> band = new ArrayList<>();
    float rowGap = rowGap(lines, from, columns);
    int i = from;
    for (; i < lines.size(); i++) {
      PdfLines.Line line = lines.get(i);
      if (PAGE_NUMBER.matcher(line.text().trim()).matches()) {
        continue;
      }
      if (isRepeatedHeader(line)) {
        i = firstRowAfterHeader(lines, i, columns) - 1;
        band = newBand(bands, band);
        continue;
      }
      if (line.words().get(0).x() < columns[0] - TOLERANCE * 4) {
        break;
      }
      PdfLines.Line previous = band.isEmpty() ? null : band.get(band.size() - 1);
      if (previous != null && (previous.page() != line.page() || line.y() - previous.y() > rowGap)) {
        band = newBand(bands, band);
      }
      band.add(line);
    }
    newBand(bands, band);
    List<String>[] row = null;
    for (List<PdfLines.Line> rowBand : bands) {
      row = band(rowBand, columns, row, out);
    }
    flush(row, out);
    return i;
  }

  private static List<PdfLines.Line> newBand(List<List<PdfLines.Line>> bands, List<PdfLines.Line> band) {
    if (!band.isEmpty()) {
      bands.add(band);
    }
    return new ArrayList<>();
  }

  /** Places one band's lines; answers the row still open after it. */
  private static List<String>[] band(List<PdfLines.Line> band, float[] columns, List<String>[] open, StringBuilder out) {
    List<String>[] row = open;
    if (band.size() == 1 && (isSectionRow(band.get(0)) || spansColumns(band.get(0), columns))) {
      flush(row, out);
      out.append(band.get(0).text().trim()).append('\n');
      return null;
    }
    long numbers = band.stream().filter(line -> opensRow(line, columns)).count();
    boolean first = true;
    for (PdfLines.Line line : band) {
      boolean opens = opensRow(line, columns);
      if (numbers == 1 && first || numbers > 1 && opens && !first) {
        flush(row, out);
        row = emptyRow(columns.length);
      } else if (numbers > 1 && opens && row == null) {
        row = emptyRow(columns.length);
      }
      first = false;
      if (row == null) {
        out.append(line.text().trim()).append('\n');
      } else {
        place(line, columns, row);
      }
    }
    return row;
  }

  /**
   * The gap that parts two rows: more than the step between two lines of one cell, read where the task column
   * has consecutive lines.
   */
  private static float rowGap(List<PdfLines.Line> lines, int from, float[] columns) {
    List<Float> steps = new ArrayList<>();
    PdfLines.Line previous = null;
    for (int i = from; i < Math.min(lines.size(), from + SAMPLE_LINES); i++) {
      PdfLines.Line line = lines.get(i);
      boolean inTaskColumn = columns.length > 1 && line.words().stream().anyMatch(word -> column(word, columns) == 1);
      if (inTaskColumn) {
        if (previous != null && previous.page() == line.page()) {
          steps.add(line.y() - previous.y());
        }
        previous = line;
      }
    }
    if (steps.isEmpty()) {
      return Float.MAX_VALUE;
    }
    java.util.Collections.sort(steps);
    return steps.get(0) * ROW_GAP_FACTOR;
  }

  @SuppressWarnings("unchecked")
  private static List<String>[] emptyRow(int width) {
    List<String>[] row = new List[width];
    for (int c = 0; c < width; c++) {
      row[c] = new ArrayList<>();
    }
    return row;
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

  private static void place(PdfLines.Line line, float[] columns, List<String>[] cells) {
    for (PdfLines.Word word : line.words()) {
      cells[column(word, columns)].add(word.text());
    }
  }

  /** A cell's lines joined: a wrapped word runs on, but a unit per line ("市总工会" / "各镇（街道）") is a list. */
  private static String cell(List<String> lines) {
    String text = "";
    for (String line : lines) {
      boolean listed = !text.isEmpty() && !text.endsWith("、") && UnitNames.isUnitList(lastItem(text))
          && UnitNames.isUnitList(line);
      text = listed ? text + "、" + line : NoticeText.join(text, line);
    }
    return text;
  }

  private static String lastItem(String text) {
    int at = Math.max(text.lastIndexOf('、'), text.lastIndexOf('，'));
    return text.substring(at + 1);
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

  private static void flush(List<String>[] row, StringBuilder out) {
    if (row != null) {
      List<String> cells = new ArrayList<>();
      for (List<String> lines : row) {
        cells.add(cell(lines));
      }
      out.append(String.join("\t", cells)).append('\n');
    }
  }
}
