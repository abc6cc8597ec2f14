package com.xiezuo.demo;

import com.xiezuo.plan.PlanSummary;
import com.xiezuo.supervision.FindingReason;
import com.xiezuo.supervision.Rectifications;
import com.xiezuo.supervision.SupervisionRoundRecords.Round;
import com.xiezuo.supervision.SupervisionRounds;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The demo's open rectification: the day after the last cycle round of the replay opened, the supervisor sends one
 * unit whose task is overdue a notice due two weeks later; the unit has not answered it yet.
 */
@Component
class DemoRectification {

  static final int RECENT_DAYS = 40;
  static final int DUE_IN_DAYS = 14;

  private final SupervisionRounds rounds;
  private final Rectifications rectifications;

  DemoRectification(SupervisionRounds rounds, Rectifications rectifications) {
    this.rounds = rounds;
    this.rectifications = rectifications;
  }

  void maybeIssue(PlanSummary plan, LocalDate today, LocalDate day) {
    if (!rectifications.ofPlan(plan.id()).isEmpty()) {
      return;
    }
    List<Round> recent = rounds.rounds(plan.id()).stream()
        .filter(round -> round.asOf().plusDays(1).equals(day) && !round.asOf().isBefore(today.minusDays(RECENT_DAYS)))
        .toList();
    for (Round round : recent) {
      rounds.findings(round.id()).stream()
          .filter(stored -> !stored.isDismissed() && stored.finding().reason() == FindingReason.OVERDUE)
          .findFirst()
          .ifPresent(stored -> rectifications.issue(round.id(), List.of(stored.id()), null,
              "请于期限前报送完成情况并上传佐证材料；确需延期的，请说明理由并提出新的完成时间。",
              day.plusDays(DUE_IN_DAYS).toString(), DemoUsersSetup.SUPERVISOR));
    }
  }
}
