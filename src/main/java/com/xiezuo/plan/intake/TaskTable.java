package com.xiezuo.plan.intake;

import com.xiezuo.plan.parse.ParsedTask;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the tasks of a task table, from a worksheet or a Word table alike: the header (see {@link TableHeader}),
 * section rows (a Chinese numeral "一、" in 序号, a row merged across the whole table, "1 | 组织领导" with no item,
 * or a row holding nothing but its heading), values merged down over several rows, and numbering.
 * What is truly ambiguous (a merge across two data columns, a formula error) is refused naming the cell.
 */
public final class TaskTable {

  /** The tasks, the grid row of each task number (from 1, for messages) and what the table leaves unclear. */
  public record Tasks(List<ParsedTask> tasks, Map<String, Integer> rows, List<IntakeProblem> doubts) {}

  /** How the 备注 column is kept in a task's content, so that the export writes it back into its own column. */
  public static final String REMARK_PREFIX = "\n备注：";

  private static final Pattern CHINESE_NUMERAL =
      Pattern.compile("^(第?[一二三四五六七八九十]+(部分|项|类)?[、.．,，]?|[（(][一二三四五六七八九十]+[）)]).*");
  private static final Pattern NUMERAL_PREFIX =
      Pattern.compile("^(第?[一二三四五六七八九十]+(部分|项|类)?[、.．,，:：]?|[（(][一二三四五六七八九十]+[）)])\\s*");
  private static final Pattern SECTION_NUMBER = Pattern.compile("^\\d{1,2}$");
  private static final Pattern TASK_NUMBER = Pattern.compile("^\\d{1,3}(\\.\\d{1,3})*(\\(\\d{1,2}\\))?$");
  private static final Pattern NOTE = Pattern.compile("^(注|说明|备注|填表说明)\\s*[0-9]*\\s*[:：].*", Pattern.DOTALL);

  private final Grid grid;
  private final TableHeader header;

  private TaskTable(Grid grid, TableHeader header) {
    this.grid = grid;
    this.header = header;
  }

  /** The grid's task table, if its first rows hold a header with a task text column and a units column. */
  public static Optional<TaskTable> in(Grid grid) {
    return TableHeader.find(grid).map(header -> new TaskTable(grid, header));
  }

  public Grid grid() {
    return grid;
  }

  /** The text lines above the header (a title, "年度：2023；发文机关：…"), each merged cell once. */
  public List<String> linesAbove() {
    List<String> lines = new ArrayList<>();
    for (int r = 0; r < header.firstRow(); r++) {
      String previous = null;
      for (int c = 0; c < grid.width(); c++) {
        String text = grid.text(r, c).trim();
        if (!text.isEmpty() && !text.equals(previous)) {
          lines.add(text);
        }
        previous = text;
      }
    }
    return lines;
  }

  /** The tasks with deadlines read in {@code year}; refused with every ambiguous cell named. */
  public Tasks tasks(int year) {
    List<IntakeProblem> problems = new ArrayList<>();
    List<TaskRow> rows = rows(problems);
    List<IntakeProblem> doubts = new ArrayList<>();
    boolean hasDeadlineColumn = header.column(HeaderRole.DEADLINE) >= 0;
    if (!hasDeadlineColumn) {
      doubts.add(IntakeProblem.atRow(Grid.rowNumber(header.firstRow()), "表头",
          "缺少列：完成时限（或 完成时间 / 时间节点 / 时限）"));
    }
    List<String> numbers = TaskNumbering.numbers(rows, problems);
    for (int i = 0; i < rows.size(); i++) {
      if (!TASK_NUMBER.matcher(numbers.get(i)).matches() && !numbers.get(i).isEmpty()) {
        problems.add(IntakeProblem.atRow(Grid.rowNumber(rows.get(i).row()), header.label(header.column(HeaderRole.NUMBER)),
            "序号“" + numbers.get(i) + "”无效（应如 1、1.2、5.2(1)）"));
      }
    }
    if (rows.isEmpty() && problems.isEmpty()) {
      problems.add(IntakeProblem.atRow(Grid.rowNumber(header.dataStart()), "任务", "表头下没有任何任务行"));
    }
    if (!problems.isEmpty()) {
      throw IntakeException.withProblems(grid.name(), problems);
    }
    Map<String, Integer> firstRows = TaskNumbering.firstRows(rows, numbers, doubts);
    List<ParsedTask> tasks = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      tasks.add(TableTask.of(rows.get(i), numbers.get(i), year, hasDeadlineColumn, doubts));
    }
    return new Tasks(tasks, firstRows, doubts);
  }

  /** The section rows met so far: the current heading, the arabic 序号 it had (if any), how many there were. */
  private static final class Sections {
    String heading;
    String number;
    int ordinal;

    void open(String heading, String number) {
      this.heading = heading == null || heading.isBlank() ? null : heading;
      this.number = number;
      ordinal++;
    }
  }

  private List<TaskRow> rows(List<IntakeProblem> problems) {
    List<TaskRow> rows = new ArrayList<>();
    Set<Grid.Merge> reported = new HashSet<>();
    Sections sections = new Sections();
    int numberColumn = header.column(HeaderRole.NUMBER);
    List<Integer> textColumns = header.columns(HeaderRole.TEXT);
    for (int r = header.dataStart(); r < grid.height(); r++) {
      if (isBlank(r) || !hasOwnContent(r) || header.isRepeatedAt(grid, r) || isNote(r) || formulaErrors(r, problems)) {
        continue;
      }
      String number = numberColumn < 0 ? "" : number(grid.text(r, numberColumn));
      if (spansTable(r) || CHINESE_NUMERAL.matcher(number).matches()) {
        sections.open(heading(firstText(r, textColumns).orElse(grid.text(r, Math.max(numberColumn, header.firstColumn())))),
            null);
        continue;
      }
      Optional<Grid.Merge> across = mergeAcrossColumns(r);
      if (across.isPresent()) {
        if (reported.add(across.get())) {
          problems.add(IntakeProblem.atRow(Grid.rowNumber(r), "合并单元格", "单元格 " + grid.rangeName(across.get())
              + " 横跨" + coveredLabels(across.get()) + "，无法判断归属：请取消合并，把内容分别填入各列"));
        }
        continue;
      }
      boolean twoTexts = textColumns.size() >= 2;
      String sectionText = twoTexts && !isMergedAcrossText(r, textColumns) ? cellText(r, textColumns.get(0)) : "";
      String item = cellText(r, textColumns.get(twoTexts ? 1 : 0));
      boolean noUnitsNorDeadline = blank(r, header.leadColumn()) && blank(r, header.coColumn())
          && blank(r, header.column(HeaderRole.DEADLINE));
      if (SECTION_NUMBER.matcher(number).matches() && item.isBlank() && !sectionText.isBlank() && noUnitsNorDeadline) {
        sections.open(sectionText, number);
        continue;
      }
      if (number.isEmpty() && isLoneHeading(r, textColumns.get(0))) {
        sections.open(heading(grid.text(r, textColumns.get(0))), null);
        continue;
      }
      if (!sectionText.isBlank()) {
        sections.heading = sectionText;
      }
      if (item.isBlank() && sectionText.isBlank()) {
        problems.add(IntakeProblem.atRow(Grid.rowNumber(r), header.label(textColumns.get(0)),
            "这一行有责任单位、时限或备注，却没有任务内容：请填写任务，或删去这一行"));
        continue;
      }
      rows.add(taskRow(r, number, sections, item.isBlank() ? sectionText : item, textColumns));
    }
    return rows;
  }

  private TaskRow taskRow(int row, String number, Sections sections, String item, List<Integer> textColumns) {
    int indicators = header.column(HeaderRole.INDICATORS);
    return new TaskRow(row, number, numberGroup(row, header.column(HeaderRole.NUMBER)), sections.ordinal,
        sections.number, sections.heading, item,
        textColumns.subList(Math.min(2, textColumns.size()), textColumns.size()).stream()
            .map(c -> cellText(row, c)).filter(t -> !t.isBlank()).toList(),
        cell(row, header.column(HeaderRole.DEADLINE)), label(HeaderRole.DEADLINE, "完成时限"),
        cellText(row, header.leadColumn()), cellText(row, header.coColumn()), header.coColumn() >= 0,
        cellText(row, header.column(HeaderRole.REMARK)), indicators >= 0 ? cellText(row, indicators) : null,
        header.extraColumns().stream().filter(c -> !blank(row, c)).map(c -> header.label(c) + "：" + cellText(row, c))
            .toList());
  }

  private Optional<String> firstText(int row, List<Integer> textColumns) {
    return textColumns.stream().map(c -> grid.text(row, c).trim()).filter(t -> !t.isEmpty()).findFirst();
  }

  private String label(HeaderRole role, String fallback) {
    int column = header.column(role);
    return column < 0 ? fallback : header.label(column);
  }

  private boolean isBlank(int row) {
    for (int c = header.firstColumn(); c <= header.lastColumn(); c++) {
      if (!grid.cell(row, c).isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** A row holding only what merges from above carry down (a spacer inside a merged 牵头单位) is no task. */
  private boolean hasOwnContent(int row) {
    for (int c = header.firstColumn(); c <= header.lastColumn(); c++) {
      Optional<Grid.Merge> merge = grid.mergeAt(row, c);
      if (!grid.cell(row, c).isBlank() && (merge.isEmpty() || merge.get().firstRow() == row)) {
        return true;
      }
    }
    return false;
  }

  private boolean isNote(int row) {
    List<String> texts = new ArrayList<>();
    for (int c = header.firstColumn(); c <= header.lastColumn(); c++) {
      String text = grid.text(row, c).trim();
      if (!text.isEmpty() && !texts.contains(text)) {
        texts.add(text);
      }
    }
    return texts.size() == 1 && NOTE.matcher(texts.get(0)).matches();
  }

  private boolean formulaErrors(int row, List<IntakeProblem> problems) {
    boolean any = false;
    for (Map.Entry<Integer, HeaderRole> column : header.roles().entrySet()) {
      String error = grid.cell(row, column.getKey()).error();
      if (error != null) {
        problems.add(IntakeProblem.atRow(Grid.rowNumber(row), header.label(column.getKey()),
            "单元格 " + grid.cellName(row, column.getKey()) + " 是公式错误 " + error + "，请改为具体内容"));
        any = true;
      }
    }
    return any;
  }

  private boolean spansTable(int row) {
    return grid.mergeAt(row, header.firstColumn())
        .filter(merge -> merge.firstColumn() <= header.firstColumn() && merge.lastColumn() >= header.lastColumn())
        .isPresent();
  }

  /** A merge over two columns with different roles (牵头单位 + 配合单位) in a task row. */
  private Optional<Grid.Merge> mergeAcrossColumns(int row) {
    for (int c = header.firstColumn(); c <= header.lastColumn(); c++) {
      Optional<Grid.Merge> merge = grid.mergeAt(row, c).filter(Grid.Merge::spansColumns);
      if (merge.isPresent()) {
        List<HeaderRole> covered = coveredRoles(merge.get());
        if (covered.size() >= 2 && !covered.stream().allMatch(role -> role == HeaderRole.TEXT)) {
          return merge;
        }
      }
    }
    return Optional.empty();
  }

  private List<HeaderRole> coveredRoles(Grid.Merge merge) {
    List<HeaderRole> roles = new ArrayList<>();
    for (int c = merge.firstColumn(); c <= merge.lastColumn(); c++) {
      HeaderRole role = header.roles().get(c);
      if (role != null) {
        roles.add(role);
      }
    }
    return roles;
  }

  private String coveredLabels(Grid.Merge merge) {
    StringBuilder labels = new StringBuilder();
    int count = 0;
    for (int c = merge.firstColumn(); c <= merge.lastColumn(); c++) {
      if (header.roles().containsKey(c)) {
        labels.append('“').append(header.label(c)).append('”');
        count++;
      }
    }
    return labels + (count == 2 ? "两" : String.valueOf(count)) + "列";
  }

  /** 重点工作 and 具体事项 merged into one cell: one text, the task's, and no section of its own. */
  private boolean isMergedAcrossText(int row, List<Integer> textColumns) {
    return grid.mergeAt(row, textColumns.get(0)).filter(Grid.Merge::spansColumns)
        .filter(merge -> merge.lastColumn() >= textColumns.get(1)).isPresent();
  }

  /** Only the first text column holds anything, in a cell of its own: a heading such as "组织领导". */
  private boolean isLoneHeading(int row, int firstTextColumn) {
    if (grid.mergeAt(row, firstTextColumn).filter(Grid.Merge::spansRows).isPresent()) {
      return false;
    }
    for (int c = header.firstColumn(); c <= header.lastColumn(); c++) {
      if (c != firstTextColumn && !grid.cell(row, c).isBlank()) {
        return false;
      }
    }
    return true;
  }

  private int numberGroup(int row, int numberColumn) {
    if (numberColumn < 0) {
      return -1;
    }
    return grid.mergeAt(row, numberColumn).filter(Grid.Merge::spansRows).map(Grid.Merge::firstRow).orElse(-1);
  }

  private Grid.Cell cell(int row, int column) {
    return column < 0 ? Grid.Cell.EMPTY : grid.cell(row, column);
  }

  private String cellText(int row, int column) {
    return cell(row, column).text().trim();
  }

  private boolean blank(int row, int column) {
    return cell(row, column).isBlank();
  }

  /** "1、", "１．", "（1）" as a task number: ASCII, no trailing mark, no spaces. */
  static String number(String printed) {
    StringBuilder ascii = new StringBuilder();
    for (char c : printed.trim().toCharArray()) {
      ascii.append(c >= '０' && c <= '９' ? (char) ('0' + (c - '０')) : c == '．' ? '.' : c == '（' ? '(' : c == '）' ? ')' : c);
    }
    String number = ascii.toString().replaceAll("\\s+", "");
    return number.matches(".*\\d[、.,，]$") ? number.substring(0, number.length() - 1) : number;
  }

  private static String heading(String text) {
    return NUMERAL_PREFIX.matcher(text.trim()).replaceFirst("").trim();
  }
}
