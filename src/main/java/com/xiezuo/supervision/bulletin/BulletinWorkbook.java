package com.xiezuo.supervision.bulletin;

import com.xiezuo.supervision.bulletin.BulletinFigures.IndicatorFigure;
import com.xiezuo.supervision.bulletin.BulletinRecords.Mention;
import com.xiezuo.supervision.bulletin.BulletinTables.UnitRow;
import com.xiezuo.workflow.Deadlines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The bulletin's tables as a spreadsheet, numbers as numbers: the units' figures (with the total), each unit's
 * indicators against its target, and the units commended and criticised with their facts.
 */
public final class BulletinWorkbook {

  public static final String UNITS_SHEET = "各单位任务推进情况";
  public static final String INDICATORS_SHEET = "协议指标完成情况";
  public static final String MENTIONS_SHEET = "通报表扬和批评";

  private BulletinWorkbook() {}

  public static byte[] write(Bulletin bulletin) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      String caption = bulletin.stored().text().title() + "（" + bulletin.issueLabel() + "，数据截至 "
          + Deadlines.minute(bulletin.stored().figuresAsOf()) + "）";

      Sheet units = sheet(workbook, UNITS_SHEET, caption, BulletinTables.UNIT_HEADER, bold);
      int r = 2;
      for (UnitRow row : BulletinTables.unitRows(bulletin.figures())) {
        Row line = units.createRow(r++);
        if (!row.number().isEmpty()) {
          line.createCell(0).setCellValue(Integer.parseInt(row.number()));
        }
        line.createCell(1).setCellValue(row.name());
        if (row.isGroup() || row.isTotal()) {
          line.getCell(1).setCellStyle(bold);
        }
        for (int c = 0; c < row.numbers().size(); c++) {
          line.createCell(c + 2).setCellValue(row.numbers().get(c));
        }
      }

      List<String> header = List.of("序号", "单位", "任务", "指标", "计量单位", "目标", "台账", "完成率（%）", "达标");
      Sheet indicators = sheet(workbook, INDICATORS_SHEET, caption, header, bold);
      r = 2;
      for (IndicatorFigure indicator : bulletin.figures().indicators()) {
        Row line = indicators.createRow(r);
        line.createCell(0).setCellValue(r - 1);
        line.createCell(1).setCellValue(indicator.unitName());
        line.createCell(2).setCellValue(indicator.taskNumber());
        line.createCell(3).setCellValue(indicator.label());
        line.createCell(4).setCellValue(indicator.measure() == null ? "" : indicator.measure());
        line.createCell(5).setCellValue(indicator.target().doubleValue());
        line.createCell(6).setCellValue(indicator.actual().doubleValue());
        BigDecimal rate = indicator.rate();
        if (rate != null) {
          line.createCell(7).setCellValue(rate.doubleValue());
        }
        line.createCell(8).setCellValue(indicator.met() ? "是" : "否");
        r++;
      }

      Sheet mentions = sheet(workbook, MENTIONS_SHEET, caption, List.of("类别", "单位", "事实依据"), bold);
      r = 2;
      for (Mention mention : bulletin.mentions()) {
        Row line = mentions.createRow(r++);
        line.createCell(0).setCellValue(mention.kind().label());
        line.createCell(1).setCellValue(bulletin.unitName(mention.unitId()));
        line.createCell(2).setCellValue(mention.facts());
      }
      for (Sheet sheet : List.of(units, indicators, mentions)) {
        sheet.setColumnWidth(1, 24 * 256);
      }
      indicators.setColumnWidth(3, 40 * 256);
      mentions.setColumnWidth(2, 60 * 256);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Sheet sheet(XSSFWorkbook workbook, String name, String caption, List<String> header, CellStyle bold) {
    Sheet sheet = workbook.createSheet(name);
    Row title = sheet.createRow(0);
    title.createCell(0).setCellValue(caption);
    title.getCell(0).setCellStyle(bold);
    sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, header.size() - 1));
    Row head = sheet.createRow(1);
    for (int c = 0; c < header.size(); c++) {
      head.createCell(c).setCellValue(header.get(c));
      head.getCell(c).setCellStyle(bold);
    }
    sheet.createFreezePane(0, 2);
    sheet.setRepeatingRows(new CellRangeAddress(1, 1, 0, header.size() - 1));
    sheet.setFitToPage(true);
    PrintSetup print = sheet.getPrintSetup();
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    print.setLandscape(true);
    print.setFitWidth((short) 1);
    print.setFitHeight((short) 0);
    return sheet;
  }
}
