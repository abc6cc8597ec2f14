package com.xiezuo.directory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A unit directory as a spreadsheet (first sheet, one unit per row under a header row): 单位编码 | 单位名称 | 类别 |
 * 结对县（区） | 别名 | 联系邮箱 | 统称. Lists are separated by "；", "、", "," or line breaks; 类别 is one of the Chinese
 * labels. A cell that is not what its column takes is reported with its row, together with everything else wrong.
 */
public final class DirectoryWorkbook {

  static final String ID = "单位编码";
  static final String NAME = "单位名称";
  static final String KIND = "类别";
  static final String COUNTY = "结对县（区）";
  static final String ALIASES = "别名";
  static final String MAILS = "联系邮箱";
  static final String GROUPS = "统称";
  static final List<String> HEADER = List.of(ID, NAME, KIND, COUNTY, ALIASES, MAILS, GROUPS);
  private static final int MAX_ROWS = 2000;

  /** One row: its number in the sheet (1-based), the unit as entered, the group tokens it belongs to. */
  public record Entry(int row, DirectoryEditor.UnitForm unit, List<String> groups) {}

  /** The rows read, and what was already wrong with them as cells (a kind that is not one), by row. */
  public record Content(List<Entry> entries, java.util.Map<Integer, String> cellProblems) {}

  private DirectoryWorkbook() {}

  public static Content read(InputStream in) {
    try (Workbook workbook = WorkbookFactory.create(in)) {
      return read(workbook.getSheetAt(0));
    } catch (IOException | RuntimeException e) {
      if (e instanceof DirectoryProblemException problem) {
        throw problem;
      }
      throw new DirectoryProblemException(List.of("无法读取该文件：不是有效的 .xlsx 工作簿（请用“下载模板”中的格式）"));
    }
  }

  private static Content read(Sheet sheet) {
    DataFormatter format = new DataFormatter();
    Map<String, Integer> columns = new LinkedHashMap<>();
    int headerRow = -1;
    for (int r = 0; r <= Math.min(sheet.getLastRowNum(), 10) && headerRow < 0; r++) {
      Row row = sheet.getRow(r);
      if (row == null) {
        continue;
      }
      Map<String, Integer> found = new LinkedHashMap<>();
      for (Cell cell : row) {
        String text = format.formatCellValue(cell).replaceAll("\\s+", "").replace('(', '（').replace(')', '）');
        HEADER.stream().filter(text::equals).findFirst().ifPresent(name -> found.put(name, cell.getColumnIndex()));
      }
      if (found.containsKey(ID) && found.containsKey(NAME)) {
        headerRow = r;
        columns = found;
      }
    }
    if (headerRow < 0) {
      throw new DirectoryProblemException(List.of("找不到表头行：第一张工作表的前 10 行中需要有列 " + String.join(" | ", HEADER)
          + "（至少“单位编码”和“单位名称”）"));
    }
    if (sheet.getLastRowNum() - headerRow > MAX_ROWS) {
      throw new DirectoryProblemException(List.of("一次最多导入 " + MAX_ROWS + " 个单位"));
    }
    java.util.Map<Integer, String> problems = new LinkedHashMap<>();
    List<Entry> entries = new ArrayList<>();
    for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      Map<String, String> values = new LinkedHashMap<>();
      for (Map.Entry<String, Integer> column : columns.entrySet()) {
        Cell cell = row == null ? null : row.getCell(column.getValue());
        values.put(column.getKey(), cell == null ? "" : format.formatCellValue(cell).trim());
      }
      if (values.values().stream().allMatch(String::isEmpty)) {
        continue;
      }
      UnitKind kind = null;
      String kindText = values.getOrDefault(KIND, "");
      if (kindText.isEmpty()) {
        problems.put(r + 1, "“类别”：请填写 " + kindLabels());
      } else {
        kind = kindOf(kindText);
        if (kind == null) {
          problems.put(r + 1, "“类别”：“" + kindText + "”不是可用的类别，应为 " + kindLabels());
        }
      }
      entries.add(new Entry(r + 1, new DirectoryEditor.UnitForm(values.get(ID), values.get(NAME), kind,
          values.get(COUNTY), DirectoryEditor.UnitForm.split(values.get(ALIASES)), DirectoryEditor.UnitForm.split(values.get(MAILS))),
          DirectoryEditor.UnitForm.split(values.get(GROUPS))));
    }
    if (entries.isEmpty()) {
      throw new DirectoryProblemException(List.of("表格中没有单位：请在第一张工作表的表头下逐行填写（“填写示例”工作表不会导入）"));
    }
    return new Content(entries, problems);
  }

  static UnitKind kindOf(String text) {
    String compact = text.replaceAll("\\s+", "").replace('(', '（').replace(')', '）');
    return Arrays.stream(UnitKind.values())
        .filter(kind -> kind.label().equals(compact) || kind.name().equalsIgnoreCase(compact)).findFirst().orElse(null);
  }

  private static String kindLabels() {
    return String.join("、", Arrays.stream(UnitKind.values()).map(kind -> "“" + kind.label() + "”").toList());
  }

  /**
   * The template: the first sheet has only the header (imported as is, it adds nothing); a second sheet shows how
   * rows are filled, with made-up units, and is never read.
   */
  public static byte[] template() {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("单位名录");
      fill(sheet, new String[][] {HEADER.toArray(String[]::new)});
      fill(workbook.createSheet("填写示例（不导入）"), new String[][] {
          HEADER.toArray(String[]::new),
          {"oceanBureau", "市海洋发展局（示例）", "市直部门", "", "市海洋局（示例）", "ocean@example.gov.cn", ""},
          {"eastDistrict", "东湖区（示例）", "区（功能区）", "某某县", "东湖区人民政府（示例）", "dh@example.gov.cn", "各结对区；各区"},
          {"说明：", "类别可填 " + kindLabels(), "", "", "别名、邮箱、统称可填多个，用“；”分隔；已有单位留空的结对县、别名、邮箱保持不变", "", "统称不存在时会新建"}});
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void fill(Sheet sheet, String[][] rows) {
    for (int r = 0; r < rows.length; r++) {
      Row row = sheet.createRow(r);
      for (int c = 0; c < rows[r].length; c++) {
        row.createCell(c).setCellValue(rows[r][c]);
      }
    }
    for (int c = 0; c < HEADER.size(); c++) {
      sheet.setColumnWidth(c, 24 * 256);
    }
  }
}
