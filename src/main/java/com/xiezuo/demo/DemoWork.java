package com.xiezuo.demo;

import static com.xiezuo.workflow.ProcessVariables.ALLOCATION_CONFIRM;
import static com.xiezuo.workflow.ProcessVariables.DECISION_APPROVE;
import static com.xiezuo.workflow.ProcessVariables.DECISION_RETURN;

import com.xiezuo.workflow.Deadlines;
import com.xiezuo.workflow.ElementIds;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;

/**
 * What the people of the demo city do with a task and on which day: units accept within a few days, report their
 * month in its third week and their completion one to six weeks ahead of the deadline (one in six much earlier);
 * lead units review within days, the leader signs within one to five days; a few units are late. Every choice is drawn from the task's own key, so the same day always gives the same year.
 */
final class DemoWork {

  /** A bulletin sent for signing in the last days of the replay is left for the leader. */
  static final int LEADER_SIGNS_WITHIN = 25;

  /** A form answer due on a day; null answers leave the task open. */
  record Answer(LocalDate on, Map<String, Object> fields) {}

  private final LocalDate today;
  private final Map<String, String> firstTask = new HashMap<>();
  private final Set<String> lateTasks = new HashSet<>();

  DemoWork(LocalDate today) {
    this.today = today;
  }

  /**
   * Units that have not reported their completion (the demo's overdue ones): of each task whose deadline passed in
   * the last six weeks, the first unit to get to its completion report and a sixth of the others; one in thirty of
   * all other units.
   */
  boolean laggard(String unitTaskKey, LocalDate deadline) {
    boolean recent = deadline.isBefore(today) && !deadline.isBefore(today.minusWeeks(6));
    if (!recent) {
      return pick(unitTaskKey, "laggard", 30) == 0;
    }
    int unit = unitTaskKey.indexOf("/unit/");
    return lateTasks.add(unit < 0 ? unitTaskKey : unitTaskKey.substring(0, unit)) || pick(unitTaskKey, "laggard", 6) == 0;
  }

  /** Units that report their month a few days late. */
  static boolean lateReporter(String unitTaskKey) {
    return pick(unitTaskKey, "late", 12) == 0;
  }

  static int pick(String key, String what, int bound) {
    return Math.floorMod(Objects.hash(key, what), bound);
  }

  /** The answer this task gets, and when; {@code unitTaskKey} is the unit task's business key, or the task id. */
  Answer answer(Task task, String unitTaskKey) {
    LocalDate created = Deadlines.toLocalDate(task.getCreateTime());
    LocalDate due = task.getDueDate() == null ? null : Deadlines.toLocalDate(task.getDueDate());
    String key = unitTaskKey + "/" + task.getTaskDefinitionKey();
    return switch (task.getTaskDefinitionKey()) {
      case "userTask_reviewPlan" -> new Answer(created.plusDays(1), fields(
          "reviewConfirmed", true, "reviewComment", "已逐项核对任务、责任单位和完成时限，与印发文件一致。"));
      case "userTask_approvePlan" -> firstTime(task.getProcessInstanceId() + "/approvePlan", task)
          ? new Answer(created.plusDays(2), fields("approvalDecision", DECISION_RETURN,
              "approvalComment", "请在审核意见中补充各结对区的任务分工，再报审批。"))
          : new Answer(created.plusDays(2), fields("approvalDecision", DECISION_APPROVE, "approvalComment", "同意印发执行。"));
      case "userTask_proposeAllocation" -> new Answer(created.plusDays(3), fields(
          "allocationRounding", 0.0, "allocationReady", true));
      case "userTask_confirmAllocation" -> new Answer(created.plusDays(1 + pick(key, "confirm", 3)), fields(
          "allocationDecision", ALLOCATION_CONFIRM, "objectionReason", null));
      case "userTask_signOffAllocation" -> new Answer(created.plusDays(2), fields(
          "approvalDecision", DECISION_APPROVE, "approvalComment", "同意按此方案分解下达。"));
      case ElementIds.UnitTask.ACCEPT_TASK -> new Answer(created.plusDays(1 + pick(key, "accept", 5)
          + (pick(key, "slow", 25) == 0 ? 10 : 0)), fields("taskAccepted", true));
      case "userTask_reportProgress" -> progress(key, created, due);
      case "userTask_reportCompletion" -> completion(task, unitTaskKey, created, due);
      case ElementIds.UnitTask.LEAD_REVIEW -> firstTime(unitTaskKey + "/leadReview", task) && pick(key, "return", 10) == 0
          ? new Answer(created.plusDays(1), fields("leadReviewDecision", DECISION_RETURN,
              "leadReviewComment", "请补充佐证材料和台账明细后重新报送。"))
          : new Answer(created.plusDays(1 + pick(key, "review", 3)), fields("leadReviewDecision", DECISION_APPROVE,
              "leadReviewComment", "情况属实，同意报领导签批。"));
      case ElementIds.UnitTask.SIGN_OFF -> new Answer(created.plusDays(1 + pick(key, "sign", 5)), fields(
          "approvalDecision", DECISION_APPROVE, "approvalComment", "同意办结。"));
      case ElementIds.SupervisionRound.REVIEW_FINDINGS -> new Answer(created.plusDays(2), fields("supervisionFindings",
          "本轮抽查各责任单位台账和佐证材料，总体按计划推进；对进度滞后的单位已电话提醒，下轮重点跟踪。"));
      case ElementIds.SupervisionRound.EDIT_BULLETIN -> new Answer(created.plusDays(2), fields());
      // the latest bulletin waits for the demo leader to sign it
      case ElementIds.SupervisionRound.SIGN_BULLETIN -> created.isAfter(today.minusDays(LEADER_SIGNS_WITHIN))
          ? null : new Answer(created.plusDays(2), fields("approvalDecision", DECISION_APPROVE,
              "approvalComment", "同意印发。"));
      case "userTask_approveChange" -> new Answer(created.plusDays(2), fields(
          "changeDecision", DECISION_APPROVE, "changeComment", "同意延期，请抓紧推进。"));
      default -> null;
    };
  }

  private Answer progress(String key, LocalDate created, LocalDate periodEnd) {
    if (periodEnd == null) {
      return null;
    }
    // most report in the month's third week, ahead of the first reminder a week before its end
    LocalDate on = lateReporter(key) ? periodEnd.plusDays(3) : periodEnd.minusDays(8 + pick(key + periodEnd, "month", 9));
    return new Answer(on.isBefore(created) ? created : on, fields("progressText",
        periodEnd.getMonthValue() + " 月份按计划推进，已完成阶段性工作，相关台账和佐证材料已同步更新。"));
  }

  private Answer completion(Task task, String unitTaskKey, LocalDate created, LocalDate deadline) {
    if (deadline == null || laggard(unitTaskKey, deadline)) {
      return null;
    }
    if (deadline.isBefore(created) && pick(unitTaskKey, "lateStart", 2) == 0) {
      return null; // handed out after its deadline: half of these units wait for the extension nobody has asked for
    }
    boolean again = !firstTime(unitTaskKey + "/completion", task);
    LocalDate onTime = deadline.minusDays(5 + pick(unitTaskKey, "completion", 36));
    // one unit in six finishes early, one to three months after it got the task
    LocalDate early = created.plusDays(25 + pick(unitTaskKey, "early", 60));
    LocalDate on = again ? created.plusDays(2)
        : pick(unitTaskKey, "finishesEarly", 6) == 0 && early.isBefore(onTime) ? early : onTime;
    return new Answer(on.isBefore(created) ? created.plusDays(1) : on, fields("completionSummary", again
        ? "已按审核意见补充佐证材料和台账明细，任务已全部完成。"
        : "本单位已按计划完成该项任务，相关台账已录入，佐证材料已归档。"));
  }

  /** Whether this task is the first round of its kind for the key (a returned item comes back as a new task). */
  private boolean firstTime(String key, Task task) {
    return firstTask.computeIfAbsent(key, k -> task.getId()).equals(task.getId());
  }

  LocalDate today() {
    return today;
  }

  private static Map<String, Object> fields(Object... pairs) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      fields.put((String) pairs[i], pairs[i + 1]);
    }
    return fields;
  }
}
