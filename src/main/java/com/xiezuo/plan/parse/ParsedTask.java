package com.xiezuo.plan.parse;

import java.time.LocalDate;
import java.util.List;

/**
 * One leaf task of a plan. Units are kept as printed (whitespace removed); group tokens such as "各结对区"
 * stay tokens. {@code milestones} is part of the contract: dated steps stated inside the task text.
 * {@code review} is what intake thinks of its own reading (absent in a plan that is imported, not parsed).
 */
public record ParsedTask(String number, String section, String title, String content, String leadUnit,
    List<String> coUnits, LocalDate deadline, String deadlineText, boolean yearRound,
    List<ParsedIndicator> indicators, List<ParsedMilestone> milestones, TaskReview review) {

  public ParsedTask {
    coUnits = coUnits == null ? List.of() : List.copyOf(coUnits);
    indicators = indicators == null ? List.of() : List.copyOf(indicators);
    milestones = milestones == null ? List.of() : List.copyOf(milestones);
  }

  public ParsedTask(String number, String section, String title, String content, String leadUnit,
      List<String> coUnits, LocalDate deadline, String deadlineText, boolean yearRound,
      List<ParsedIndicator> indicators, List<ParsedMilestone> milestones) {
    this(number, section, title, content, leadUnit, coUnits, deadline, deadlineText, yearRound, indicators, milestones,
        null);
  }

  public ParsedTask withReview(TaskReview newReview) {
    return new ParsedTask(number, section, title, content, leadUnit, coUnits, deadline, deadlineText, yearRound,
        indicators, milestones, newReview);
  }
}
