package com.xiezuo.plan;

import com.xiezuo.plan.parse.ParsedIndicator;
import com.xiezuo.plan.parse.ParsedMilestone;
import java.time.LocalDate;
import java.util.List;

/** A stored plan with its tasks, as GET /api/plans/{id} returns it. */
public record PlanDetail(PlanSummary plan, List<Task> tasks) {

  public record Task(long id, String number, String section, String title, String content, LocalDate deadline,
      String deadlineText, boolean yearRound, String status, List<Responsible> units,
      List<ParsedIndicator> indicators, List<ParsedMilestone> milestones, List<UnitTaskState> unitTasks) {

    public Responsible lead() {
      return units.stream().filter(unit -> unit.role().equals(Responsible.LEAD)).findFirst().orElse(null);
    }
  }

  /** The state of one unit's task (after the fan-out): ACTIVE, COMPLETED or CANCELLED, and whether it ran late. */
  public record UnitTaskState(long assignmentId, String unitId, String role, String status, boolean overdue,
      String light, String lightLabel, String businessKey, String processInstanceId) {}

  /** A responsible unit as printed, with what it resolved to; {@code unitIds} are the concrete units. */
  public record Responsible(String printedName, String role, String unitId, String groupToken, List<String> unitIds) {
    public static final String LEAD = "LEAD";
    public static final String CO = "CO";
  }
}
