package com.xiezuo.assessment;

import com.xiezuo.assessment.AssessmentRecords.AssessedUnit;
import com.xiezuo.assessment.AssessmentViews.Overview;
import com.xiezuo.assessment.AssessmentViews.SheetLine;
import com.xiezuo.assessment.UnitFacts.Fact;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * The published assessment as files: the ranking and the score sheets as a spreadsheet (numbers as numbers), and
 * the assessment 通报 as a Word document with the ranking tables.
 */
public final class AssessmentFiles {

  public static final String RANKING_SHEET = "考核排名";
  public static final String COMPONENTS_SHEET = "评分明细";
  public static final String FACTS_SHEET = "依据记录";
  public static final String ABOUT_SHEET = "说明";
  static final List<String> RANKING_HEADER = List.of("类别", "名次", "单位", "总分", "等次", "自评");

  private AssessmentFiles() {}

  /** The ranking of every unit and the sheets of {@code sheets} (all of them for those who oversee). */
  public static byte[] workbook(Overview overview, List<AssessmentViews.Sheet> sheets) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet ranking = workbook.createSheet(RANKING_SHEET);
      header(ranking, RANKING_HEADER);
      if (overview.assessment().status() == AssessmentStatus.SUPERSEDED) {
        ranking.getRow(0).createCell(RANKING_HEADER.size()).setCellValue("本版已被更正，作废");
      }
      int r = 1;
      for (AssessedUnit unit : units(overview)) {
        Row row = ranking.createRow(r++);
        row.createCell(0).setCellValue(unit.district() ? "各区（功能区）" : "市直单位及其他");
        if (unit.rank() != null) {
          row.createCell(1).setCellValue(unit.rank());
        }
        row.createCell(2).setCellValue(unit.unitName());
        if (unit.total() != null) {
          row.createCell(3).setCellValue(unit.total().doubleValue());
        }
        row.createCell(4).setCellValue(unit.grade() == null ? "" : unit.grade());
        row.createCell(5).setCellValue(unit.selfStatus().label());
      }
      about(workbook.createSheet(ABOUT_SHEET), overview);
      Sheet components = workbook.createSheet(COMPONENTS_SHEET);
      header(components, List.of("单位", "项目", "得分", "适用规则"));
      Sheet facts = workbook.createSheet(FACTS_SHEET);
      header(facts, List.of("单位", "项目", "记录", "编号", "内容"));
      int c = 1;
      int f = 1;
      for (AssessmentViews.Sheet sheet : sheets) {
        for (SheetLine line : sheet.lines()) {
          Row row = components.createRow(c++);
          row.createCell(0).setCellValue(sheet.unit().unitName());
          row.createCell(1).setCellValue(line.component().decisionName());
          if (line.component().score() != null) {
            row.createCell(2).setCellValue(line.component().score().doubleValue());
          } else if (AssessmentDecisions.GRADE.equals(line.component().decisionKey()) && sheet.unit().grade() != null) {
            row.createCell(2).setCellValue(sheet.unit().grade());
          }
          row.createCell(3).setCellValue(String.join("；", line.component().rules()));
          for (Fact fact : line.facts()) {
            Row factRow = facts.createRow(f++);
            factRow.createCell(0).setCellValue(sheet.unit().unitName());
            factRow.createCell(1).setCellValue(line.component().decisionName());
            factRow.createCell(2).setCellValue(fact.kindLabel());
            factRow.createCell(3).setCellValue(fact.recordId());
            factRow.createCell(4).setCellValue(fact.text());
          }
        }
        for (AdjustmentRecords.Adjustment adjustment : sheet.adjustments()) {
          Row row = components.createRow(c++);
          row.createCell(0).setCellValue(sheet.unit().unitName());
          row.createCell(1).setCellValue(adjustment.kind().label() + (adjustment.standing() ? "" : "（已撤销）"));
          row.createCell(2).setCellValue(adjustment.points().doubleValue());
          row.createCell(3).setCellValue(adjustment.reason() + (adjustment.standing() ? ""
              : "；撤销理由：" + adjustment.withdrawnReason()));
        }
      }
      for (Sheet each : List.of(ranking, components, facts)) {
        each.setColumnWidth(2, 24 * 256);
        each.createFreezePane(0, 1);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The assessment 通报: title, 主送, what was assessed and how, the grades, then the ranking of each class. */
  public static byte[] document(Overview overview, String issuer) {
    try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      AssessmentNotice notice = AssessmentNotice.of(overview, issuer);
      XWPFParagraph title = document.createParagraph();
      title.setAlignment(ParagraphAlignment.CENTER);
      run(title, notice.title(), "方正小标宋简体", 22);
      run(document.createParagraph(), notice.recipients() + "：", "仿宋_GB2312", 16);
      notice.paragraphs().forEach(text -> paragraph(document, text));
      for (String line : List.of(notice.issuer(), notice.dateLine())) {
        XWPFParagraph closing = document.createParagraph();
        closing.setAlignment(ParagraphAlignment.RIGHT);
        run(closing, line, "仿宋_GB2312", 16);
      }
      for (List<AssessedUnit> group : List.of(overview.districts(), overview.others())) {
        if (group.isEmpty()) {
          continue;
        }
        XWPFParagraph caption = document.createParagraph();
        caption.setPageBreak(true);
        caption.setAlignment(ParagraphAlignment.CENTER);
        run(caption, (group.get(0).district() ? "各区（功能区）" : "市直单位及其他") + "考核结果", "黑体", 16);
        XWPFTable table = document.createTable(group.size() + 1, 4);
        List<String> head = List.of("名次", "单位", "总分", "等次");
        for (int i = 0; i < head.size(); i++) {
          table.getRow(0).getCell(i).setText(head.get(i));
        }
        for (int r = 0; r < group.size(); r++) {
          AssessedUnit unit = group.get(r);
          table.getRow(r + 1).getCell(0).setText(unit.rank() == null ? "" : String.valueOf(unit.rank()));
          table.getRow(r + 1).getCell(1).setText(unit.unitName());
          table.getRow(r + 1).getCell(2).setText(unit.total() == null ? "" : unit.total().toPlainString());
          table.getRow(r + 1).getCell(3).setText(unit.grade() == null ? "" : unit.grade());
        }
      }
      document.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<AssessedUnit> units(Overview overview) {
    return Stream.concat(overview.districts().stream(), overview.others().stream()).toList();
  }

  /** Which version this is and what it stands on, so a file kept apart still says it. */
  private static void about(Sheet sheet, Overview overview) {
    var assessment = overview.assessment();
    List<List<String>> lines = List.of(
        List.of("工作计划", overview.planTitle()),
        List.of("版本", "第 " + assessment.version() + " 版"),
        List.of("状态", assessment.status().label()),
        List.of("考核日期", String.valueOf(assessment.asOf())),
        List.of("指标体系", assessment.decisionsVersion() == null ? "尚未计分" : assessment.decisionsVersion()),
        List.of("参数", AssessmentParameter.describe(assessment.parameters())),
        List.of("更正理由", assessment.correctionReason() == null ? "" : assessment.correctionReason()));
    for (int i = 0; i < lines.size(); i++) {
      Row row = sheet.createRow(i);
      row.createCell(0).setCellValue(lines.get(i).get(0));
      row.createCell(1).setCellValue(lines.get(i).get(1));
    }
    sheet.setColumnWidth(1, 80 * 256);
  }

  private static void header(Sheet sheet, List<String> names) {
    Row row = sheet.createRow(0);
    for (int i = 0; i < names.size(); i++) {
      row.createCell(i).setCellValue(names.get(i));
    }
  }

  private static void paragraph(XWPFDocument document, String text) {
    XWPFParagraph paragraph = document.createParagraph();
    paragraph.setIndentationFirstLine(640);
    run(paragraph, text, "仿宋_GB2312", 16);
  }

  private static void run(XWPFParagraph paragraph, String text, String font, int size) {
    XWPFRun run = paragraph.createRun();
    run.setText(text);
    run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
    run.setFontSize(size);
  }
}
