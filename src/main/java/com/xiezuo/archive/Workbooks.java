package com.xiezuo.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Plain tables as .xlsx: a caption row, a bold header, then the rows; numbers stay numbers. */
final class Workbooks {

  /** One sheet of a workbook. */
  record Table(String name, String caption, List<String> header, List<List<Object>> rows) {}

  private Workbooks() {}

  static byte[] of(Table... tables) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      for (Table table : tables) {
        Sheet sheet = workbook.createSheet(table.name());
        sheet.createRow(0).createCell(0).setCellValue(table.caption());
        sheet.getRow(0).getCell(0).setCellStyle(bold);
        Row header = sheet.createRow(1);
        for (int c = 0; c < table.header().size(); c++) {
          header.createCell(c).setCellValue(table.header().get(c));
          header.getCell(c).setCellStyle(bold);
        }
        int r = 2;
        for (List<Object> values : table.rows()) {
          Row row = sheet.createRow(r++);
          for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value instanceof Number number) {
              row.createCell(c).setCellValue(number instanceof BigDecimal decimal ? decimal.doubleValue()
                  : number.doubleValue());
            } else if (value != null) {
              row.createCell(c).setCellValue(value.toString());
            }
          }
        }
        for (int c = 0; c < table.header().size(); c++) {
          sheet.setColumnWidth(c, (Math.min(60, Math.max(8, widest(table, c))) + 2) * 256);
        }
        sheet.createFreezePane(0, 2);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setLandscape(table.header().size() > 6);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Characters of the column's longest value, CJK counted twice (they are twice as wide). */
  private static int widest(Table table, int column) {
    List<Object> values = new ArrayList<>();
    values.add(table.header().get(column));
    table.rows().stream().filter(row -> row.size() > column).forEach(row -> values.add(row.get(column)));
    return values.stream().filter(value -> value != null).mapToInt(value -> value.toString().codePoints()
        .map(point -> point > 0x2E80 ? 2 : 1).sum()).max().orElse(8);
  }
}
