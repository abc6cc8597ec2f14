package com.xiezuo.plan.intake;

import com.xiezuo.plan.parse.NoticeHeader;
import com.xiezuo.plan.parse.ParsedPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * A task checklist workbook as a plan: the first sheet with a task table (see {@link TaskTable}); title, year,
 * issuer and document number from what the user gave, else from the rows above the table (a merged title row such
 * as "2023年…任务分工表", or the export's "年度：2023；发文机关：…；文号：…").
 */
final class SpreadsheetPlan {

  private static final Pattern META = Pattern.compile("(年度|发文机关|文号)[：:]([^；;]*)");
  private static final Pattern YEAR = Pattern.compile("(20\\d{2})\\s*年");
  private static final Pattern ANNEX = Pattern.compile("^附\\s*件\\s*[0-9一二三四五六七八九十]*[：:]?$");

  /** What was read: the plan (a task whose deadline is unclear has none), its rows, the sheet and the doubts. */
  record Reading(ParsedPlan plan, Map<String, Integer> rows, String sheet, String where, List<IntakeProblem> doubts) {}

  private SpreadsheetPlan() {}

  /** {@code file} names the file in messages ("文件“清单.xlsx”"). */
  static Reading read(String file, byte[] bytes, PlanDefaults defaults) {
    Workbook workbook = SpreadsheetGrids.open(file, bytes);
    try {
      List<String> looked = new ArrayList<>();
      for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
        Sheet sheet = workbook.getSheetAt(i);
        looked.add("“" + sheet.getSheetName() + "”");
        Optional<TaskTable> table = TaskTable.in(SpreadsheetGrids.head(sheet, file));
        if (table.isPresent()) {
          Grid grid = SpreadsheetGrids.grid(sheet, file);
          String where = file + "的工作表“" + sheet.getSheetName() + "”";
          String sheetNote = workbook.getNumberOfSheets() == 1 ? "" : "（共 " + workbook.getNumberOfSheets() + " 个工作表"
              + (looked.size() > 1 ? "；" + String.join("", looked.subList(0, looked.size() - 1)) + "中没有任务表" : "") + "）";
          return plan(where, sheet.getSheetName(), sheetNote, TaskTable.in(grid).orElseThrow(), defaults);
        }
      }
      throw IntakeException.unreadable(file + "中找不到任务清单的表头（查看了工作表" + String.join("", looked)
          + "的前 " + TableHeader.SEARCH_ROWS + " 行）：表头应有 " + HeaderRole.EXPECTED);
    } catch (IntakeException e) {
      throw e;
    } catch (RuntimeException e) {
      // POI reads some parts of a sheet only when they are asked for: a damaged part fails here, not on opening
      throw OfficeFailures.unreadable(file, "的内容有损坏", e);
    } finally {
      SpreadsheetGrids.close(workbook);
    }
  }

  private static Reading plan(String where, String sheet, String sheetNote, TaskTable table, PlanDefaults defaults) {
    List<String> above = table.linesAbove();
    Map<String, String> meta = new LinkedHashMap<>();
    String titleAbove = null;
    for (String line : above) {
      Matcher m = META.matcher(line);
      boolean any = false;
      while (m.find()) {
        meta.put(m.group(1), m.group(2).trim());
        any = true;
      }
      if (!any && titleAbove == null && !ANNEX.matcher(line.replaceAll("\\s+", "")).matches()) {
        titleAbove = line.replaceAll("\\s*\\R\\s*", "");
      }
    }
    NoticeHeader header = NoticeHeader.read(above, above, defaults.year());
    String title = PlanDefaults.firstGiven(defaults.title(), titleAbove);
    Integer year = defaults.year() != null ? defaults.year() : yearIn(meta.get("年度"));
    if (year == null) {
      year = title == null ? null : yearIn(title);
    }
    if (year == null) {
      year = header.year();
    }
    if (year == null) {
      throw IntakeException.withProblems(where, List.of(IntakeProblem.ofFile("年度",
          "无法确定计划年度：请填写计划年度，或在表格标题中写明年份（如“2023年…任务分工表”），或在表头上方写“年度：2023”")));
    }
    String issuer = PlanDefaults.firstGiven(defaults.issuer(), meta.getOrDefault("发文机关", header.issuer()));
    String docNumber = PlanDefaults.firstGiven(defaults.docNumber(), meta.getOrDefault("文号", header.docNumber()));
    TaskTable.Tasks tasks = table.tasks(year);
    return new Reading(new ParsedPlan(title, year, blankToNull(issuer), blankToNull(docNumber), tasks.tasks()),
        tasks.rows(), sheet, "读取工作表“" + sheet + "”" + sheetNote, tasks.doubts());
  }

  static Integer yearIn(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = YEAR.matcher(text);
    if (m.find()) {
      return Integer.valueOf(m.group(1));
    }
    Matcher bare = Pattern.compile("^\\s*(20\\d{2})\\s*$").matcher(text);
    return bare.find() ? Integer.valueOf(bare.group(1)) : null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
