package com.xiezuo.plan.parse;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads a published work-plan notice (text from Word or PDF) into the parsed-plan structure (schema/parsed-plan.schema.json).
 * A notice that states its tasks twice, in the body and in a checklist annex, yields each task once.
 */
@Component
public class NoticeParser {

  public static final int MAX_CHARACTERS = 500_000;
  /** A notice of 500 tasks runs to a few thousand lines; tens of thousands are no notice, and slow to look through. */
  public static final int MAX_LINES = 20_000;

  /** A reading that ran out of time is interrupted; the parser stops at the next task rather than run on. */
  static void stopIfInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw new NoticeParseException("识别已中断：用时超过上限");
    }
  }

  public ParsedPlan parse(String raw, Integer requestedYear) {
    return parse(raw, requestedYear, Lexicon.NONE);
  }

  /** As {@link #parse(String, Integer)}, with the unit names the reader knows (the unit directory). */
  public ParsedPlan parse(String raw, Integer requestedYear, Lexicon lexicon) {
    if (raw == null || raw.isBlank()) {
      throw new NoticeParseException("通知内容为空：请粘贴通知正文。");
    }
    raw = raw.replace("\r\n", "\n");
    if (raw.length() > MAX_CHARACTERS) {
      throw new NoticeParseException("通知内容过长（" + raw.length() + " 字），上限为 " + MAX_CHARACTERS + " 字。");
    }
    long lineCount = raw.chars().filter(c -> c == '\n').count() + 1;
    if (lineCount > MAX_LINES) {
      throw new NoticeParseException("通知内容行数过多（" + lineCount + " 行），上限为 " + MAX_LINES
          + " 行：请只粘贴工作要点正文，或上传 .xlsx 任务清单。");
    }
    if (looksBinary(raw)) {
      throw new NoticeParseException("内容不是可读的文本（可能是二进制文件）：请粘贴通知正文，或上传 .xlsx 任务清单。");
    }
    List<String> lines = NoticeText.lines(raw);
    int annexStart = ChecklistAnnex.start(lines);
    Optional<CellTable.Header> cellTable = annexStart >= 0 ? Optional.empty() : CellTable.header(lines);
    int tableStart = annexStart >= 0 ? annexStart : cellTable.map(CellTable.Header::start).orElse(-1);
    List<String> body = tableStart >= 0 ? lines.subList(0, ChecklistAnnex.bodyEnd(lines, tableStart)) : lines;
    int signature = NoticeHeader.trailingSignature(body, Outline::isNumbered);
    if (signature > 0) {
      body = body.subList(0, signature);
    }
    Outline outline = Outline.of(body);
    NoticeHeader header = NoticeHeader.read(outline.preamble(), lines, requestedYear);
    if (header.title() == null && tableStart >= 0) {
      // a notice that is its table: the title stands between "附件" and the table's header
      List<String> aboveTable = new java.util.ArrayList<>(outline.preamble());
      aboveTable.addAll(lines.subList(body.size(), tableStart));
      NoticeHeader withTitle = NoticeHeader.read(aboveTable, lines, requestedYear);
      header = new NoticeHeader(withTitle.title(), withTitle.year(), header.issuer() != null ? header.issuer()
          : withTitle.issuer(), header.docNumber() != null ? header.docNumber() : withTitle.docNumber());
    }
    if (header.year() == null) {
      throw new NoticeParseException("无法确定计划年度：请填写计划年度（接口请给出 year 参数，如 ?year=2023），"
          + "或确认通知标题写明年份（如“2023年…工作要点”）。");
    }
    List<ParsedTask> tasks = new OutlineTasks(header.year(), lexicon).tasks(outline);
    if (tableStart >= 0) {
      List<ChecklistAnnex.Row> rows = cellTable.isPresent()
          ? CellTable.rows(lines, cellTable.get(), lexicon)
          : ChecklistAnnex.rows(lines.subList(annexStart, lines.size()), header.year());
      tasks = AnnexMerge.merge(tasks, rows, header.year());
    }
    if (tasks.isEmpty()) {
      throw new NoticeParseException(
          "未识别出任何任务：请确认文本包含带编号的任务（如“1.”“（一）”）及其责任单位（如“（责任单位：…）”）。");
    }
    if (tasks.size() > ParsedPlan.MAX_TASKS) {
      throw new NoticeParseException("识别出 " + tasks.size() + " 项任务，超过一个计划的上限 " + ParsedPlan.MAX_TASKS
          + " 项：请确认粘贴的是一份计划通知，或把计划分成几份导入。");
    }
    return new ParsedPlan(header.title(), header.year(), header.issuer(), header.docNumber(), tasks);
  }

  /** Control characters or replacement characters beyond a trace mean the bytes were not UTF-8 text. */
  static boolean looksBinary(String text) {
    long suspicious = text.chars()
        .filter(c -> c == 0xFFFD || c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f'))
        .count();
    return suspicious > Math.max(3, text.length() / 200);
  }
}
