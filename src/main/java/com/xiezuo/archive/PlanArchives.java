package com.xiezuo.archive;

import static com.xiezuo.workflow.ProcessVariables.ARCHIVE_ID;
import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;

import com.xiezuo.audit.AuditAction;
import com.xiezuo.audit.AuditEntry;
import com.xiezuo.audit.AuditTrail;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.workflow.AsSystem;
import com.xiezuo.workflow.Deadlines;
import com.xiezuo.workflow.ProcessKeys;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Requests a plan's archive: one at a time per plan, built in the background by the planArchive process. */
@Service
public class PlanArchives {

  /** Why an archive cannot be requested now. */
  public static class ArchiveRefusedException extends RuntimeException {
    public ArchiveRefusedException(String message) {
      super(message);
    }
  }

  private final ArchiveRecords records;
  private final PlanRepository plans;
  private final RuntimeService runtimeService;
  private final AsSystem asSystem;
  private final AuditTrail audit;

  public PlanArchives(ArchiveRecords records, PlanRepository plans, RuntimeService runtimeService, AsSystem asSystem,
      AuditTrail audit) {
    this.records = records;
    this.plans = plans;
    this.runtimeService = runtimeService;
    this.asSystem = asSystem;
    this.audit = audit;
  }

  @Transactional
  public long request(long planId, String user) {
    var plan = plans.findSummary(planId).orElseThrow(() -> new ArchiveRefusedException("没有编号为 " + planId + " 的计划"));
    if (records.ofPlan(planId).stream().anyMatch(ArchiveRecords.Archive::running)) {
      throw new ArchiveRefusedException("本计划的归档包正在生成，请等它完成后再申请");
    }
    long id = records.insert(planId, user, Deadlines.now().toInstant());
    Map<String, Object> variables = new HashMap<>();
    PLAN_ID.put(variables, planId);
    ARCHIVE_ID.put(variables, id);
    // the right to request was checked by the page; the process is Xiezuo's own, users may not start processes
    String instance = asSystem.call(() -> runtimeService.startProcessInstanceByKey(ProcessKeys.PLAN_ARCHIVE,
        "archive/" + planId + "/" + id, variables).getId());
    records.attachProcess(id, instance);
    audit.record(AuditEntry.of(AuditAction.ARCHIVE_REQUESTED, user, plan.title()).plan(planId)
        .detail("归档包编号 " + id));
    return id;
  }
}
