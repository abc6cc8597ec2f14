package com.xiezuo.demo;

import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.plan.PlanDetail;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.PlanStatus;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.plan.change.ChangeProposal;
import com.xiezuo.plan.change.ChangeType;
import com.xiezuo.plan.change.PlanChangeService;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import org.springframework.stereotype.Component;

/**
 * The demo's one change: halfway between the plan's start and today the coordinator asks to extend by one month the
 * next task due after a week from then, within the year (the leader approves it two days later, as {@link DemoWork}
 * answers).
 */
@Component
class DemoChange {

  private final PlanRepository plans;
  private final UnitDirectory directory;
  private final PlanChangeService changes;
  private boolean proposed;

  DemoChange(PlanRepository plans, UnitDirectory directory, PlanChangeService changes) {
    this.plans = plans;
    this.directory = directory;
    this.changes = changes;
  }

  void maybePropose(PlanSummary summary, LocalDate first, LocalDate today, LocalDate day) {
    if (proposed || day.isBefore(first.plusDays((today.toEpochDay() - first.toEpochDay()) / 2))) {
      return;
    }
    PlanDetail plan = plans.find(summary.id(), directory.snapshot()).orElseThrow();
    if (plan.plan().status() != PlanStatus.IN_PROGRESS) {
      return;
    }
    proposed = true;
    plan.tasks().stream()
        .filter(task -> "ACTIVE".equals(task.status()) && task.deadline().isAfter(day.plusDays(7))
            && task.deadline().getMonthValue() < 12)
        .min(Comparator.comparing(PlanDetail.Task::deadline))
        .ifPresent(task -> changes.propose(summary.id(), new ChangeProposal(task.number(), ChangeType.EXTEND,
            "项目用地审批尚未完成，影响施工进度，申请延期一个月。", YearMonth.from(task.deadline()).plusMonths(1).atEndOfMonth(),
            null, null), DemoUsersSetup.COORDINATOR));
  }
}
