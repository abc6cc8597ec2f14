package com.xiezuo.execution;

import com.xiezuo.decomposition.Allocations;
import com.xiezuo.plan.PlanDetail;
import com.xiezuo.plan.PlanIndicator;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.workflow.Quantities;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A unit's target of an indicator, said the same way on its forms and its task page: its signed decomposition part
 * where there is one (the lead also reads the whole task's target beside it), else for the lead the task's whole
 * target (co-units contribute to the lead's figure), else nothing for a co-unit.
 */
@Component
public class IndicatorTargets {

  public static final String NOT_ALLOCATED = "未分解到本单位";

  private final Allocations allocations;
  private final PlanRepository plans;

  public IndicatorTargets(Allocations allocations, PlanRepository plans) {
    this.allocations = allocations;
    this.plans = plans;
  }

  /** One line per indicator the unit answers for ("财政援助资金投入：不少于 2000 万元（本单位分解指标…）"). */
  public String describe(PlanDetail.Task task, UnitAssignment assignment) {
    List<String> lines = new ArrayList<>();
    for (PlanIndicator indicator : plans.indicatorsOfTask(task.id())) {
      String target = of(indicator.id(), indicator.comparator(), indicator.value(), indicator.unit(),
          indicator.stretch(), assignment);
      if (!NOT_ALLOCATED.equals(target)) {
        String name = indicator.name() == null || indicator.name().isBlank() ? indicator.statement() : indicator.name();
        lines.add(name + "：" + target);
      }
    }
    return lines.isEmpty() ? "无" : String.join("\n", lines);
  }

  public String of(long indicatorId, String comparator, BigDecimal total, String unit, BigDecimal stretch,
      UnitAssignment assignment) {
    String whole = Quantities.comparator(comparator) + " " + Quantities.format(total, unit)
        + (stretch == null ? "" : "，力争 " + Quantities.format(stretch, unit));
    Optional<BigDecimal> part = allocations.finalTarget(indicatorId, assignment.unitId());
    if (part.isPresent()) {
      return Quantities.comparator(comparator) + " " + Quantities.format(part.get(), unit) + "（本单位分解指标"
          + (assignment.isLead() ? "；全任务目标 " + whole : "") + "）";
    }
    return assignment.isLead() ? whole + "（牵头单位，全任务目标）" : NOT_ALLOCATED;
  }
}
