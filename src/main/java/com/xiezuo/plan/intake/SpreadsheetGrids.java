package com.xiezuo.plan.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

/** A workbook (.xlsx or .xls, POI) opened within the intake limits, and each of its sheets as a {@link Grid}. */
final class SpreadsheetGrids {

  private SpreadsheetGrids() {}

  /** {@code file} names the file in messages ("文件“清单.xlsx”"). */
  static Workbook open(String file, byte[] bytes) {
    IntakeLimits.guardOfficeFiles();
    try {
      return WorkbookFactory.create(new ByteArrayInputStream(bytes));
    } catch (EncryptedDocumentException e) {
      throw IntakeException.unreadable(file + "：" + FileKinds.ENCRYPTED);
    } catch (IOException | RuntimeException e) {
      throw OfficeFailures.unreadable(file, "不是有效的 .xlsx 或 .xls 工作簿", e);
    }
  }

  /** The sheet's cells within the row and column limits; a sheet that holds more is refused, naming where. */
  static Grid grid(Sheet sheet, String file) {
    return read(sheet, file, IntakeLimits.MAX_ROWS, true);
  }

  /** The first rows only, where a header would be: enough to tell whether the sheet holds a task table. */
  static Grid head(Sheet sheet, String file) {
    return read(sheet, file, TableHeader.SEARCH_ROWS + 1, false);
  }

  private static Grid read(Sheet sheet, String file, int rowLimit, boolean refuseBeyond) {
    String name = sheet.getSheetName();
    Grid.Builder grid = Grid.builder(file + "的工作表“" + name + "”", Grid.Addressing.SHEET);
    DataFormatter formatter = new DataFormatter();
    for (Row row : sheet) {
      for (Cell cell : row) {
        Grid.Cell value = value(cell, formatter);
        if (value.isBlank()) {
          continue;
        }
        if (row.getRowNum() >= rowLimit || cell.getColumnIndex() >= IntakeLimits.MAX_COLUMNS) {
          if (!refuseBeyond) {
            continue;
          }
          throw IntakeException.tooLarge(row.getRowNum() >= rowLimit
              ? file + "的工作表“" + name + "”在第 " + (row.getRowNum() + 1) + " 行仍有内容，超过 " + IntakeLimits.MAX_ROWS
                  + " 行的上限：请删去多余的行，或把任务清单单独存为一个文件"
              : file + "的工作表“" + name + "”的单元格 " + cell.getAddress().formatAsString() + " 超出 "
                  + IntakeLimits.MAX_COLUMNS + " 列的上限：任务清单不应有这么多列，请删去多余的列");
        }
        grid.put(row.getRowNum(), cell.getColumnIndex(), value);
      }
    }
    for (CellRangeAddress merged : sheet.getMergedRegions()) {
      if (merged.getFirstRow() < rowLimit && merged.getFirstColumn() < IntakeLimits.MAX_COLUMNS) {
        grid.merge(merged.getFirstRow(), merged.getLastRow(), merged.getFirstColumn(), merged.getLastColumn());
      }
    }
    return grid.build();
  }

  private static Grid.Cell value(Cell cell, DataFormatter formatter) {
    Optional<String> error = formulaError(cell);
    if (error.isPresent()) {
      return new Grid.Cell("", null, error.get());
    }
    if (isDate(cell)) {
      return new Grid.Cell(formatter.formatCellValue(cell).trim(), cell.getLocalDateTimeCellValue().toLocalDate(), null);
    }
    if (cell.getCellType() == CellType.FORMULA) {
      return Grid.Cell.of(switch (cell.getCachedFormulaResultType()) {
        case STRING -> cell.getStringCellValue().trim();
        case NUMERIC -> formatter.formatRawCellContents(cell.getNumericCellValue(), -1, "General");
        case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
        default -> "";
      });
    }
    return Grid.Cell.of(formatter.formatCellValue(cell).trim());
  }

  private static Optional<String> formulaError(Cell cell) {
    if (cell.getCellType() == CellType.ERROR
        || (cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.ERROR)) {
      return Optional.of(FormulaError.forInt(cell.getErrorCellValue()).getString());
    }
    return Optional.empty();
  }

  private static boolean isDate(Cell cell) {
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    return type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell);
  }

  static void close(Workbook workbook) {
    try {
      workbook.close();
    } catch (IOException e) {
      // read from memory: nothing to release that matters
    }
  }
}
