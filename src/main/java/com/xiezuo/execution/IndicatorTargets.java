package com.xiezuo.execution;

import com.xiezuo.decomposition.Allocations;
import com.xiezuo.plan.PlanDetail;
import com.xiezuo.plan.PlanIndicator;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.workflow.Quantities;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A unit's indicator targets for one task: its signed decomposition part where there is one, else for the lead
 * unit the task's whole target (co-units contribute to the lead's figure).
 */
@Component
public class IndicatorTargets {

  private final Allocations allocations;
  private final PlanRepository plans;

  public IndicatorTargets(Allocations allocations, PlanRepository plans) {
    this.allocations = allocations;
    this.plans = plans;
  }

  public String describe(PlanDetail.Task task, UnitAssignment assignment) {
    List<Long> ids = plans.indicatorsOfTask(task.id()).stream().map(PlanIndicator::id).toList();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < task.indicators().size() && i < ids.size(); i++) {
      var indicator = task.indicators().get(i);
      String name = indicator.name() == null ? indicator.text() : indicator.name();
      var part = allocations.finalTarget(ids.get(i), assignment.unitId());
      if (part.isPresent()) {
        lines.add(name + "：" + Quantities.comparator(indicator.comparator()) + " "
            + Quantities.format(part.get(), indicator.unit()) + "（本单位分解指标）");
      } else if (assignment.isLead()) {
        lines.add(name + "：" + Quantities.comparator(indicator.comparator()) + " "
            + Quantities.format(indicator.value(), indicator.unit())
            + (indicator.stretch() == null ? "" : "，力争 " + Quantities.format(indicator.stretch(), indicator.unit()))
            + "（任务总目标）");
      }
    }
    return lines.isEmpty() ? "无" : String.join("\n", lines);
  }
}
