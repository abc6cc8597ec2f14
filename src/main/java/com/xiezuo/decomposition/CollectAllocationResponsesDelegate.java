package com.xiezuo.decomposition;

import static com.xiezuo.workflow.ProcessVariables.ALLOCATION_OBJECT;
import static com.xiezuo.workflow.ProcessVariables.ALLOCATION_ROUND;
import static com.xiezuo.workflow.ProcessVariables.HAS_OBJECTIONS;
import static com.xiezuo.workflow.ProcessVariables.OBJECTION_SUMMARY;
import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;

import com.xiezuo.workflow.ApprovalHistory;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Any objection sends the table back to the coordinator with every reason of the round. */
@Component("collectAllocationResponsesDelegate")
public class CollectAllocationResponsesDelegate implements JavaDelegate {

  private final Allocations allocations;

  public CollectAllocationResponsesDelegate(Allocations allocations) {
    this.allocations = allocations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int round = ALLOCATION_ROUND.get(execution);
    Map<String, String> names = allocations.unitNames();
    List<Allocations.Response> objections = allocations.responses(PLAN_ID.get(execution), round).stream()
        .filter(response -> ALLOCATION_OBJECT.equals(response.decision())).toList();
    HAS_OBJECTIONS.set(execution, !objections.isEmpty());
    StringBuilder summary = new StringBuilder();
    if (!objections.isEmpty()) {
      summary.append("第 ").append(round).append(" 轮分解方案收到 ").append(objections.size()).append(" 条异议：\n");
      objections.forEach(objection -> summary.append(names.getOrDefault(objection.unitId(), objection.unitId()))
          .append("：").append(objection.reason()).append('\n'));
    }
    OBJECTION_SUMMARY.set(execution, summary.toString().trim());
    List<Allocations.Response> all = allocations.responses(PLAN_ID.get(execution), round);
    String answers = objections.isEmpty() ? all.size() + " 个单位全部确认"
        : (all.size() - objections.size()) + " 个单位确认，" + objections.size() + " 个单位提出异议（"
            + objections.stream().map(objection -> names.getOrDefault(objection.unitId(), objection.unitId()) + "："
                + objection.reason()).collect(Collectors.joining("；")) + "），退回重新编制";
    ApprovalHistory.append(execution, "各单位确认分解指标（第 " + round + " 轮）：" + answers);
  }
}
