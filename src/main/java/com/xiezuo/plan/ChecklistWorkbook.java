package com.xiezuo.plan;

import com.xiezuo.plan.parse.DeadlineParser;
import com.xiezuo.plan.parse.IndicatorExtractor;
import com.xiezuo.plan.parse.MilestoneExtractor;
import com.xiezuo.plan.parse.NoticeText;
import com.xiezuo.plan.parse.ParsedIndicator;
import com.xiezuo.plan.parse.ParsedPlan;
import com.xiezuo.plan.parse.ParsedTask;
import com.xiezuo.plan.parse.UnitNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The checklist spreadsheet (序号 | 重点工作 | 具体事项 | 完成时限 | 责任单位 | 备注, as plan annexes print it), read
 * and written with Apache POI. An optional 协议指标 column after 备注 carries indicators exactly, one per line.
 */
public final class ChecklistWorkbook {

  static final String NUMBER = "序号";
  static final String SECTION = "重点工作";
  static final String ITEM = "具体事项";
  static final String DEADLINE = "完成时限";
  static final String UNITS = "责任单位";
  static final String REMARK = "备注";
  static final String INDICATORS = "协议指标";
  private static final List<String> REQUIRED = List.of(NUMBER, SECTION, ITEM, DEADLINE, UNITS);
  private static final List<String> HEADER = List.of(NUMBER, SECTION, ITEM, DEADLINE, UNITS, REMARK, INDICATORS);
  static final String REMARK_PREFIX = "\n备注：";

  private static final Pattern SECTION_NUMBER = Pattern.compile("^\\d{1,2}$");
  private static final Pattern TASK_NUMBER = Pattern.compile("^\\d{1,3}(\\.\\d{1,3})*(\\(\\d{1,2}\\))?$");
  private static final Pattern META = Pattern.compile("(年度|发文机关|文号)：([^；]*)");
  private static final Pattern INDICATOR_LINE = Pattern.compile(
      "^(?:(.*?)\\s+)?(>=|<=|=)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(\\S+?)(?:\\s*（力争\\s*([0-9]+(?:\\.[0-9]+)?)）)?$");

  /** What a spreadsheet holds: the plan and the sheet row of each task number, for error messages. */
  public record Content(ParsedPlan plan, Map<String, Integer> rows) {}

  /** Plan details the request may give; they override the rows above the table. */
  public record Defaults(Integer year, String title, String issuer, String docNumber) {}

  private ChecklistWorkbook() {}

  public static Content read(InputStream in, Defaults defaults) {
    try (Workbook workbook = WorkbookFactory.create(in)) {
      return read(workbook.getSheetAt(0), defaults);
    } catch (IOException | RuntimeException e) {
      if (e instanceof PlanImportException importProblem) {
        throw importProblem;
      }
      throw new PlanImportException(List.of(ImportProblem.ofPlan("file",
          "无法读取该文件：不是有效的 .xlsx 工作簿（" + e.getClass().getSimpleName() + "）")), false);
    }
  }

  private static Content read(Sheet sheet, Defaults defaults) {
    List<ImportProblem> problems = new ArrayList<>();
    for (CellRangeAddress merged : sheet.getMergedRegions()) {
      problems.add(new ImportProblem(null, merged.getFirstRow() + 1, "合并单元格",
          "表格含合并单元格 " + merged.formatAsString() + "：请取消合并，在每一行填写完整后再导入"));
    }
    int headerRow = -1;
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (int r = 0; r <= Math.min(sheet.getLastRowNum(), 15) && headerRow < 0; r++) {
      Row row = sheet.getRow(r);
      if (row == null) {
        continue;
      }
      Map<String, Integer> found = new LinkedHashMap<>();
      for (Cell cell : row) {
        String text = cell.getCellType() == CellType.STRING ? cell.getStringCellValue().replaceAll("\\s+", "") : "";
        HEADER.stream().filter(text::equals).findFirst().ifPresent(name -> found.put(name, cell.getColumnIndex()));
      }
      if (found.containsKey(NUMBER) && (found.containsKey(ITEM) || found.containsKey(UNITS))) {
        headerRow = r;
        columns = found;
      }
    }
    if (headerRow < 0) {
      problems.add(ImportProblem.ofPlan("表头", "找不到表头行：需要列 " + String.join(" | ", REQUIRED) + " | 备注"));
      throw new PlanImportException(problems, false);
    }
    Map<String, Integer> header = columns;
    List<String> missing = REQUIRED.stream().filter(name -> !header.containsKey(name)).toList();
    if (!missing.isEmpty()) {
      problems.add(new ImportProblem(null, headerRow + 1, "表头", "缺少列：" + String.join("、", missing)));
      throw new PlanImportException(problems, false);
    }
    Map<String, String> meta = meta(sheet, headerRow);
    Integer year = defaults.year() != null ? defaults.year() : parseYear(meta.get("年度"));
    String title = firstNonBlank(defaults.title(), meta.get("title"));
    String issuer = firstNonBlank(defaults.issuer(), meta.get("发文机关"));
    String docNumber = firstNonBlank(defaults.docNumber(), meta.get("文号"));
    if (year == null) {
      problems.add(ImportProblem.ofPlan("year", "无法确定计划年度：请在请求中给出 year，或在表头上方写“年度：2023”"));
      throw new PlanImportException(problems, false);
    }
    List<ParsedTask> tasks = new ArrayList<>();
    Map<String, Integer> rows = new LinkedHashMap<>();
    String section = null;
    for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      if (row == null) {
        continue;
      }
      int excelRow = r + 1;
      Map<String, String> cells = new LinkedHashMap<>();
      LocalDate dateCell = null;
      for (Map.Entry<String, Integer> column : columns.entrySet()) {
        Cell cell = row.getCell(column.getValue());
        Optional<String> error = formulaError(cell);
        if (error.isPresent()) {
          problems.add(new ImportProblem(null, excelRow, column.getKey(),
              "单元格 " + cell.getAddress().formatAsString() + " 是公式错误 " + error.get() + "，请改为具体内容"));
          continue;
        }
        if (column.getKey().equals(DEADLINE) && isDate(cell)) {
          dateCell = cell.getLocalDateTimeCellValue().atZone(ZoneId.systemDefault()).toLocalDate();
        }
        cells.put(column.getKey(), text(cell));
      }
      String number = cells.getOrDefault(NUMBER, "");
      String item = cells.getOrDefault(ITEM, "");
      if (cells.values().stream().allMatch(String::isBlank)) {
        continue;
      }
      if (SECTION_NUMBER.matcher(number).matches() && item.isBlank()) {
        section = cells.getOrDefault(SECTION, "").isBlank() ? section : cells.get(SECTION);
        continue;
      }
      if (!TASK_NUMBER.matcher(number).matches()) {
        problems.add(new ImportProblem(null, excelRow, NUMBER, "序号“" + number + "”无效（应如 1、1.2、5.2(1)）"));
        continue;
      }
      if (rows.containsKey(number)) {
        problems.add(new ImportProblem(number, excelRow, NUMBER, "序号与第 " + rows.get(number) + " 行重复"));
        continue;
      }
      rows.put(number, excelRow);
      String rowSection = cells.getOrDefault(SECTION, "").isBlank() ? section : cells.get(SECTION);
      tasks.add(task(number, rowSection, item, cells, dateCell, year, excelRow, problems));
    }
    if (tasks.isEmpty() && problems.isEmpty()) {
      problems.add(new ImportProblem(null, headerRow + 2, ITEM, "表头下没有任何任务行"));
    }
    if (!problems.isEmpty()) {
      throw new PlanImportException(problems, false);
    }
    return new Content(new ParsedPlan(title, year, issuer, docNumber, tasks), rows);
  }

  private static ParsedTask task(String number, String section, String item, Map<String, String> cells,
      LocalDate dateCell, int year, int excelRow, List<ImportProblem> problems) {
    String text = NoticeText.cleanLine(item.replace('\n', ' '));
    String title = text;
    String content = "";
    int stop = text.indexOf('。');
    if (stop > 0 && stop <= 30) {
      title = text.substring(0, stop);
      content = text.substring(stop + 1).trim();
    } else if (text.length() > 30) {
      title = text.substring(0, 20) + "…";
      content = text;
    }
    String remark = cells.getOrDefault(REMARK, "");
    if (!remark.isBlank()) {
      content = content + REMARK_PREFIX + remark.trim();
    }
    String deadlineText = cells.getOrDefault(DEADLINE, "").trim();
    LocalDate deadline = dateCell;
    boolean yearRound = false;
    if (deadline == null) {
      Optional<DeadlineParser.Deadline> parsed = DeadlineParser.parse(NoticeText.cleanLine(deadlineText), year);
      if (parsed.isPresent()) {
        deadline = parsed.get().date();
        yearRound = parsed.get().yearRound();
      } else {
        problems.add(new ImportProblem(number, excelRow, DEADLINE,
            deadlineText.isBlank() ? "缺少完成时限" : "无法识别完成时限“" + deadlineText + "”（如“10 月底前”“2023 年 11 月”）"));
      }
    } else {
      deadlineText = null;
    }
    UnitNames.Responsibility units = UnitNames.parse(NoticeText.cleanLine(cells.getOrDefault(UNITS, "")));
    List<ParsedIndicator> indicators = cells.containsKey(INDICATORS)
        ? indicators(cells.get(INDICATORS), number, excelRow, problems) : IndicatorExtractor.extract(text);
    return new ParsedTask(number, section, title.replaceAll("[。；，]+$", ""), content.isBlank() ? null : content,
        units.lead(), units.coUnits(), deadline, deadlineText == null || deadlineText.isBlank() ? null : deadlineText,
        yearRound, indicators, MilestoneExtractor.extract(content, year));
  }

  private static List<ParsedIndicator> indicators(String cell, String number, int excelRow,
      List<ImportProblem> problems) {
    List<ParsedIndicator> indicators = new ArrayList<>();
    for (String line : cell.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      Matcher m = INDICATOR_LINE.matcher(line.trim());
      if (!m.matches()) {
        problems.add(new ImportProblem(number, excelRow, INDICATORS,
            "无法识别指标“" + line.trim() + "”（格式：名称 >= 值 单位（力争 值））"));
        continue;
      }
      indicators.add(new ParsedIndicator(line.trim(), m.group(1), m.group(2), new BigDecimal(m.group(3)), m.group(4),
          m.group(5) == null ? null : new BigDecimal(m.group(5))));
    }
    return indicators;
  }

  private static Map<String, String> meta(Sheet sheet, int headerRow) {
    Map<String, String> meta = new LinkedHashMap<>();
    for (int r = 0; r < headerRow; r++) {
      Row row = sheet.getRow(r);
      if (row == null) {
        continue;
      }
      for (Cell cell : row) {
        String text = text(cell).trim();
        if (text.isEmpty()) {
          continue;
        }
        Matcher m = META.matcher(text);
        boolean any = false;
        while (m.find()) {
          meta.put(m.group(1), m.group(2).trim());
          any = true;
        }
        if (!any && !meta.containsKey("title")) {
          meta.put("title", text);
        }
      }
    }
    return meta;
  }

  private static Integer parseYear(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = Pattern.compile("(\\d{4})").matcher(text);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  private static Optional<String> formulaError(Cell cell) {
    if (cell == null) {
      return Optional.empty();
    }
    if (cell.getCellType() == CellType.ERROR
        || (cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.ERROR)) {
      return Optional.of(FormulaError.forInt(cell.getErrorCellValue()).getString());
    }
    return Optional.empty();
  }

  private static boolean isDate(Cell cell) {
    if (cell == null) {
      return false;
    }
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    return type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell);
  }

  private static String text(Cell cell) {
    if (cell == null) {
      return "";
    }
    if (cell.getCellType() == CellType.FORMULA) {
      return switch (cell.getCachedFormulaResultType()) {
        case STRING -> cell.getStringCellValue();
        case NUMERIC -> new DataFormatter().formatRawCellContents(cell.getNumericCellValue(), -1, "General");
        case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
        default -> "";
      };
    }
    return new DataFormatter().formatCellValue(cell).trim();
  }

  private static String firstNonBlank(String first, String second) {
    return first != null && !first.isBlank() ? first.trim() : second;
  }

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
