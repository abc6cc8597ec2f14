package com.xiezuo.plan.intake;

import com.xiezuo.plan.parse.NoticeHeader;
import com.xiezuo.plan.parse.NoticeParseException;
import com.xiezuo.plan.parse.NoticeParser;
import com.xiezuo.plan.parse.NoticeText;
import com.xiezuo.plan.parse.ParsedPlan;
import com.xiezuo.plan.parse.ParsedTask;
import com.xiezuo.plan.parse.TaskReview;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Every way a plan comes in — pasted text, a .txt, a Word notice, a PDF, a task checklist (.xlsx/.xls) — read by
 * one method, so that whatever is done to a parse result is done in one place. The kind of file is told by its
 * content. Nothing is stored here.
 */
@Service
public class NoticeIntake {

  /**
   * A plan as read. Every task has a deadline: one the file leaves unclear is the last day of the plan year, and the
   * {@code doubts} say where (an import that must be exact refuses them). {@code rows} gives a checklist's sheet row
   * per task number; {@code sheet} the worksheet read; {@code notes} what the review page tells the user.
   */
  public record Result(ParsedPlan plan, FileKind kind, Map<String, Integer> rows, String sheet,
      List<IntakeProblem> doubts, List<String> notes) {}

  private static final int MIN_YEAR = 2000;
  private static final int MAX_YEAR = 2100;
  private static final Pattern TITLE_WORD = Pattern.compile(".*(表|清单|计划|方案|要点|安排)$");

  private final NoticeParser parser;
  private final IntakeReview review;
  private final ReadingSlots slots;

  @Autowired
  public NoticeIntake(NoticeParser parser, IntakeReview review, ReadingSlots slots) {
    this.parser = parser;
    this.review = review;
    this.slots = slots;
  }

  public NoticeIntake(NoticeParser parser, IntakeReview review) {
    this(parser, review, new ReadingSlots(2, Duration.ofSeconds(10), Duration.ofSeconds(20)));
  }

  /** What the file is, by its content; a file intake will not read (.doc, encrypted, a zip bomb) is refused here. */
  public FileKind kindOf(String fileName, byte[] bytes) {
    return FileKinds.detect(fileName, bytes);
  }

  public Result read(String fileName, byte[] bytes, Integer year) {
    return read(fileName, bytes, PlanDefaults.year(year));
  }

  /** {@code fileName} may be null (pasted text, a request body); {@code defaults} win over what the file says. */
  public Result read(String fileName, byte[] bytes, PlanDefaults defaults) {
    return slots.read(() -> readNow(fileName, bytes, defaults));
  }

  private Result readNow(String fileName, byte[] bytes, PlanDefaults defaults) {
    if (defaults.year() != null && (defaults.year() < MIN_YEAR || defaults.year() > MAX_YEAR)) {
      throw IntakeException.unreadable("计划年度“" + defaults.year() + "”无效：应在 " + MIN_YEAR + "–" + MAX_YEAR + " 之间");
    }
    if (fileName != null && fileName.length() > IntakeLimits.MAX_FILE_NAME) {
      throw IntakeException.unreadable("文件名过长（" + fileName.length() + " 字，上限为 " + IntakeLimits.MAX_FILE_NAME
          + " 字）：请把文件改名后再上传");
    }
    FileKind kind = FileKinds.detect(fileName, bytes);
    String file = FileKinds.named(fileName, kind);
    Result read = switch (kind) {
      case TEXT -> parsed(fileName, file, kind, text(fileName, bytes), defaults, List.of());
      case PDF -> parsed(fileName, file, kind, PdfText.read(file, bytes), defaults, List.of("读取 PDF 的文字层"));
      case DOCX -> word(fileName, file, bytes, defaults);
      case XLSX, XLS -> spreadsheet(file, kind, bytes, defaults);
    };
    return finished(read);
  }

  private Result parsed(String fileName, String file, FileKind kind, String text, PlanDefaults defaults,
      List<String> notes) {
    ParsedPlan plan;
    try {
      plan = parser.parse(text, defaults.year(), review.lexicon());
    } catch (NoticeParseException e) {
      if (fileName == null && kind == FileKind.TEXT) {
        throw e;
      }
      throw IntakeException.unreadable(file + "：" + e.getMessage());
    }
    return new Result(withDefaults(plan, defaults), kind, Map.of(), null, List.of(), notes);
  }

  private Result word(String fileName, String file, byte[] bytes, PlanDefaults defaults) {
    WordDocument document = WordDocument.read(file, bytes);
    if (document.taskTable().isEmpty()) {
      String tables = document.tables() == 0 ? "" : "（其中 " + document.tables() + " 个表格按文字读取）";
      return parsed(fileName, file, FileKind.DOCX, document.text(), defaults, List.of("读取 Word 文档的正文" + tables));
    }
    WordDocument.TaskTableAt at = document.taskTable().get();
    List<String> before = NoticeText.lines(String.join("\n", document.lines().subList(0, at.linesBefore())));
    NoticeHeader header = NoticeHeader.read(before, NoticeText.lines(document.text()), defaults.year());
    String title = PlanDefaults.firstGiven(defaults.title(), header.title() != null ? header.title() : titleNear(before, at));
    Integer year = defaults.year() != null ? defaults.year() : header.year();
    if (year == null && title != null) {
      year = SpreadsheetPlan.yearIn(title);
    }
    if (year == null) {
      throw IntakeException.unreadable(file + "：无法确定计划年度：请填写计划年度，或确认文档标题写明年份（如“2023年…工作要点”）");
    }
    TaskTable.Tasks tasks = at.table().tasks(year);
    ParsedPlan plan = new ParsedPlan(title, year, PlanDefaults.firstGiven(defaults.issuer(), header.issuer()),
        PlanDefaults.firstGiven(defaults.docNumber(), header.docNumber()), tasks.tasks());
    String name = at.table().grid().name().substring(file.length() + 1);
    List<IntakeProblem> doubts = tasks.doubts().stream()
        .map(doubt -> new IntakeProblem(doubt.task(), null, doubt.field(),
            (doubt.row() == null ? "" : "表格第 " + doubt.row() + " 行：") + doubt.message())).toList();
    return new Result(plan, FileKind.DOCX, Map.of(), null, doubts,
        List.of("读取" + name + "作为任务清单（文档共 " + document.tables() + " 个表格），标题、年度、发文机关和文号取自正文"));
  }

  /** A title row inside the table ("2023年…任务分工表"), else the last title-like line just above the table. */
  private static String titleNear(List<String> before, WordDocument.TaskTableAt at) {
    for (String line : at.table().linesAbove()) {
      if (TITLE_WORD.matcher(line.trim()).matches()) {
        return line.trim();
      }
    }
    for (int i = before.size() - 1; i >= Math.max(0, before.size() - 3); i--) {
      if (TITLE_WORD.matcher(before.get(i)).matches() && before.get(i).length() <= 60) {
        return before.get(i);
      }
    }
    return before.isEmpty() ? null : before.get(0);
  }

  private static Result spreadsheet(String file, FileKind kind, byte[] bytes, PlanDefaults defaults) {
    SpreadsheetPlan.Reading reading = SpreadsheetPlan.read(file, bytes, defaults);
    return new Result(reading.plan(), kind, reading.rows(), reading.sheet(), reading.doubts(), List.of(reading.where()));
  }

  /**
   * The one place every parse result passes: a task without a clear deadline ends with the plan year, and says so;
   * every task gets its review (confidence, and why a coordinator should look).
   */
  private Result finished(Result read) {
    ParsedPlan plan = read.plan();
    if (plan.tasks().size() > ParsedPlan.MAX_TASKS) {
      throw IntakeException.tooLarge((read.sheet() == null ? "文件" : "工作表“" + read.sheet() + "”") + "中有 "
          + plan.tasks().size() + " 项任务，一个计划最多 " + ParsedPlan.MAX_TASKS + " 项：请按年度或部分拆分后分别导入");
    }
    List<String> notes = new ArrayList<>(read.notes());
    LocalDate yearEnd = LocalDate.of(plan.year(), 12, 31);
    List<ParsedTask> tasks = plan.tasks().stream().map(task -> task.deadline() != null ? task
        : new ParsedTask(task.number(), task.section(), task.title(), task.content(), task.leadUnit(), task.coUnits(),
            yearEnd, task.deadlineText(), task.yearRound(), task.indicators(), task.milestones(), task.review()))
        .map(task -> withDoubts(task, read.doubts(), yearEnd)).toList();
    for (IntakeProblem doubt : read.doubts()) {
      boolean deadline = doubt.task() != null && plan.tasks().stream()
          .anyMatch(task -> doubt.task().equals(task.number()) && task.deadline() == null);
      notes.add(doubt + (deadline ? "；暂定为 " + yearEnd + "，请核对" : ""));
    }
    ParsedPlan assessed = review.assess(new ParsedPlan(plan.title(), plan.year(), plan.issuer(), plan.docNumber(), tasks));
    return new Result(assessed, read.kind(), read.rows(), read.sheet(), read.doubts(), List.copyOf(notes));
  }

  /** What the file left unclear about a task goes on the task's review, so that it is flagged where it is listed. */
  private static ParsedTask withDoubts(ParsedTask task, List<IntakeProblem> doubts, LocalDate yearEnd) {
    List<String> reasons = new ArrayList<>(task.review() == null ? List.of() : task.review().attention());
    for (IntakeProblem doubt : doubts) {
      if (task.number().equals(doubt.task())) {
        reasons.add(doubt.message() + (doubt.message().contains("完成时限") && task.deadline().equals(yearEnd)
            ? "（暂按年底）" : ""));
      }
    }
    return reasons.isEmpty() ? task : task.withReview(new TaskReview(1.0, reasons));
  }

  private static ParsedPlan withDefaults(ParsedPlan plan, PlanDefaults defaults) {
    return new ParsedPlan(PlanDefaults.firstGiven(defaults.title(), plan.title()), plan.year(),
        PlanDefaults.firstGiven(defaults.issuer(), plan.issuer()),
        PlanDefaults.firstGiven(defaults.docNumber(), plan.docNumber()), plan.tasks());
  }

  /** UTF-8; a .txt saved by Windows Notepad in GBK is read as GB18030. */
  private static String text(String fileName, byte[] bytes) {
    try {
      return decode(bytes, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      if (FileKinds.extension(fileName).equals("txt")) {
        try {
          return decode(bytes, Charset.forName("GB18030"));
        } catch (CharacterCodingException notGbk) {
          // falls through to the message below
        }
      }
      throw new NoticeParseException(FileKinds.named(fileName) + "不是 UTF-8 文本（可能是二进制文件或其他编码）："
          + "请粘贴通知正文，或上传通知（.docx / .pdf）或任务清单（.xlsx / .xls）。");
    }
  }

  private static String decode(byte[] bytes, Charset charset) throws CharacterCodingException {
    String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
