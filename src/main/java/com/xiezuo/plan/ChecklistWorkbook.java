package com.xiezuo.plan;

import com.xiezuo.plan.intake.TaskTable;
import com.xiezuo.plan.parse.DeadlineParser;
import com.xiezuo.plan.parse.NoticeText;
import com.xiezuo.plan.parse.ParsedIndicator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The plan as a checklist spreadsheet (序号 | 重点工作 | 具体事项 | 完成时限 | 责任单位 | 备注 | 协议指标, the layout plan
 * annexes print, with 协议指标 one indicator a line), written with Apache POI. Reading checklists — this layout and
 * the others offices send — is {@link com.xiezuo.plan.intake.NoticeIntake}'s; an exported file reads back to the
 * same tasks.
 */
public final class ChecklistWorkbook {

  private static final List<String> HEADER = List.of("序号", "重点工作", "具体事项", "完成时限", "责任单位", "备注", "协议指标");
  private static final String REMARK_PREFIX = TaskTable.REMARK_PREFIX;

  private ChecklistWorkbook() {}

  /** The export as a download named after the plan. */
  public static ResponseEntity<byte[]> download(PlanDetail plan) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(plan.plan().title() + ".xlsx", StandardCharsets.UTF_8).build().toString())
        .contentType(MediaType.parseMediaType(PlanApiController.XLSX))
        .body(write(plan));
  }

  /** Writes a stored plan in the same layout; importing the file again gives the same tasks. */
  public static byte[] write(PlanDetail plan) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("工作方案清单");
      CellStyle wrap = workbook.createCellStyle();
      wrap.setWrapText(true);
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      set(sheet.createRow(0), 0, plan.plan().title(), bold);
      set(sheet.createRow(1), 0, "年度：" + plan.plan().year() + "；发文机关：" + plan.plan().issuer() + "；文号："
          + (plan.plan().docNumber() == null ? "" : plan.plan().docNumber()), null);
      Row header = sheet.createRow(2);
      for (int c = 0; c < HEADER.size(); c++) {
        set(header, c, HEADER.get(c), bold);
      }
      int r = 3;
      for (PlanDetail.Task task : plan.tasks()) {
        Row row = sheet.createRow(r++);
        String content = task.content() == null ? "" : task.content();
        String remark = "";
        int remarkAt = content.indexOf(REMARK_PREFIX);
        if (remarkAt >= 0) {
          remark = content.substring(remarkAt + REMARK_PREFIX.length());
          content = content.substring(0, remarkAt);
        }
        String item = content.isBlank() || content.equals(task.title()) ? task.title() + "。" : task.title() + "。" + content;
        set(row, 0, task.number(), null);
        set(row, 1, task.section(), wrap);
        set(row, 2, item, wrap);
        set(row, 3, deadlineCell(task, plan.plan().year()), null);
        set(row, 4, unitsCell(task), wrap);
        set(row, 5, remark, wrap);
        set(row, 6, String.join("\n", task.indicators().stream().map(ChecklistWorkbook::indicatorLine).toList()), wrap);
      }
      int[] widths = {8, 18, 60, 16, 40, 30, 36};
      for (int c = 0; c < widths.length; c++) {
        sheet.setColumnWidth(c, widths[c] * 256);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("xlsx export failed", e);
    }
  }

  private static String deadlineCell(PlanDetail.Task task, int year) {
    if (task.deadlineText() != null) {
      Optional<DeadlineParser.Deadline> parsed = DeadlineParser.parse(NoticeText.cleanLine(task.deadlineText()), year);
      if (parsed.isPresent() && parsed.get().date().equals(task.deadline()) && parsed.get().yearRound() == task.yearRound()) {
        return task.deadlineText();
      }
    }
    if (task.yearRound()) {
      return "全年实施";
    }
    LocalDate d = task.deadline();
    return d.getYear() + " 年 " + d.getMonthValue() + " 月 " + d.getDayOfMonth() + " 日";
  }

  private static String unitsCell(PlanDetail.Task task) {
    PlanDetail.Responsible lead = task.lead();
    List<String> co = task.units().stream().filter(unit -> unit.role().equals(PlanDetail.Responsible.CO))
        .map(PlanDetail.Responsible::printedName).toList();
    if (lead == null) {
      return String.join("、", co);
    }
    return co.isEmpty() ? lead.printedName() : lead.printedName() + "牵头，" + String.join("、", co) + "配合";
  }

  private static String indicatorLine(ParsedIndicator indicator) {
    String name = indicator.name() == null ? "" : indicator.name().replaceAll("\\s+", "") + " ";
    String line = name + indicator.comparator() + " " + indicator.value().toPlainString() + " " + indicator.unit();
    return indicator.stretch() == null ? line : line + "（力争 " + indicator.stretch().toPlainString() + "）";
  }

  private static void set(Row row, int column, String value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value == null ? "" : value);
    if (style != null) {
      cell.setCellStyle(style);
    }
  }
}
