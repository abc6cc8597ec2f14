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
 * self-assessment; the index system scores every unit from the year's record; assessors adjust and award innovation
 * points ({@link AssessorPoints}); leadership approves or returns; the result is then published and never changed.
 */
@Service("assessments")
public class Assessments {

  static final int REPORT_MIN = 10;
  static final int REPORT_MAX = 5000;
  static final int SUMMARY_MAX = 2000;

  private final AssessmentRecords records;
  private final AdjustmentRecords adjustments;
  private final AssessmentScoring scoring;
  private final UnitAssignments assignments;
  private final UnitDirectory directory;
  private final InnovationClaims claims;
  private final ApplicationEventPublisher events;
  private final Period selfAssessmentDays;

  public Assessments(AssessmentRecords records, AdjustmentRecords adjustments, AssessmentScoring scoring,
      UnitAssignments assignments,
      UnitDirectory directory, InnovationClaims claims, ApplicationEventPublisher events,
      @Value("${xiezuo.assessment.self-assessment:P10D}") Period selfAssessmentDays) {
    this.events = events;
    this.records = records;
    this.adjustments = adjustments;
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
    List<Long> awardable = claims.awardable(id, unitId).stream().map(ClaimRecords.Claim::id).toList();
    claims.standing(id, unitId).stream().filter(claim -> !awardable.contains(claim.id())).forEach(claim ->
        problems.add("申报“" + claim.title() + "”的佐证材料都已在任务页面撤回，请撤回该申报或补充佐证后重新申报"));
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

  /** Scores every unit from the year's records with the assessors' points so far; it is then under review. */
  @Transactional
  public void score(long id) {
    Assessment assessment = records.find(id).orElseThrow();
    Points points = points(id);
    List<Scored> scored = scoring.score(assessment.planId(), assessment.asOf(), points.innovation(),
        points.adjustment());
    Set<String> assessed = new LinkedHashSet<>(assessedUnits(id));
    for (Scored unit : scored) {
      if (assessed.contains(unit.facts().unitId())) {
        records.saveSheet(id, unit.facts().unitId(), unit.sheet().components(), unit.facts().facts(), unit.counted(),
            unit.sheet().total(), unit.sheet().grade());
      }
    }
    rank(id);
    ScoreSheet any = scored.isEmpty() ? null : scored.get(0).sheet();
    Instant now = Deadlines.now().toInstant();
    records.scored(id, any == null ? null : any.decisionsVersion(), any == null ? null : parameters(any), now);
    if (assessment.status() == AssessmentStatus.SELF_ASSESSMENT) {
      records.setStatus(id, AssessmentStatus.REVIEW);
      records.addEvent(id, AssessmentEventKind.SCORED, null, any == null ? null : any.decisionsVersion(), now);
    }
  }

  /**
   * The assessors' points changed: every unit scored again from the inputs counted when the version was scored, so
   * that records made since change nothing (a correction counts them again).
   */
  @Transactional
  public void rescore(long id) {
    Assessment assessment = records.find(id).orElseThrow();
    Points points = points(id);
    scoring.rescore(assessment.planId(), records.counted(id), points.innovation(), points.adjustment())
        .forEach((unitId, sheet) -> records.saveScore(id, unitId, sheet.components(), sheet.total(), sheet.grade()));
    rank(id);
  }

  /** The assessors are done: it goes to leadership, with the results in a sentence. */
  @Transactional
  public String submitReview(long id, String user) {
    rescore(id);
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
    List<String> firsts = new ArrayList<>();
    for (boolean district : List.of(true, false)) {
      String named = units.stream().filter(unit -> unit.district() == district && Integer.valueOf(1).equals(unit.rank()))
          .map(unit -> unit.unitName() + " " + unit.total()).collect(Collectors.joining("、"));
      if (!named.isEmpty()) {
        firsts.add((district ? "区第一：" : "市直及其他单位第一：") + named);
      }
    }
    return units.size() + " 个单位参加考核；等次：" + Grades.counted(units).entrySet().stream()
        .map(entry -> entry.getKey() + " " + entry.getValue() + " 个").collect(Collectors.joining("，")) + "；"
        + String.join("；", firsts)
        + "；自评未提交 " + units.stream().filter(unit -> unit.selfStatus() == SelfAssessmentStatus.MISSING).count()
        + " 个。";
  }

  /** The assessors' standing points per unit: innovation awards and adjustments. */
  private record Points(Map<String, BigDecimal> innovation, Map<String, BigDecimal> adjustment) {}

  private Points points(long id) {
    Points points = new Points(new HashMap<>(), new HashMap<>());
    adjustments.adjustments(id).stream().filter(AdjustmentRecords.Adjustment::standing).forEach(made ->
        (made.kind() == AdjustmentKind.INNOVATION ? points.innovation() : points.adjustment())
            .merge(made.unitId(), made.points(), BigDecimal::add));
    return points;
  }

  private void rank(long id) {
    Ranking.of(records.units(id), sheets(id)).forEach((unitId, rank) -> records.setRank(id, unitId, rank));
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
