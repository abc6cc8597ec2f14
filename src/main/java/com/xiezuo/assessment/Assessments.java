package com.xiezuo.assessment;

import com.xiezuo.assessment.AssessmentRecords.AssessedUnit;
import com.xiezuo.assessment.AssessmentRecords.Assessment;
import com.xiezuo.assessment.AssessmentScoring.Scored;
import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.execution.AssignmentStatus;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.workflow.Deadlines;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A plan's annual assessment from opening to publication: every unit with a task is assessed and writes its
 * self-assessment; the index system scores every unit from the year's record; assessors adjust (always with a
 * reason) and award innovation points; leadership approves or returns; the result is then published and never
 * changed.
 */
@Service("assessments")
public class Assessments {

  static final int REPORT_MIN = 10;
  static final int REPORT_MAX = 5000;
  static final int REASON_MAX = 2000;
  static final int SUMMARY_MAX = 2000;
  static final BigDecimal POINTS_LIMIT = new BigDecimal("100");

  private final AssessmentRecords records;
  private final AssessmentScoring scoring;
  private final UnitAssignments assignments;
  private final UnitDirectory directory;
  private final InnovationClaims claims;
  private final ApplicationEventPublisher events;
  private final Period selfAssessmentDays;

  public Assessments(AssessmentRecords records, AssessmentScoring scoring, UnitAssignments assignments,
      UnitDirectory directory, InnovationClaims claims, ApplicationEventPublisher events,
      @Value("${xiezuo.assessment.self-assessment:P10D}") Period selfAssessmentDays) {
    this.events = events;
    this.records = records;
    this.scoring = scoring;
    this.assignments = assignments;
    this.directory = directory;
    this.claims = claims;
    this.selfAssessmentDays = selfAssessmentDays;
  }

  /**
   * Opens the assessment as of today: every unit with a unit task of the plan, districts first. Listeners hear of it
   * once the self-assessment tasks exist (the opening step's transaction has committed).
   */
  @Transactional
  public Assessment open(long planId, String processInstanceId) {
    LocalDate today = Deadlines.today();
    Instant now = Deadlines.now().toInstant();
    long id = records.insert(planId, today, today.plus(selfAssessmentDays), now);
    records.attachProcess(id, processInstanceId);
    Set<String> assessed = assignments.ofPlan(planId).stream()
        .filter(assignment -> assignment.status() != AssignmentStatus.CANCELLED).map(UnitAssignment::unitId)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    List<Unit> units = directory.districtsFirst().stream().filter(unit -> assessed.contains(unit.id())).toList();
    int position = 0;
    for (Unit unit : units) {
      records.insertUnit(id, unit.id(), unit.name(), unit.isDistrict(), position++);
    }
    records.addEvent(id, AssessmentEventKind.OPENED, null, units.size() + " 个单位参加考核，自评截止 "
        + today.plus(selfAssessmentDays), now);
    events.publishEvent(new AssessmentOpened(id, planId));
    return records.find(id).orElseThrow();
  }

  /** The units the self-assessment goes to, one task each. */
  public List<String> assessedUnits(long id) {
    return records.units(id).stream().map(AssessedUnit::unitId).toList();
  }

  public Optional<Assessment> find(long id) {
    return records.find(id);
  }

  /** A unit's self-assessment: on time until its due date, late after it. */
  @Transactional
  public void submitSelf(long id, String unitId, String report, String user) {
    Assessment assessment = records.find(id).orElseThrow();
    if (assessment.status() != AssessmentStatus.SELF_ASSESSMENT) {
      throw new AssessmentProblemException("考核已进入" + assessment.status().label() + "阶段，不能再提交自评");
    }
    List<String> problems = new ArrayList<>();
    String text = report == null ? "" : report.strip();
    if (text.length() < REPORT_MIN) {
      problems.add("请填写自评报告（不少于 " + REPORT_MIN + " 字）：全年任务完成、指标、信息报送和整改情况");
    } else if (text.length() > REPORT_MAX) {
      problems.add("自评报告不能超过 " + REPORT_MAX + " 字（现为 " + text.length() + " 字）");
    }
    if (!problems.isEmpty()) {
      throw new AssessmentProblemException(problems);
    }
    SelfAssessmentStatus status = Deadlines.today().isAfter(assessment.selfDue()) ? SelfAssessmentStatus.LATE
        : SelfAssessmentStatus.SUBMITTED;
    String claimed = claims.standing(id, unitId).isEmpty() ? null : shortened(claims.summary(id, unitId));
    records.submitSelf(id, unitId, status, text, claimed, user, Deadlines.now().toInstant());
  }

  /** The self-assessment closed: units that did not submit are marked so. */
  public void closeSelfAssessment(long id) {
    records.markMissing(id);
  }

  /** Scores every unit with the assessors' points so far; the assessment is then under review. */
  @Transactional
  public void score(long id) {
    Assessment assessment = records.find(id).orElseThrow();
    Map<String, BigDecimal> innovation = new HashMap<>();
    Map<String, BigDecimal> adjustment = new HashMap<>();
    for (AssessmentRecords.Adjustment made : records.adjustments(id)) {
      (made.kind() == AdjustmentKind.INNOVATION ? innovation : adjustment).merge(made.unitId(), made.points(),
          BigDecimal::add);
    }
    List<Scored> scored = scoring.score(assessment.planId(), assessment.asOf(), innovation, adjustment);
    Set<String> assessed = new LinkedHashSet<>(assessedUnits(id));
    for (Scored unit : scored) {
      if (assessed.contains(unit.facts().unitId())) {
        records.saveSheet(id, unit.facts().unitId(), unit.sheet().components(), unit.facts().facts(),
            unit.sheet().total(), unit.sheet().grade());
      }
    }
    Ranking.of(records.units(id), sheets(id)).forEach((unitId, rank) -> records.setRank(id, unitId, rank));
    ScoreSheet any = scored.isEmpty() ? null : scored.get(0).sheet();
    Instant now = Deadlines.now().toInstant();
    records.scored(id, any == null ? null : any.decisionsVersion(), any == null ? null : parameters(any), now);
    if (assessment.status() == AssessmentStatus.SELF_ASSESSMENT) {
      records.setStatus(id, AssessmentStatus.REVIEW);
      records.addEvent(id, AssessmentEventKind.SCORED, null, any == null ? null : any.decisionsVersion(), now);
    }
  }

  /** An assessor's points for a unit, always with the reason; the assessment is scored again at once. */
  @Transactional
  public void adjust(long id, String unitId, AdjustmentKind kind, BigDecimal points, String reason, Long claimId,
      String user) {
    Assessment assessment = records.find(id).orElseThrow();
    List<String> problems = new ArrayList<>();
    if (assessment.status() != AssessmentStatus.REVIEW) {
      problems.add("考核" + assessment.status().label() + "，评审分不能再修改");
    }
    if (unitId == null || !assessedUnits(id).contains(unitId)) {
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
    }
    if (kind == AdjustmentKind.INNOVATION && unitId != null && claims.standing(id, unitId).stream()
        .noneMatch(claim -> Long.valueOf(claim.id()).equals(claimId))) {
      problems.add("工作创新加分须对应该单位申报并附佐证的创新事项，请选择申报事项");
    }
    String text = reason == null ? "" : reason.strip();
    if (text.isEmpty()) {
      problems.add(kind == AdjustmentKind.INNOVATION ? "请写明创新事项和佐证材料" : "请写明调整理由（事实和依据）");
    } else if (text.length() > REASON_MAX) {
      problems.add("理由不能超过 " + REASON_MAX + " 字（现为 " + text.length() + " 字）");
    }
    if (!problems.isEmpty()) {
      throw new AssessmentProblemException(problems);
    }
    records.addAdjustment(id, unitId, kind, points, text, kind == AdjustmentKind.INNOVATION ? claimId : null, user,
        Deadlines.now().toInstant());
    score(id);
  }

  /** The assessors are done: scored once more, it goes to leadership. */
  @Transactional
  public String submitReview(long id, String user) {
    score(id);
    records.setStatus(id, AssessmentStatus.SUBMITTED);
    records.addEvent(id, AssessmentEventKind.SUBMITTED, user, null, Deadlines.now().toInstant());
    return summary(id);
  }

  @Transactional
  public void sign(long id, boolean approved, String comment, String user) {
    Assessment assessment = records.find(id).orElseThrow();
    if (assessment.status() != AssessmentStatus.SUBMITTED) {
      throw new AssessmentProblemException("考核结果不在待领导审定状态（" + assessment.status().label() + "）");
    }
    Instant now = Deadlines.now().toInstant();
    records.addEvent(id, approved ? AssessmentEventKind.APPROVED : AssessmentEventKind.RETURNED, user, comment, now);
    if (!approved) {
      records.setStatus(id, AssessmentStatus.REVIEW);
    }
  }

  /** Publishes the approved result; answers it once published (nothing when it already was). */
  @Transactional
  public Optional<Assessment> publish(long id) {
    if (records.find(id).orElseThrow().status().published()) {
      return Optional.empty();
    }
    Instant now = Deadlines.now().toInstant();
    records.published(id, now);
    records.addEvent(id, AssessmentEventKind.PUBLISHED, null, null, now);
    return records.find(id);
  }

  /** The results in one sentence, for the leader's task: how many units, the grades, the first of each class. */
  public String summary(long id) {
    List<AssessedUnit> units = records.units(id);
    Map<String, Long> grades = units.stream().filter(unit -> unit.grade() != null)
        .collect(Collectors.groupingBy(AssessedUnit::grade, TreeMap::new, Collectors.counting()));
    String first = units.stream().filter(unit -> Integer.valueOf(1).equals(unit.rank()))
        .map(unit -> (unit.district() ? "区第一：" : "市直及其他单位第一：") + unit.unitName() + " " + unit.total())
        .collect(Collectors.joining("；"));
    return units.size() + " 个单位参加考核；等次：" + grades.entrySet().stream()
        .map(entry -> entry.getKey() + " " + entry.getValue() + " 个").collect(Collectors.joining("，")) + "；" + first
        + "；自评未提交 " + units.stream().filter(unit -> unit.selfStatus() == SelfAssessmentStatus.MISSING).count()
        + " 个。";
  }

  private Map<String, Map<String, BigDecimal>> sheets(long id) {
    Map<String, Map<String, BigDecimal>> sheets = new HashMap<>();
    for (AssessedUnit unit : records.units(id)) {
      Map<String, BigDecimal> values = new HashMap<>();
      records.components(id, unit.unitId()).forEach(component -> values.put(component.decisionKey(),
          component.score()));
      sheets.put(unit.unitId(), values);
    }
    return sheets;
  }

  /** The claims as the self-assessment's record keeps them; the claims themselves stay whole in their own table. */
  private static String shortened(String summary) {
    return summary.length() <= SUMMARY_MAX ? summary : summary.substring(0, SUMMARY_MAX - 1) + "…";
  }

  private static String parameters(ScoreSheet sheet) {
    return new TreeMap<>(sheet.parameters()).entrySet().stream()
        .map(entry -> entry.getKey() + "=" + entry.getValue().toPlainString()).collect(Collectors.joining("; "));
  }
}
