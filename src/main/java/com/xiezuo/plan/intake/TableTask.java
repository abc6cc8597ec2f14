package com.xiezuo.plan.intake;

import com.xiezuo.plan.parse.DeadlineParser;
import com.xiezuo.plan.parse.IndicatorExtractor;
import com.xiezuo.plan.parse.MilestoneExtractor;
import com.xiezuo.plan.parse.NoticeText;
import com.xiezuo.plan.parse.ParsedIndicator;
import com.xiezuo.plan.parse.ParsedTask;
import com.xiezuo.plan.parse.UnitNames;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A numbered task row as a {@link ParsedTask}: title and content from the task text (the first short sentence is
 * the title), units, deadline, indicators and milestones. What the row leaves unclear (no deadline, a deadline or an
 * indicator that cannot be read) becomes a doubt and the field stays empty; the caller decides what a doubt costs.
 */
final class TableTask {

  private static final int TITLE_LENGTH = 30;

  private TableTask() {}

  static ParsedTask of(TaskRow row, String number, int year, boolean hasDeadlineColumn, List<IntakeProblem> doubts) {
    int rowNumber = Grid.rowNumber(row.row());
    String text = NoticeText.cleanLine(row.item().replaceAll("\\R", " "));
    String title = text;
    String content = "";
    int stop = text.indexOf('。');
    if (stop > 0 && stop <= TITLE_LENGTH) {
      title = text.substring(0, stop);
      content = text.substring(stop + 1).trim();
    } else if (text.length() > TITLE_LENGTH) {
      title = text.substring(0, 20) + "…";
      content = text;
    }
    for (String more : row.moreText()) {
      content = content.isEmpty() ? more : content + "\n" + more;
    }
    for (String extra : row.labelledExtras()) {
      content = content.isEmpty() ? extra : content + "\n" + extra;
    }
    if (!row.remark().isBlank()) {
      content = content + TaskTable.REMARK_PREFIX + row.remark().trim();
    }
    LocalDate deadline = row.deadline().date();
    String deadlineText = null;
    boolean yearRound = false;
    if (deadline == null) {
      deadlineText = NoticeText.cleanLine(row.deadline().text().replaceAll("\\R", " ")).trim();
      Optional<DeadlineParser.Deadline> parsed = DeadlineParser.parse(deadlineText, year);
      if (parsed.isPresent()) {
        deadline = parsed.get().date();
        yearRound = parsed.get().yearRound();
      } else if (hasDeadlineColumn) {
        doubts.add(new IntakeProblem(number, rowNumber, row.deadlineLabel(), deadlineText.isEmpty() ? "缺少完成时限"
            : "无法识别完成时限“" + deadlineText + "”（如“10 月底前”“2023 年 11 月”）"));
      }
    }
    UnitNames.Responsibility units = units(row);
    List<ParsedIndicator> indicators;
    if (row.indicators() != null) {
      List<String> unreadable = new ArrayList<>();
      indicators = IndicatorLines.parse(row.indicators(), unreadable);
      unreadable.forEach(line -> doubts.add(new IntakeProblem(number, rowNumber, "协议指标",
          "无法识别指标“" + line + "”（格式：" + IndicatorLines.FORMAT + "）")));
    } else {
      indicators = IndicatorExtractor.extract(text);
    }
    return new ParsedTask(number, row.section(), title.replaceAll("[。；，]+$", ""), content.isBlank() ? null : content,
        units.lead(), units.coUnits(), deadline, deadlineText == null || deadlineText.isBlank() ? null : deadlineText,
        yearRound, indicators, MilestoneExtractor.extract(content, year));
  }

  /** One units column as printed ("X牵头，Y、Z配合"); or a 牵头单位 and a 配合单位 column, each a list. */
  private static UnitNames.Responsibility units(TaskRow row) {
    if (!row.separateUnits()) {
      return UnitNames.parse(unitList(row.lead()));
    }
    UnitNames.Responsibility lead = UnitNames.parse(unitList(row.lead()));
    List<String> co = new ArrayList<>(lead.coUnits());
    for (String unit : UnitNames.parse(unitList(row.co())).all()) {
      if (!co.contains(unit) && !unit.equals(lead.lead())) {
        co.add(unit);
      }
    }
    return new UnitNames.Responsibility(lead.lead(), co);
  }

  /** Units printed one per line in a cell are a list. */
  private static String unitList(String cell) {
    return NoticeText.cleanLine(cell.trim().replaceAll("\\s*\\R\\s*", "、"));
  }
}
