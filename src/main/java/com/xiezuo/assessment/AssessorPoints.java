package com.xiezuo.assessment;

import com.xiezuo.assessment.AdjustmentRecords.Adjustment;
import com.xiezuo.assessment.AssessmentRecords.AssessedUnit;
import com.xiezuo.assessment.AssessmentRecords.Assessment;
import com.xiezuo.audit.AuditAction;
import com.xiezuo.audit.AuditEntry;
import com.xiezuo.audit.AuditTrail;
import com.xiezuo.workflow.Deadlines;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assessors' points during the review: an adjustment of a unit's score (its running total within the year's
 * cap) or an innovation award against one of the unit's claims with standing evidence, always with a reason; a
 * point given wrongly is withdrawn with the reason, never erased. The version is scored again at once.
 */
@Service
public class AssessorPoints {

  static final int REASON_MIN = 5;
  static final int REASON_MAX = 2000;
  static final BigDecimal POINTS_LIMIT = new BigDecimal("100");

  private final AssessmentRecords records;
  private final AdjustmentRecords adjustments;
  private final AssessmentParameters parameters;
  private final InnovationClaims claims;
  private final Assessments assessments;
  private final AuditTrail audit;

  public AssessorPoints(AssessmentRecords records, AdjustmentRecords adjustments, AssessmentParameters parameters,
      InnovationClaims claims, Assessments assessments, AuditTrail audit) {
    this.audit = audit;
    this.records = records;
    this.adjustments = adjustments;
    this.parameters = parameters;
    this.claims = claims;
    this.assessments = assessments;
  }

  @Transactional
  public void give(long id, String unitId, AdjustmentKind kind, BigDecimal points, String reason, Long claimId,
      String user) {
    Assessment assessment = records.find(id).orElseThrow();
    List<String> problems = new ArrayList<>(reviewProblems(assessment));
    boolean assessed = unitId != null && records.units(id).stream().map(AssessedUnit::unitId).anyMatch(unitId::equals);
    if (!assessed) {
      problems.add("请选择参加本次考核的单位");
    }
    if (kind == null) {
      problems.add("请选择评审调整或工作创新加分");
    }
    if (points == null || points.signum() == 0) {
      problems.add("请填写分值（不为 0 的数，扣分为负数）");
    } else if (points.abs().compareTo(POINTS_LIMIT) > 0 || points.scale() > 2) {
      problems.add("分值应在 −100 到 100 之间，最多两位小数");
    } else if (kind == AdjustmentKind.INNOVATION && points.signum() < 0) {
      problems.add("工作创新加分应为正数");
    } else if (assessed && kind != null) {
      problems.addAll(capProblems(assessment, unitId, kind, points));
    }
    if (kind == AdjustmentKind.INNOVATION && assessed && claims.awardable(id, unitId).stream()
        .noneMatch(claim -> Long.valueOf(claim.id()).equals(claimId))) {
      problems.add("工作创新加分须对应该单位申报、佐证材料仍有效的创新事项，请选择申报事项");
    }
    problems.addAll(reasonProblems(reason, kind == AdjustmentKind.INNOVATION ? "请写明认定理由（创新做法和佐证）"
        : "请写明调整理由（事实和依据）"));
    if (!problems.isEmpty()) {
      throw new AssessmentProblemException(problems);
    }
    adjustments.addAdjustment(id, unitId, kind, points, reason.strip(),
        kind == AdjustmentKind.INNOVATION ? claimId : null, user, Deadlines.now().toInstant(), null);
    assessments.rescore(id);
    // the unit reads its points when the assessment is published, not on the trail before
    audit.record(AuditEntry.of(AuditAction.ASSESSMENT_POINTS, user, kind.label() + "｜" + unitId)
        .plan(assessment.planId()).detail(points.stripTrailingZeros().toPlainString() + " 分；" + reason.strip()));
  }

  /** A point given wrongly is withdrawn, with the reason; it stays on record and counts no more. */
  @Transactional
  public void withdraw(long id, long adjustmentId, String reason, String user) {
    Assessment assessment = records.find(id).orElseThrow();
    List<String> problems = new ArrayList<>(reviewProblems(assessment));
    Adjustment made = adjustments.adjustments(id).stream().filter(found -> found.id() == adjustmentId).findFirst()
        .orElse(null);
    if (made == null || !made.standing()) {
      problems.add("本次考核没有编号为 " + adjustmentId + " 的有效评审分");
    } else if (made.kind() == AdjustmentKind.ADJUSTMENT) {
      problems.addAll(capProblems(assessment, made.unitId(), made.kind(), made.points().negate()));
    }
    problems.addAll(reasonProblems(reason, "请写明撤销理由"));
    if (!problems.isEmpty()) {
      throw new AssessmentProblemException(problems);
    }
    adjustments.withdrawAdjustment(adjustmentId, user, reason.strip(), Deadlines.now().toInstant());
    assessments.rescore(id);
    audit.record(AuditEntry.of(AuditAction.ASSESSMENT_POINTS, user, made.kind().label() + "｜" + made.unitId())
        .plan(assessment.planId()).detail("撤销 " + made.points().stripTrailingZeros().toPlainString() + " 分；"
            + reason.strip()));
  }

  /**
   * A unit's adjustments together within ±{@code adjustmentCap}, its innovation awards within {@code innovationCap};
   * a change that brings a running total back towards its cap is always allowed.
   */
  private List<String> capProblems(Assessment assessment, String unitId, AdjustmentKind kind, BigDecimal change) {
    var values = parameters.of(assessment.planId());
    BigDecimal cap = values.get(kind == AdjustmentKind.INNOVATION ? AssessmentParameter.INNOVATION_CAP
        : AssessmentParameter.ADJUSTMENT_CAP);
    BigDecimal sofar = adjustments.adjustments(assessment.id()).stream().filter(made -> made.standing()
        && made.unitId().equals(unitId) && made.kind() == kind).map(Adjustment::points)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal after = sofar.add(change);
    if (after.abs().compareTo(cap) <= 0 || after.abs().compareTo(sofar.abs()) <= 0) {
      return List.of();
    }
    String limit = cap.stripTrailingZeros().toPlainString();
    return List.of(kind == AdjustmentKind.INNOVATION
        ? "工作创新加分累计不超过 " + limit + " 分（该单位已认定 " + sofar.stripTrailingZeros().toPlainString() + " 分）"
        : "评审调整累计应在 ±" + limit + " 分以内（该单位现为 " + sofar.stripTrailingZeros().toPlainString() + " 分，此项之后为 "
            + after.stripTrailingZeros().toPlainString() + " 分）");
  }

  private static List<String> reviewProblems(Assessment assessment) {
    return assessment.status() == AssessmentStatus.REVIEW ? List.of()
        : List.of("考核" + assessment.status().label() + "，评审分不能再修改");
  }

  private static List<String> reasonProblems(String reason, String missing) {
    String text = reason == null ? "" : reason.strip();
    if (text.isEmpty()) {
      return List.of(missing);
    }
    if (text.length() < REASON_MIN || text.length() > REASON_MAX) {
      return List.of("理由应为 " + REASON_MIN + " 至 " + REASON_MAX + " 字（现为 " + text.length() + " 字）");
    }
    return List.of();
  }
}
