package com.xiezuo.plan.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table as rows of cells, read from a worksheet or a Word table, with merged regions resolved: every cell a merge
 * covers holds the merge's value, and still knows the merge it belongs to (a 重点工作 merged down over its sub-items
 * applies to each of them; a merge across two columns can be told apart from two equal cells).
 */
public final class Grid {

  /** How cells are named in messages: A1 notation on a worksheet, row and column numbers in a Word table. */
  public enum Addressing { SHEET, TABLE }

  /** A cell's text; a date when the spreadsheet holds a real date; a formula error (#DIV/0!) when it holds one. */
  public record Cell(String text, LocalDate date, String error) {

    static final Cell EMPTY = new Cell("", null, null);

    public static Cell of(String text) {
      return new Cell(text == null ? "" : text, null, null);
    }

    public boolean isBlank() {
      return text.isBlank() && date == null && error == null;
    }
  }

  /** A merged region, rows and columns counted from 0, both ends included. */
  public record Merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {

    public boolean spansColumns() {
      return lastColumn > firstColumn;
    }

    public boolean spansRows() {
      return lastRow > firstRow;
    }
  }

  private final String name;
  private final Addressing addressing;
  private final List<Cell[]> rows;
  private final int width;
  private final Map<Long, Merge> merges;

  private Grid(String name, Addressing addressing, List<Cell[]> rows, int width, Map<Long, Merge> merges) {
    this.name = name;
    this.addressing = addressing;
    this.rows = rows;
    this.width = width;
    this.merges = merges;
  }

  public static Builder builder(String name, Addressing addressing) {
    return new Builder(name, addressing);
  }

  /** What the grid is, for messages: 工作表“清单”, 第 2 个表格. */
  public String name() {
    return name;
  }

  public int height() {
    return rows.size();
  }

  public int width() {
    return width;
  }

  public Cell cell(int row, int column) {
    if (row < 0 || row >= rows.size() || column < 0 || column >= width) {
      return Cell.EMPTY;
    }
    return rows.get(row)[column];
  }

  public String text(int row, int column) {
    return cell(row, column).text();
  }

  public Optional<Merge> mergeAt(int row, int column) {
    return Optional.ofNullable(merges.get(key(row, column)));
  }

  public boolean isBlankRow(int row) {
    for (int c = 0; c < width; c++) {
      if (!cell(row, c).isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** The row as the user counts it (from 1), in the sheet or the table. */
  public static int rowNumber(int row) {
    return row + 1;
  }

  public String cellName(int row, int column) {
    return addressing == Addressing.SHEET ? columnLetters(column) + (row + 1)
        : "第 " + (row + 1) + " 行第 " + (column + 1) + " 列";
  }

  public String rangeName(Merge merge) {
    if (addressing == Addressing.SHEET) {
      return cellName(merge.firstRow(), merge.firstColumn()) + ":" + cellName(merge.lastRow(), merge.lastColumn());
    }
    String rowsPart = merge.spansRows() ? "第 " + (merge.firstRow() + 1) + "–" + (merge.lastRow() + 1) + " 行"
        : "第 " + (merge.firstRow() + 1) + " 行";
    String columnsPart = merge.spansColumns() ? "第 " + (merge.firstColumn() + 1) + "–" + (merge.lastColumn() + 1) + " 列"
        : "第 " + (merge.firstColumn() + 1) + " 列";
    return rowsPart + columnsPart;
  }

  static String columnLetters(int column) {
    StringBuilder letters = new StringBuilder();
    for (int c = column + 1; c > 0; c = (c - 1) / 26) {
      letters.insert(0, (char) ('A' + (c - 1) % 26));
    }
    return letters.toString();
  }

  private static long key(int row, int column) {
    return ((long) row << 20) | column;
  }

  /** Collects cells and merges, then resolves the merges once. */
  public static final class Builder {

    private final String name;
    private final Addressing addressing;
    private final Map<Long, Cell> cells = new HashMap<>();
    private final List<Merge> merges = new ArrayList<>();
    private int height;
    private int width;

    private Builder(String name, Addressing addressing) {
      this.name = name;
      this.addressing = addressing;
    }

    public Builder put(int row, int column, Cell cell) {
      cells.put(key(row, column), cell);
      height = Math.max(height, row + 1);
      width = Math.max(width, column + 1);
      return this;
    }

    public Builder merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
      merges.add(new Merge(firstRow, lastRow, firstColumn, lastColumn));
      return this;
    }

    public Grid build() {
      List<Cell[]> rows = new ArrayList<>(height);
      for (int r = 0; r < height; r++) {
        Cell[] row = new Cell[width];
        Arrays.fill(row, Cell.EMPTY);
        rows.add(row);
      }
      cells.forEach((key, cell) -> rows.get((int) (key >> 20))[(int) (key & 0xFFFFF)] = cell);
      Map<Long, Merge> covered = new HashMap<>();
      for (Merge merge : merges) {
        // a merge may reach beyond the cells that hold anything (a whole row merged): keep the part inside the grid
        if (merge.firstRow() >= height || merge.firstColumn() >= width) {
          continue;
        }
        Merge clipped = new Merge(merge.firstRow(), Math.min(merge.lastRow(), height - 1), merge.firstColumn(),
            Math.min(merge.lastColumn(), width - 1));
        if (!clipped.spansRows() && !clipped.spansColumns()) {
          continue;
        }
        Cell anchor = rows.get(clipped.firstRow())[clipped.firstColumn()];
        for (int r = clipped.firstRow(); r <= clipped.lastRow(); r++) {
          for (int c = clipped.firstColumn(); c <= clipped.lastColumn(); c++) {
            rows.get(r)[c] = anchor;
            covered.put(key(r, c), clipped);
          }
        }
      }
      return new Grid(name, addressing, rows, width, covered);
    }
  }
}
