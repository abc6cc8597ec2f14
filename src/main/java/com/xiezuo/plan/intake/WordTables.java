package com.xiezuo.plan.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/** A Word table as a {@link Grid}: cells spanning columns (gridSpan) and merged down (vMerge) become merges. */
final class WordTables {

  private WordTables() {}

  static Grid grid(XWPFTable table, String name) {
    Grid.Builder grid = Grid.builder(name, Grid.Addressing.TABLE);
    Map<Integer, int[]> mergedDown = new HashMap<>();
    List<XWPFTableRow> rows = table.getRows();
    if (rows.size() > IntakeLimits.MAX_ROWS) {
      throw IntakeException.tooLarge(name + "有 " + rows.size() + " 行，超过 " + IntakeLimits.MAX_ROWS + " 行的上限");
    }
    for (int r = 0; r < rows.size(); r++) {
      int column = 0;
      for (XWPFTableCell cell : rows.get(r).getTableCells()) {
        CTTcPr properties = cell.getCTTc().getTcPr();
        int span = properties != null && properties.getGridSpan() != null
            ? Math.max(1, properties.getGridSpan().getVal().intValue()) : 1;
        if (column + span > IntakeLimits.MAX_COLUMNS) {
          throw IntakeException.tooLarge(name + "第 " + (r + 1) + " 行超过 " + IntakeLimits.MAX_COLUMNS + " 列的上限");
        }
        boolean merges = properties != null && properties.getVMerge() != null;
        boolean continues = merges && properties.getVMerge().getVal() != STMerge.RESTART;
        int[] open = mergedDown.get(column);
        if (continues && open != null) {
          open[1] = r;
        } else {
          close(grid, mergedDown.remove(column));
          grid.put(r, column, Grid.Cell.of(text(cell)));
          if (merges) {
            mergedDown.put(column, new int[] {r, r, column, column + span - 1});
          } else if (span > 1) {
            grid.merge(r, r, column, column + span - 1);
          }
        }
        column += span;
      }
    }
    mergedDown.values().forEach(open -> close(grid, open));
    return grid.build();
  }

  private static void close(Grid.Builder grid, int[] region) {
    if (region != null) {
      grid.merge(region[0], region[1], region[2], region[3]);
    }
  }

  /** A cell's paragraphs, one a line (nested tables included, cell by cell). */
  static String text(XWPFTableCell cell) {
    StringBuilder text = new StringBuilder();
    for (XWPFParagraph paragraph : cell.getParagraphs()) {
      text.append(text.isEmpty() ? "" : "\n").append(paragraph.getText());
    }
    for (XWPFTable nested : cell.getTables()) {
      for (XWPFTableRow row : nested.getRows()) {
        for (XWPFTableCell inner : row.getTableCells()) {
          text.append('\n').append(text(inner));
        }
      }
    }
    return text.toString().trim();
  }
}
