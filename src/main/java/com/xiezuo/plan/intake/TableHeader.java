package com.xiezuo.plan.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The header of a task table: which rows it takes (one, or two when a merged "责任单位" stands above
 * "牵头单位 | 配合单位") and what each column holds. A table is a task table when it has a column of task text and
 * a column of units.
 */
final class TableHeader {

  /** The header is looked for in the first rows only: above it there is at most a title and a few lines. */
  static final int SEARCH_ROWS = 30;

  private final int firstRow;
  private final int lastRow;
  private final TreeMap<Integer, HeaderRole> roles;
  private final Map<Integer, String> labels;

  private TableHeader(int firstRow, int lastRow, TreeMap<Integer, HeaderRole> roles, Map<Integer, String> labels) {
    this.firstRow = firstRow;
    this.lastRow = lastRow;
    this.roles = roles;
    this.labels = labels;
  }

  static Optional<TableHeader> find(Grid grid) {
    for (int r = 0; r < Math.min(grid.height(), SEARCH_ROWS); r++) {
      if (!hasHeaderWord(grid, r)) {
        continue;
      }
      boolean twoRows = isSecondHeaderRow(grid, r, r + 1);
      TreeMap<Integer, HeaderRole> roles = new TreeMap<>();
      Map<Integer, String> labels = new TreeMap<>();
      for (int c = 0; c < grid.width(); c++) {
        String upper = HeaderRole.compact(grid.text(r, c));
        String lower = twoRows ? HeaderRole.compact(grid.text(r + 1, c)) : "";
        String label = !lower.isEmpty() && !lower.equals(upper) && HeaderRole.of(lower).isPresent() ? lower : upper;
        int column = c;
        HeaderRole.of(label).ifPresent(role -> {
          roles.put(column, role);
          labels.put(column, label);
        });
      }
      if (roles.containsValue(HeaderRole.TEXT) && roles.values().stream().anyMatch(HeaderRole::isUnits)) {
        return Optional.of(new TableHeader(r, twoRows ? r + 1 : r, roles, labels));
      }
    }
    return Optional.empty();
  }

  private static boolean hasHeaderWord(Grid grid, int row) {
    for (int c = 0; c < grid.width(); c++) {
      if (HeaderRole.of(grid.text(row, c)).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** The row below holds only header words (or repeats the row above, a merge down) and at least one new one. */
  private static boolean isSecondHeaderRow(Grid grid, int upper, int lower) {
    if (lower >= grid.height()) {
      return false;
    }
    boolean newWord = false;
    for (int c = 0; c < grid.width(); c++) {
      String below = HeaderRole.compact(grid.text(lower, c));
      if (below.isEmpty()) {
        continue;
      }
      boolean repeats = below.equals(HeaderRole.compact(grid.text(upper, c)));
      if (!repeats && HeaderRole.of(below).isEmpty()) {
        return false;
      }
      newWord |= !repeats;
    }
    return newWord;
  }

  int firstRow() {
    return firstRow;
  }

  int dataStart() {
    return lastRow + 1;
  }

  int firstColumn() {
    return roles.firstKey();
  }

  int lastColumn() {
    return roles.lastKey();
  }

  Map<Integer, HeaderRole> roles() {
    return roles;
  }

  String label(int column) {
    return labels.getOrDefault(column, Grid.columnLetters(column) + " 列");
  }

  /** The first column with the role, or -1. */
  int column(HeaderRole role) {
    return columns(role).isEmpty() ? -1 : columns(role).get(0);
  }

  List<Integer> columns(HeaderRole role) {
    List<Integer> columns = new ArrayList<>();
    roles.forEach((column, r) -> {
      if (r == role) {
        columns.add(column);
      }
    });
    return columns;
  }

  /** 牵头单位, or else the (first) 责任单位 column. */
  int leadColumn() {
    return column(HeaderRole.LEAD) >= 0 ? column(HeaderRole.LEAD) : column(HeaderRole.UNITS);
  }

  /** 配合单位; or a second units column beside a first one (a header "责任单位" merged over two columns). */
  int coColumn() {
    if (column(HeaderRole.CO) >= 0) {
      return column(HeaderRole.CO);
    }
    List<Integer> units = columns(HeaderRole.UNITS);
    if (column(HeaderRole.LEAD) >= 0) {
      return units.isEmpty() ? -1 : units.get(0);
    }
    return units.size() > 1 ? units.get(1) : -1;
  }

  /** Columns of a role already taken once (a second 时限, a second 备注): their text joins the task's content. */
  List<Integer> extraColumns() {
    List<Integer> used = new ArrayList<>(columns(HeaderRole.TEXT));
    for (int column : new int[] {column(HeaderRole.NUMBER), leadColumn(), coColumn(), column(HeaderRole.DEADLINE),
        column(HeaderRole.REMARK), column(HeaderRole.INDICATORS)}) {
      used.add(column);
    }
    return roles.keySet().stream().filter(column -> !used.contains(column)).toList();
  }

  /** A header printed again inside the table (a Word table repeats it on every page, some sheets too). */
  boolean isRepeatedAt(Grid grid, int row) {
    long same = roles.entrySet().stream()
        .filter(e -> HeaderRole.of(grid.text(row, e.getKey())).filter(role -> role == e.getValue()).isPresent()).count();
    return same >= 2 && same * 2 >= roles.size();
  }
}
