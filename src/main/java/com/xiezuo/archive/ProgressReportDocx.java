package com.xiezuo.archive;

import com.xiezuo.execution.PlanExecutionFacts;
import com.xiezuo.progress.PlanProgress;
import com.xiezuo.progress.TaskBucket;
import com.xiezuo.progress.UnitRate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/** The plan's progress report (进展情况报告) as Word, on A4: the figures, then tables by task, indicator and unit. */
final class ProgressReportDocx {

  private ProgressReportDocx() {}

  static byte[] write(PlanExports.Snapshot s) {
    try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      a4(document);
      XWPFParagraph title = document.createParagraph();
      title.setAlignment(ParagraphAlignment.CENTER);
      run(title, s.plan().plan().year() + " 年" + s.plan().plan().title() + "进展情况报告", 18, true);
      XWPFParagraph date = document.createParagraph();
      date.setAlignment(ParagraphAlignment.CENTER);
      run(date, "（截至 " + s.asOf() + "）", 12, false);

      List<PlanProgress.Row> rows = s.plan().rows().toList();
      int all = PlanProgress.count(rows, TaskBucket.ALL, s.asOf());
      int done = PlanProgress.count(rows, TaskBucket.DONE, s.asOf());
      paragraph(document, "计划共 " + s.plan().tasks().size() + " 项任务，分解为 " + all + " 个单位任务。已办结 " + done
          + " 个（" + (all == 0 ? 0 : Math.round(done * 100f / all)) + "%），正常推进 "
          + PlanProgress.count(rows, TaskBucket.GREEN, s.asOf()) + " 个，即将到期 "
          + PlanProgress.count(rows, TaskBucket.YELLOW, s.asOf()) + " 个，已逾期 "
          + PlanProgress.count(rows, TaskBucket.RED, s.asOf()) + " 个，已撤销 "
          + PlanProgress.count(rows, TaskBucket.CANCELLED, s.asOf()) + " 个；30 天内到期 "
          + PlanProgress.count(rows, TaskBucket.DUE30, s.asOf()) + " 个。");

      heading(document, "一、各项任务进展");
      List<List<String>> tasks = new ArrayList<>();
      for (PlanProgress.TaskProgress task : s.plan().tasks()) {
        var lead = task.task().lead();
        long finished = task.unitTasks().stream().filter(state -> "COMPLETED".equals(state.status())).count();
        long late = task.unitTasks().stream().filter(state -> "RED".equals(state.light())).count();
        tasks.add(List.of(task.task().number(), task.task().title(), lead == null ? "" : s.unitName(lead.unitId() == null ? lead.printedName() : lead.unitId()),
            String.valueOf(task.unitTasks().size()), String.valueOf(finished), String.valueOf(late),
            task.task().deadline().toString()));
      }
      table(document, List.of("编号", "任务", "牵头单位", "单位任务", "已办结", "已逾期", "完成时限"), tasks);

      heading(document, "二、协议指标完成情况");
      List<List<String>> indicators = new ArrayList<>();
      for (PlanExecutionFacts.AssignmentFacts unit : s.facts()) {
        for (PlanExecutionFacts.Indicator indicator : unit.indicators()) {
          indicators.add(List.of(indicator.indicator().taskNumber(), indicator.indicator().name(),
              s.unitName(unit.assignment().unitId()), indicator.target().toPlainString(),
              indicator.standing().toPlainString(), PlanExports.nullToEmpty(indicator.indicator().unit()),
              PlanExports.percent(indicator.standing(), indicator.target()).toString()));
        }
      }
      if (indicators.isEmpty()) {
        paragraph(document, "本计划没有分解到单位的协议指标。");
      } else {
        table(document, List.of("任务", "指标", "单位", "目标", "台账累计", "计量单位", "完成率（%）"), indicators);
      }

      heading(document, "三、各单位完成情况");
      List<List<String>> units = new ArrayList<>();
      for (UnitRate rate : s.plan().unitRates(s.unitNames(), s.asOf())) {
        units.add(List.of(rate.unitName(), String.valueOf(rate.total()), String.valueOf(rate.done()),
            rate.ratePercent() + "%", String.valueOf(rate.overdue())));
      }
      table(document, List.of("单位", "单位任务", "已办结", "完成率", "已逾期"), units);

      heading(document, "四、逾期任务");
      List<List<String>> overdue = rows.stream().filter(row -> TaskBucket.RED.holds(row, s.asOf()))
          .map(row -> List.of(row.task().number(), row.task().title(), s.unitName(row.unitTask().unitId()),
              row.task().deadline().toString())).toList();
      if (overdue.isEmpty()) {
        paragraph(document, "目前没有逾期任务。");
      } else {
        table(document, List.of("编号", "任务", "单位", "完成时限"), overdue);
      }
      document.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A4 portrait with the common official margins. */
  private static void a4(XWPFDocument document) {
    CTSectPr section = document.getDocument().getBody().addNewSectPr();
    CTPageSz size = section.addNewPgSz();
    size.setW(BigInteger.valueOf(11906));
    size.setH(BigInteger.valueOf(16838));
    CTPageMar margins = section.addNewPgMar();
    margins.setTop(BigInteger.valueOf(1440));
    margins.setBottom(BigInteger.valueOf(1440));
    margins.setLeft(BigInteger.valueOf(1588));
    margins.setRight(BigInteger.valueOf(1474));
  }

  private static void heading(XWPFDocument document, String text) {
    run(document.createParagraph(), text, 14, true);
  }

  private static void paragraph(XWPFDocument document, String text) {
    XWPFParagraph paragraph = document.createParagraph();
    paragraph.setFirstLineIndent(480);
    run(paragraph, text, 12, false);
  }

  private static void run(XWPFParagraph paragraph, String text, int size, boolean bold) {
    XWPFRun run = paragraph.createRun();
    run.setText(text);
    run.setFontSize(size);
    run.setBold(bold);
    run.setFontFamily("宋体");
  }

  private static void table(XWPFDocument document, List<String> header, List<List<String>> rows) {
    XWPFTable table = document.createTable(rows.size() + 1, header.size());
    table.setWidth("100%");
    fill(table.getRow(0), header, true);
    for (int r = 0; r < rows.size(); r++) {
      fill(table.getRow(r + 1), rows.get(r), false);
    }
  }

  private static void fill(XWPFTableRow row, List<String> values, boolean bold) {
    for (int c = 0; c < values.size(); c++) {
      XWPFParagraph cell = row.getCell(c).getParagraphs().get(0);
      run(cell, values.get(c), 10, bold);
    }
  }
}
