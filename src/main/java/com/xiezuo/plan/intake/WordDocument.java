package com.xiezuo.plan.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A .docx as intake reads it: its paragraphs in document order (with the numbers Word draws for lists), and its
 * tables. The first table whose header {@link TaskTable} recognises is kept as the task table; every other table is
 * flattened into the lines where it stands, one cell a line, for the text parser.
 */
final class WordDocument {

  /** The task table and how many lines stand before it (the notice's header, title and preamble). */
  record TaskTableAt(TaskTable table, int linesBefore) {}

  private final List<String> lines;
  private final TaskTableAt taskTable;
  private final int tables;

  private WordDocument(List<String> lines, TaskTableAt taskTable, int tables) {
    this.lines = lines;
    this.taskTable = taskTable;
    this.tables = tables;
  }

  List<String> lines() {
    return lines;
  }

  Optional<TaskTableAt> taskTable() {
    return Optional.ofNullable(taskTable);
  }

  int tables() {
    return tables;
  }

  String text() {
    return String.join("\n", lines);
  }

  /** {@code file} names the file in messages ("文件“通知.docx”"). */
  static WordDocument read(String file, byte[] bytes) {
    IntakeLimits.guardOfficeFiles();
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      return new Reader(file, new WordNumbering(document.getNumbering())).read(document.getBodyElements());
    } catch (EncryptedDocumentException e) {
      throw IntakeException.unreadable(file + "：" + FileKinds.ENCRYPTED);
    } catch (IntakeException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw OfficeFailures.unreadable(file, "不是有效的 Word（.docx）文档", e);
    }
  }

  /** Walks the body once, counting paragraphs and characters against the limits. */
  private static final class Reader {

    private final String file;
    private final WordNumbering numbering;
    private final List<String> lines = new ArrayList<>();
    private TaskTableAt taskTable;
    private int tables;
    private int paragraphs;
    private long characters;

    Reader(String file, WordNumbering numbering) {
      this.file = file;
      this.numbering = numbering;
    }

    WordDocument read(List<IBodyElement> body) {
      for (IBodyElement element : body) {
        if (element instanceof XWPFParagraph paragraph) {
          add(numbering.prefix(paragraph) + paragraph.getText());
        } else if (element instanceof XWPFTable table) {
          table(table);
        } else if (element instanceof XWPFSDT control) {
          add(control.getContent().getText());
        }
      }
      return new WordDocument(List.copyOf(lines), taskTable, tables);
    }

    private void table(XWPFTable table) {
      tables++;
      Grid grid = WordTables.grid(table, file + "的第 " + tables + " 个表格");
      Optional<TaskTable> recognised = taskTable == null ? TaskTable.in(grid) : Optional.empty();
      if (recognised.isPresent()) {
        taskTable = new TaskTableAt(recognised.get(), lines.size());
        count(table);
        return;
      }
      for (XWPFTableRow row : table.getRows()) {
        for (XWPFTableCell cell : row.getTableCells()) {
          add(WordTables.text(cell));
        }
      }
    }

    private void count(XWPFTable table) {
      for (XWPFTableRow row : table.getRows()) {
        for (XWPFTableCell cell : row.getTableCells()) {
          paragraphs += cell.getParagraphs().size();
          characters += WordTables.text(cell).length();
        }
      }
      checkLimits();
    }

    private void add(String text) {
      for (String line : text.split("\\R", -1)) {
        paragraphs++;
        characters += line.length();
        checkLimits();
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
    }

    private void checkLimits() {
      if (paragraphs > IntakeLimits.MAX_PARAGRAPHS) {
        throw IntakeException.tooLarge(file + "的段落超过 " + IntakeLimits.MAX_PARAGRAPHS
            + " 个，不像一份工作计划通知：请只上传通知正文及其附件");
      }
      if (characters > IntakeLimits.MAX_CHARACTERS) {
        throw IntakeException.tooLarge(file + "的文字超过 " + IntakeLimits.MAX_CHARACTERS
            + " 字，不像一份工作计划通知：请只上传通知正文及其附件");
      }
    }
  }
}
