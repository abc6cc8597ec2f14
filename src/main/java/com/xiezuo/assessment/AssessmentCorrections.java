package com.xiezuo.assessment;

import static com.xiezuo.workflow.ProcessVariables.ASSESSMENT_CORRECTION_REASON;
import static com.xiezuo.workflow.ProcessVariables.ASSESSMENT_ID;
import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;
import static com.xiezuo.workflow.ProcessVariables.PLAN_TITLE;

import com.xiezuo.assessment.AssessmentRecords.Assessment;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.workflow.AsSystem;
import com.xiezuo.workflow.CommandRefusedException;
import com.xiezuo.workflow.Deadlines;
import com.xiezuo.workflow.ProcessKeys;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A published assessment is never changed: a correction is its next version, opened by a coordinator with the
 * reason, scored again from the year's records with the assessors' points carried over, reviewed, approved by
 * leadership and published, which sets the corrected version aside. Every version stays readable.
 */
@Service("assessmentCorrections")
public class AssessmentCorrections {

  static final int REASON_MIN = 10;
  static final int REASON_MAX = 2000;

  private final AssessmentRecords records;
  private final AdjustmentRecords adjustments;
  private final ClaimRecords claims;
  private final Assessments assessments;
  private final PlanRepository plans;
  private final RuntimeService runtimeService;
  private final AsSystem asSystem;

  public AssessmentCorrections(AssessmentRecords records, AdjustmentRecords adjustments, ClaimRecords claims,
      Assessments assessments, PlanRepository plans, RuntimeService runtimeService, AsSystem asSystem) {
    this.records = records;
    this.adjustments = adjustments;
    this.claims = claims;
    this.assessments = assessments;
    this.plans = plans;
    this.runtimeService = runtimeService;
    this.asSystem = asSystem;
  }

  /** Opens the next version of a published assessment and its review; all or nothing. */
  @Transactional
  public Assessment open(long publishedId, String reason, String user) {
    Assessment published = records.find(publishedId)
        .orElseThrow(() -> new AssessmentProblemException("没有编号为 " + publishedId + " 的考核"));
    String text = reason == null ? "" : reason.strip();
    if (published.status() != AssessmentStatus.PUBLISHED) {
      throw new AssessmentProblemException(published.status() == AssessmentStatus.SUPERSEDED
          ? "第 " + published.version() + " 版已被更正版本取代，请在最新发布的版本上提出更正"
          : "考核结果尚未发布（" + published.status().label() + "），请在评审中修改，不需要更正");
    }
    Assessment latest = records.ofPlan(published.planId()).get(0);
    if (latest.id() != published.id()) {
      throw new AssessmentProblemException("第 " + latest.version() + " 版更正正在办理（" + latest.status().label()
          + "），一次只能办理一个更正");
    }
    if (text.length() < REASON_MIN || text.length() > REASON_MAX) {
      throw new AssessmentProblemException("请写明更正理由（" + REASON_MIN + " 至 " + REASON_MAX + " 字）：哪项记录或评分有误、依据是什么");
    }
    Instant now = Deadlines.now().toInstant();
    long id = records.insertCorrection(published, text, now);
    records.copyUnits(published.id(), id);
    adjustments.copyAdjustments(published.id(), id, published.version(), claims.copy(published.id(), id));
    records.addEvent(id, AssessmentEventKind.CORRECTED, user, "更正第 " + published.version() + " 版：" + text,
        now);
    assessments.score(id);
    PlanSummary plan = plans.findSummary(published.planId()).orElseThrow();
    Map<String, Object> variables = new HashMap<>();
    ASSESSMENT_ID.put(variables, id);
    PLAN_ID.put(variables, plan.id());
    PLAN_TITLE.put(variables, plan.title());
    ASSESSMENT_CORRECTION_REASON.put(variables, "更正第 " + published.version() + " 版：" + text);
    String instance = asSystem.call(() -> runtimeService.startProcessInstanceByMessage(
        ProcessKeys.MESSAGE_ASSESSMENT_CORRECTION, PlanImportService.businessKey(plan.year(), plan.id()), variables)
        .getId());
    records.attachProcess(id, instance);
    return records.find(id).orElseThrow();
  }

  /** A correction's review starts only for a version opened here, never by a message sent from outside. */
  public ExecutionListener startCheck() {
    return execution -> {
      Long id = ASSESSMENT_ID.get(execution);
      Assessment correction = id == null ? null : records.find(id).orElse(null);
      if (correction == null || correction.correctsId() == null || correction.processInstanceId() != null
          || correction.status() != AssessmentStatus.REVIEW) {
        throw new CommandRefusedException("考核结果的更正只能在考核页面由协调员提出");
      }
    };
  }

  /** Published: the version it corrects is set aside (and says by which). */
  void supersede(Assessment published) {
    if (published.correctsId() == null) {
      return;
    }
    records.setStatus(published.correctsId(), AssessmentStatus.SUPERSEDED);
    records.addEvent(published.correctsId(), AssessmentEventKind.SUPERSEDED, null, "由第 " + published.version()
        + " 版更正", Deadlines.now().toInstant());
  }
}
