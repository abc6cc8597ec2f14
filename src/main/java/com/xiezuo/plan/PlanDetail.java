package com.xiezuo.plan;

import com.xiezuo.plan.parse.ParsedIndicator;
import com.xiezuo.plan.parse.ParsedMilestone;
import java.time.LocalDate;
import java.util.List;

/** A stored plan with its tasks; its progress (unit task states) is the progress feature's view of it. */
public record PlanDetail(PlanSummary plan, List<Task> tasks) {

  public record Task(long id, String number, String section, String title, String content, LocalDate deadline,
      String deadlineText, boolean yearRound, String status, List<Responsible> units,
      List<ParsedIndicator> indicators, List<ParsedMilestone> milestones) {

    public Responsible lead() {
      return units.stream().filter(unit -> unit.role().equals(Responsible.LEAD)).findFirst().orElse(null);
    }
  }

  /** A responsible unit as printed, with what it resolved to; {@code unitIds} are the concrete units. */
  public record Responsible(String printedName, String role, String unitId, String groupToken, List<String> unitIds) {
    public static final String LEAD = "LEAD";
    public static final String CO = "CO";
  }
}
