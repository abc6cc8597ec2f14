package com.xiezuo.supervision.bulletin;

import com.xiezuo.supervision.bulletin.Bulletin.Paragraph;
import com.xiezuo.supervision.bulletin.BulletinTables.UnitRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

/**
 * The bulletin as a Word document an office edits and issues: A4 with the margins of an official document (GB/T 9704:
 * 37 mm top, 35 bottom, 28 left, 26 right), the title in 小标宋 二号, the body in 仿宋 三号 with two characters' indent,
 * outline headings in 黑体, 落款 and date at the right, then the two tables as annexes.
 */
public final class BulletinDocx {

  private static final String TITLE_FONT = "方正小标宋简体";
  private static final String BODY_FONT = "仿宋_GB2312";
  private static final String HEADING_FONT = "黑体";
  private static final int BODY_SIZE = 16;
  private static final int TABLE_SIZE = 10;
  /** Two characters of 三号 (16 pt) in twentieths of a point. */
  private static final int INDENT = 640;
  private static final String ISSUE_RED = "B4282D";

  private BulletinDocx() {}

  public static byte[] write(Bulletin bulletin) {
    try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      pageSetup(document);
      pageNumbers(document);
      XWPFParagraph issue = document.createParagraph();
      issue.setAlignment(ParagraphAlignment.CENTER);
      run(issue, "督查通报 " + bulletin.issueLabel(), BODY_FONT, 14).setColor(ISSUE_RED);
      XWPFParagraph title = document.createParagraph();
      title.setAlignment(ParagraphAlignment.CENTER);
      title.setSpacingAfter(BODY_SIZE * 20);
      run(title, bulletin.stored().text().title(), TITLE_FONT, 22);
      run(document.createParagraph(), bulletin.stored().text().recipients() + "：", BODY_FONT, BODY_SIZE);
      for (Paragraph paragraph : bulletin.paragraphs()) {
        XWPFParagraph line = document.createParagraph();
        line.setIndentationFirstLine(INDENT);
        line.setAlignment(ParagraphAlignment.BOTH);
        run(line, paragraph.text(), paragraph.heading() ? HEADING_FONT : BODY_FONT, BODY_SIZE);
      }
      document.createParagraph();
      for (String closing : List.of(bulletin.stored().text().issuer(), bulletin.dateLine())) {
        XWPFParagraph line = document.createParagraph();
        line.setAlignment(ParagraphAlignment.RIGHT);
        line.setIndentationRight(INDENT);
        run(line, closing, BODY_FONT, BODY_SIZE);
      }
      annex(document, "附件1", "各单位任务推进情况表", unitTable(bulletin), Set.of(1));
      annex(document, "附件2", "协议指标完成情况表", indicatorTable(bulletin), Set.of(1, 3));
      document.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<List<String>> unitTable(Bulletin bulletin) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(BulletinTables.UNIT_HEADER);
    for (UnitRow row : BulletinTables.unitRows(bulletin.figures())) {
      List<String> cells = new ArrayList<>(List.of(row.number(), row.name()));
      if (row.isGroup()) {
        while (cells.size() < BulletinTables.UNIT_HEADER.size()) {
          cells.add("");
        }
      } else {
        row.numbers().forEach(number -> cells.add(String.valueOf(number)));
      }
      rows.add(cells);
    }
    return rows;
  }

  private static List<List<String>> indicatorTable(Bulletin bulletin) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(BulletinTables.INDICATOR_HEADER);
    int number = 1;
    for (BulletinFigures.IndicatorFigure indicator : bulletin.figures().indicators()) {
      rows.add(BulletinTables.indicatorCells(number++, indicator));
    }
    return rows;
  }

  private static void annex(XWPFDocument document, String label, String caption, List<List<String>> rows,
      Set<Integer> leftColumns) {
    XWPFParagraph heading = document.createParagraph();
    heading.setPageBreak(true);
    run(heading, label, HEADING_FONT, BODY_SIZE);
    XWPFParagraph title = document.createParagraph();
    title.setAlignment(ParagraphAlignment.CENTER);
    run(title, caption, TITLE_FONT, 18);
    if (rows.size() == 1) {
      run(document.createParagraph(), "（无）", BODY_FONT, BODY_SIZE);
      return;
    }
    XWPFTable table = document.createTable(rows.size(), rows.get(0).size());
    table.setWidth("100%");
    for (int r = 0; r < rows.size(); r++) {
      XWPFTableRow row = table.getRow(r);
      if (r == 0) {
        row.setRepeatHeader(true);
      }
      for (int c = 0; c < rows.get(r).size(); c++) {
        XWPFParagraph cell = row.getCell(c).getParagraphs().get(0);
        cell.setAlignment(leftColumns.contains(c) ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
        run(cell, rows.get(r).get(c), r == 0 ? HEADING_FONT : BODY_FONT, TABLE_SIZE);
      }
    }
  }

  private static XWPFRun run(XWPFParagraph paragraph, String text, String font, int size) {
    XWPFRun run = paragraph.createRun();
    run.setText(text);
    run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
    run.setFontFamily(font, XWPFRun.FontCharRange.ascii);
    run.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
    run.setFontSize(size);
    return run;
  }

  /** "— 1 —" centred at the foot of every page, as official documents number their pages. */
  private static void pageNumbers(XWPFDocument document) {
    XWPFParagraph line = document.createFooter(HeaderFooterType.DEFAULT).createParagraph();
    line.setAlignment(ParagraphAlignment.CENTER);
    run(line, "— ", BODY_FONT, 14);
    line.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
    line.createRun().getCTR().addNewInstrText().setStringValue("PAGE");
    line.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    run(line, " —", BODY_FONT, 14);
  }

  private static void pageSetup(XWPFDocument document) {
    CTSectPr section = document.getDocument().getBody().addNewSectPr();
    CTPageSz size = section.addNewPgSz();
    size.setW(BigInteger.valueOf(11906));
    size.setH(BigInteger.valueOf(16838));
    CTPageMar margins = section.addNewPgMar();
    margins.setTop(BigInteger.valueOf(2098));
    margins.setBottom(BigInteger.valueOf(1984));
    margins.setLeft(BigInteger.valueOf(1588));
    margins.setRight(BigInteger.valueOf(1474));
  }
}
