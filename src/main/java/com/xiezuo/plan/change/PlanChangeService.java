package com.xiezuo.plan.change;

import static com.xiezuo.workflow.ProcessVariables.APPROVAL_HISTORY;
import static com.xiezuo.workflow.ProcessVariables.CHANGE_COMMENT;
import static com.xiezuo.workflow.ProcessVariables.CHANGE_DECISION;
import static com.xiezuo.workflow.ProcessVariables.CHANGE_ID;
import static com.xiezuo.workflow.ProcessVariables.CHANGE_NEW_DEADLINE;
import static com.xiezuo.workflow.ProcessVariables.CHANGE_REASON;
import static com.xiezuo.workflow.ProcessVariables.CHANGE_REVISION;
import static com.xiezuo.workflow.ProcessVariables.CHANGE_SUMMARY;

import com.xiezuo.audit.AuditAction;
import com.xiezuo.audit.AuditEntry;
import com.xiezuo.audit.AuditTrail;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.plan.ImportProblem;
import com.xiezuo.plan.PlanDetail;
import com.xiezuo.plan.PlanImportException;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.PlanStatus;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.workflow.AsSystem;
import com.xiezuo.workflow.ProcessKeys;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes of a plan task during the year (adjust, extend, cancel), each proposed by a coordinator with a reason and
 * approved by leadership in annualPlan's change subprocess; only an approved change touches the plan and its tasks.
 */
@Service
public class PlanChangeService {

  private final PlanChangeRepository changes;
  private final PlanRepository plans;
  private final UnitDirectory directory;
  private final RuntimeService runtimeService;
  private final ApplicationEventPublisher events;
  private final AsSystem asSystem;
  private final AuditTrail audit;

  public PlanChangeService(PlanChangeRepository changes, PlanRepository plans, UnitDirectory directory,
      RuntimeService runtimeService, ApplicationEventPublisher events, AsSystem asSystem, AuditTrail audit) {
    this.audit = audit;
    this.changes = changes;
    this.plans = plans;
    this.directory = directory;
    this.runtimeService = runtimeService;
    this.events = events;
    this.asSystem = asSystem;
  }

  @Transactional
  public PlanChange propose(long planId, ChangeProposal proposal, String user) {
    PlanSummary plan = plans.findSummary(planId).orElseThrow(() -> refused(null, "plan", "没有编号为 " + planId + " 的计划", false));
    if (plan.status() != PlanStatus.APPROVED && plan.status() != PlanStatus.IN_PROGRESS) {
      throw refused(null, "plan", "计划当前状态为“" + plan.statusLabel() + "”：只有已批准、执行中的计划可以申请任务变更", true);
    }
    if (plan.processInstanceId() == null
        || runtimeService.createProcessInstanceQuery().processInstanceId(plan.processInstanceId()).count() == 0) {
      throw refused(null, "plan", "计划流程已结束，不能再变更", true);
    }
    String number = proposal.taskNumber() == null ? "" : proposal.taskNumber().trim();
    long taskId = plans.taskId(planId, number).orElseThrow(() -> refused(number, "taskNumber", "计划中没有编号为“" + number + "”的任务", false));
    PlanDetail.Task task = plans.findTask(taskId, directory.snapshot()).orElseThrow().task();
    changes.openForTask(taskId).ifPresent(open -> {
      throw refused(number, "taskNumber", "任务 " + number + " 已有一项变更申请（" + open.type().label() + "，"
          + open.status().label() + "）尚未办结，请待其办结或撤回后再提出", true);
    });
    validate(plan, task, proposal);
    long id = changes.insert(planId, taskId, proposal, user);
    PlanChange change = changes.find(id).orElseThrow();
    Map<String, Object> local = new HashMap<>();
    CHANGE_ID.put(local, id);
    CHANGE_SUMMARY.put(local, summary(change, task));
    CHANGE_REASON.put(local, change.reason());
    CHANGE_NEW_DEADLINE.put(local, change.newDeadline() == null ? null : change.newDeadline().toString());
    CHANGE_DECISION.put(local, null);
    CHANGE_COMMENT.put(local, null);
    CHANGE_REVISION.put(local, null);
    // each change keeps its own approval rounds, apart from the plan's
    APPROVAL_HISTORY.put(local, null);
    // the coordinator's right to propose is checked by the web layer; the engine step is Xiezuo's own
    asSystem.run(() -> runtimeService.createMessageCorrelation(ProcessKeys.MESSAGE_PLAN_CHANGE_PROPOSED)
        .processInstanceId(plan.processInstanceId()).setVariablesLocal(local).correlateWithResult());
    audit.record(AuditEntry.of(AuditAction.CHANGE_PROPOSED, user, task.number() + " " + task.title()).plan(planId)
        .task(task.number()).detail(summary(change, task)));
    return change;
  }

  private void validate(PlanSummary plan, PlanDetail.Task task, ChangeProposal proposal) {
    String number = task.number();
    if (!"ACTIVE".equals(task.status())) {
      throw refused(number, "taskNumber", "任务 " + number + " 已取消，不能再变更", true);
    }
    if (proposal.type() == null) {
      throw refused(number, "type", "请选择变更类型：调整、延期或取消", false);
    }
    if (proposal.reason() == null || proposal.reason().isBlank()) {
      throw refused(number, "reason", "请说明变更理由", false);
    }
    if (proposal.reason().length() > 2000) {
      throw refused(number, "reason", "变更理由不能超过 2000 字", false);
    }
    switch (proposal.type()) {
      case EXTEND -> checkDeadline(plan, task, proposal.newDeadline());
      case ADJUST -> {
        boolean title = proposal.newTitle() != null && !proposal.newTitle().isBlank();
        boolean content = proposal.newContent() != null && !proposal.newContent().isBlank();
        if (!title && !content) {
          throw refused(number, "newTitle", "调整任务须给出新的任务名称或任务内容", false);
        }
        if (title && proposal.newTitle().length() > 300) {
          throw refused(number, "newTitle", "任务名称不能超过 300 字", false);
        }
        if (content && proposal.newContent().length() > 20_000) {
          throw refused(number, "newContent", "任务内容不能超过 20000 字（现为 " + proposal.newContent().length() + " 字）", false);
        }
      }
      case CANCEL -> { }
      default -> throw new IllegalStateException(proposal.type().name());
    }
  }

  void checkDeadline(PlanSummary plan, PlanDetail.Task task, LocalDate newDeadline) {
    if (newDeadline == null) {
      throw refused(task.number(), "newDeadline", "延期须给出新的完成时限", false);
    }
    if (!newDeadline.isAfter(task.deadline())) {
      throw refused(task.number(), "newDeadline", "新的完成时限 " + newDeadline + " 须晚于现时限 " + task.deadline(), false);
    }
    if (newDeadline.isAfter(LocalDate.of(plan.year() + 1, 12, 31))) {
      throw refused(task.number(), "newDeadline", "新的完成时限不能晚于 " + (plan.year() + 1) + " 年底", false);
    }
  }

  public String summary(PlanChange change, PlanDetail.Task task) {
    String head = "任务 " + task.number() + "《" + task.title() + "》申请" + change.type().label() + "：";
    String what = switch (change.type()) {
      case EXTEND -> "完成时限由 " + task.deadline() + " 延至 " + change.newDeadline() + "，相关提醒随之顺延。";
      case CANCEL -> "取消该任务，各责任单位的办理任务随之结束。";
      case ADJUST -> (change.newTitle() == null ? "" : "任务名称改为“" + change.newTitle() + "”。")
          + (change.newContent() == null ? "" : "任务内容改为：" + change.newContent());
    };
    return head + what + "\n理由：" + change.reason();
  }

  /** Leadership's decision; a return keeps the proposal open for the coordinator to revise or withdraw. */
  public void decide(long changeId, boolean approve, String comment, String user) {
    changes.decided(changeId, approve ? ChangeStatus.PROPOSED : ChangeStatus.RETURNED, user, comment);
  }

  /** The coordinator's answer to a return: a revised proposal (new summary) or a withdrawal. */
  public String revise(long changeId, boolean resubmit, String reason, LocalDate newDeadline) {
    PlanChange change = changes.find(changeId).orElseThrow();
    if (!resubmit) {
      changes.setStatus(changeId, ChangeStatus.WITHDRAWN);
      return null;
    }
    var ref = plans.findTask(change.planTaskId(), directory.snapshot()).orElseThrow();
    if (change.type() == ChangeType.EXTEND && newDeadline != null) {
      checkDeadline(ref.plan(), ref.task(), newDeadline);
    }
    changes.revised(changeId, reason, change.type() == ChangeType.EXTEND ? newDeadline : null);
    return summary(changes.find(changeId).orElseThrow(), ref.task());
  }

  /** Applies an approved change to the plan and announces it; the unit tasks and the assessment follow. */
  @Transactional
  public void apply(long changeId) {
    PlanChange change = changes.find(changeId).orElseThrow();
    if (change.status() == ChangeStatus.APPROVED || change.status() == ChangeStatus.OBSOLETE) {
      return;
    }
    PlanDetail.Task task = plans.findTask(change.planTaskId(), directory.snapshot()).orElseThrow().task();
    boolean cancelledMeanwhile = !"ACTIVE".equals(task.status());
    boolean alreadyLater = change.type() == ChangeType.EXTEND && !change.newDeadline().isAfter(task.deadline());
    if (cancelledMeanwhile || alreadyLater) {
      changes.setStatus(changeId, ChangeStatus.OBSOLETE);
      return;
    }
    switch (change.type()) {
      case EXTEND -> {
        String text = "延期至 " + change.newDeadline();
        plans.updateTaskDeadline(change.planTaskId(), change.newDeadline(), text);
        events.publishEvent(new PlanTaskChanged.DeadlineExtended(change.planId(), change.planTaskId(), task.deadline(),
            change.newDeadline(), text));
      }
      case CANCEL -> {
        plans.updateTaskStatus(change.planTaskId(), "CANCELLED");
        events.publishEvent(new PlanTaskChanged.Cancelled(change.planId(), change.planTaskId()));
      }
      case ADJUST -> {
        plans.updateTaskText(change.planTaskId(), change.newTitle(), change.newContent());
        events.publishEvent(new PlanTaskChanged.Adjusted(change.planId(), change.planTaskId(), change.newTitle(),
            change.newContent()));
      }
      default -> throw new IllegalStateException(change.type().name());
    }
    changes.setStatus(changeId, ChangeStatus.APPROVED);
    audit.record(AuditEntry.of(AuditAction.CHANGE_APPLIED, null, task.number() + " " + task.title())
        .plan(change.planId()).task(task.number()).detail(summary(change, task)));
  }

  public List<PlanChange> ofPlan(long planId) {
    return changes.ofPlan(planId);
  }

  private static PlanImportException refused(String task, String field, String message, boolean conflict) {
    return new PlanImportException(List.of(new ImportProblem(task, null, field, message)), conflict);
  }
}
