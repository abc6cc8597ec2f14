package com.xiezuo.plan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task table copied out of Word as text, one cell per line: the header cells (序号, 工作任务, 牵头单位, 配合单位,
 * 完成时间 …) each on a line, then for every row its number on a line and its cells after it. Empty cells leave no
 * line, and a cell may wrap over lines, so each line is placed by what it holds: a deadline, a unit list, or text.
 */
final class CellTable {

  enum Role { NUMBER, SECTION, TASK, LEAD, CO, UNITS, DEADLINE, REMARK }

  /** Where the header starts and the columns it names, in order. */
  record Header(int start, int end, List<Role> columns) {}

  private static final Pattern ROW_NUMBER = Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,2})?)(?:\\s+(\\S.*))?$");
  private static final Pattern SECTION_ROW = Pattern.compile("^([一二三四五六七八九十]{1,3})[、.]\\s*(\\S.{0,29})$");
  private static final List<String> HEADER_WORDS = List.of("序号", "编号", "重点工作", "工作类别", "类别", "领域", "工作板块", "板块",
      "工作任务", "具体事项", "主要内容", "具体措施", "工作内容", "重点任务", "任务内容", "工作措施", "具体任务", "任务", "牵头单位",
      "牵头部门", "主责单位", "主办单位", "配合单位", "配合部门", "协办单位", "参与单位", "责任单位", "责任部门", "完成时限要求",
      "完成时限", "完成时间", "时间节点", "时间安排", "时间要求", "时限", "备注");
  private static final int MAX_CELL_LINE = 40;

  private CellTable() {}

  static Optional<Role> role(String cell) {
    String name = cell.replaceAll("\\s+", "");
    return Optional.ofNullable(switch (name) {
      case "序号", "编号" -> Role.NUMBER;
      case "重点工作", "工作类别", "类别", "领域", "工作板块", "板块" -> Role.SECTION;
      case "工作任务", "具体事项", "主要内容", "具体措施", "工作内容", "重点任务", "任务内容", "工作措施", "任务", "具体任务" -> Role.TASK;
      case "牵头单位", "牵头部门", "主责单位", "主办单位" -> Role.LEAD;
      case "配合单位", "配合部门", "协办单位", "参与单位" -> Role.CO;
      case "责任单位", "责任部门" -> Role.UNITS;
      case "完成时限", "完成时间", "时间节点", "时限", "时间安排", "完成时限要求", "时间要求" -> Role.DEADLINE;
      case "备注" -> Role.REMARK;
      default -> null;
    });
  }

  /**
   * The first header of at least three cells starting with 序号 and naming units: one cell per line, or all on one
   * line (spaces between Chinese words are lost in extraction: "序号工作任务牵头单位…").
   */
  static Optional<Header> header(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      List<Role> columns = new ArrayList<>();
      int end;
      if (role(lines.get(i)).orElse(null) == Role.NUMBER) {
        columns.add(Role.NUMBER);
        end = i + 1;
        while (end < lines.size() && role(lines.get(end)).isPresent()) {
          columns.add(role(lines.get(end)).get());
          end++;
        }
      } else {
        columns = oneLine(lines.get(i));
        end = i + 1;
      }
      boolean namesUnits = columns.contains(Role.LEAD) || columns.contains(Role.UNITS) || columns.contains(Role.CO);
      if (columns.size() >= 3 && namesUnits && (columns.contains(Role.TASK) || columns.contains(Role.SECTION))) {
        return Optional.of(new Header(i, end, columns));
      }
    }
    return Optional.empty();
  }

  /** A header row on one line, read word by word from the left; empty unless the whole line is header words. */
  private static List<Role> oneLine(String line) {
    String rest = line.replaceAll("\\s+", "");
    if (!rest.startsWith("序号") && !rest.startsWith("编号")) {
      return List.of();
    }
    List<Role> columns = new ArrayList<>();
    while (!rest.isEmpty()) {
      String word = null;
      for (String candidate : HEADER_WORDS) {
        if (rest.startsWith(candidate)) {
          word = candidate;
          break;
        }
      }
      if (word == null) {
        return List.of();
      }
      columns.add(role(word).orElseThrow());
      rest = rest.substring(word.length());
    }
    return columns;
  }

  static List<ChecklistAnnex.Row> rows(List<String> lines, Header header, Lexicon lexicon) {
    List<ChecklistAnnex.Row> rows = new ArrayList<>();
    String number = null;
    String section = null;
    String rowSection = null;
    List<String> cells = new ArrayList<>();
    int expected = 1;
    for (int i = header.end(); i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher rowStart = ROW_NUMBER.matcher(line);
      Matcher sectionRow = SECTION_ROW.matcher(line);
      if (rowStart.matches() && startsRow(rowStart.group(1), expected)) {
        row(number, rowSection, cells, header, lexicon).ifPresent(rows::add);
        number = rowStart.group(1);
        rowSection = section;
        cells = new ArrayList<>();
        if (rowStart.group(2) != null) {
          cells.add(rowStart.group(2));
        }
        expected = Integer.parseInt(number.contains(".") ? number.substring(0, number.indexOf('.')) : number) + 1;
      } else if (sectionRow.matches() && !sectionRow.group(2).contains("。")) {
        section = sectionRow.group(2).replaceAll("[：:]$", "");
      } else if (number != null) {
        cells.add(line);
      }
    }
    row(number, rowSection, cells, header, lexicon).ifPresent(rows::add);
    return rows;
  }

  private static boolean startsRow(String number, int expected) {
    int whole = Integer.parseInt(number.contains(".") ? number.substring(0, number.indexOf('.')) : number);
    return whole == expected || whole == expected - 1 && number.contains(".") || expected == 1 && whole <= 1;
  }

  private enum Kind { TEXT, UNITS, DEADLINE }

  private static Kind kind(String line, Lexicon lexicon) {
    if (line.length() <= 20 && DeadlineParser.parse(line, 2000).isPresent() && !line.contains("，")) {
      return Kind.DEADLINE;
    }
    if (line.length() <= MAX_CELL_LINE * 2 && UnitNames.isUnitList(line.replaceAll("[、，]$", ""), lexicon)) {
      return Kind.UNITS;
    }
    return Kind.TEXT;
  }

  /** Places a row's lines in its columns: text first, then unit lists in the order the header gives them. */
  private static Optional<ChecklistAnnex.Row> row(String number, String section, List<String> lines, Header header,
      Lexicon lexicon) {
    if (number == null || lines.isEmpty()) {
      return Optional.empty();
    }
    List<String> cells = joinWrappedUnits(lines, lexicon);
    StringBuilder text = new StringBuilder();
    List<String> unitCells = new ArrayList<>();
    String deadline = null;
    StringBuilder remark = new StringBuilder();
    boolean pastUnits = false;
    for (String cell : cells) {
      Kind kind = kind(cell, lexicon);
      if (kind == Kind.DEADLINE && deadline == null) {
        deadline = cell;
      } else if (kind == Kind.UNITS && !text.isEmpty()) {
        unitCells.add(cell.replaceAll("[、，]$", ""));
        pastUnits = true;
      } else if (pastUnits || deadline != null) {
        remark.append(remark.isEmpty() ? "" : "；").append(cell);
      } else {
        text.replace(0, text.length(), NoticeText.join(text.toString(), cell));
      }
    }
    String units = units(unitCells, header.columns());
    return Optional.of(new ChecklistAnnex.Row(number, section, text.toString(), deadline, units,
        remark.isEmpty() ? null : remark.toString()));
  }

  /** With a lead and a co-unit column, the first unit cell is the lead's and the next the co-units'. */
  private static String units(List<String> cells, List<Role> columns) {
    if (cells.isEmpty()) {
      return "";
    }
    boolean split = columns.contains(Role.LEAD) && columns.contains(Role.CO);
    if (!split || cells.size() == 1) {
      return String.join("、", cells) + (columns.contains(Role.CO) && !columns.contains(Role.LEAD) ? "配合" : "");
    }
    int leadAt = columns.indexOf(Role.LEAD);
    int coAt = columns.indexOf(Role.CO);
    String first = cells.get(0);
    String rest = String.join("、", cells.subList(1, cells.size()));
    return leadAt < coAt ? first + "牵头，" + rest + "配合" : rest + "牵头，" + first + "配合";
  }

  /** A unit cell wrapped over two lines ("…、区农业" / "农村局") is one cell again. */
  private static List<String> joinWrappedUnits(List<String> lines, Lexicon lexicon) {
    List<String> cells = new ArrayList<>();
    for (String line : lines) {
      if (!cells.isEmpty()) {
        String previous = cells.get(cells.size() - 1);
        boolean previousOpen = previous.endsWith("、") || previous.endsWith("，");
        boolean previousUnits = UnitNames.isUnitList(previous.replaceAll("[、，]$", ""), lexicon);
        String joined = NoticeText.join(previous, line);
        boolean joinedUnits = UnitNames.isUnitList(joined, lexicon);
        if (joinedUnits && (previousOpen || !previousUnits) && kind(line, lexicon) != Kind.DEADLINE) {
          cells.set(cells.size() - 1, joined);
          continue;
        }
      }
      cells.add(line);
    }
    return cells;
  }
}
