package com.xiezuo.assessment;

import com.xiezuo.assessment.AssessmentRecords.AssessedUnit;
import com.xiezuo.assessment.AssessmentRecords.Assessment;
import com.xiezuo.assessment.ClaimRecords.CitedFile;
import com.xiezuo.assessment.ClaimRecords.Claim;
import com.xiezuo.audit.AuditAction;
import com.xiezuo.audit.AuditEntry;
import com.xiezuo.audit.AuditTrail;
import com.xiezuo.execution.Evidence;
import com.xiezuo.workflow.Deadlines;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A unit's claimed innovation items (工作创新申报): each names what was new and cites evidence files the unit filed on
 * its own tasks of the plan. Claimed while its self-assessment is awaited, frozen once submitted; assessors award
 * innovation points against a claim, never without one.
 */
@Service
public class InnovationClaims {

  static final int TITLE_MIN = 2;
  static final int TITLE_MAX = 100;
  static final int DESCRIPTION_MIN = 10;
  static final int DESCRIPTION_MAX = 2000;
  static final int EVIDENCE_MAX = 10;
  static final int CLAIMS_MAX = 10;

  private final ClaimRecords claims;
  private final AssessmentRecords records;
  private final Evidence evidence;

  private final AuditTrail audit;

  public InnovationClaims(ClaimRecords claims, AssessmentRecords records, Evidence evidence, AuditTrail audit) {
    this.audit = audit;
    this.claims = claims;
    this.records = records;
    this.evidence = evidence;
  }

  /** The files the unit may cite: its standing evidence on its tasks of the plan. */
  public List<Evidence.UnitFile> citable(long assessmentId, String unitId) {
    return evidence.standingOfUnit(assessment(assessmentId).planId(), unitId);
  }

  public List<Claim> of(long assessmentId, String unitId) {
    return claims.of(assessmentId).stream().filter(claim -> claim.unitId().equals(unitId)).toList();
  }

  public List<Claim> standing(long assessmentId, String unitId) {
    return of(assessmentId, unitId).stream().filter(Claim::standing).toList();
  }

  /** Claims an assessor may award: standing, with at least one cited file not withdrawn since. */
  public List<Claim> awardable(long assessmentId, String unitId) {
    Set<Long> withdrawn = withdrawnEvidence(assessmentId);
    return standing(assessmentId, unitId).stream().filter(claim -> claim.evidence().stream()
        .anyMatch(file -> !withdrawn.contains(file.evidenceId()))).toList();
  }

  /** The cited files of the assessment's claims that were withdrawn on their task after being cited. */
  public Set<Long> withdrawnEvidence(long assessmentId) {
    return evidence.withdrawnAmong(claims.of(assessmentId).stream().flatMap(claim -> claim.evidence().stream())
        .map(CitedFile::evidenceId).collect(Collectors.toSet()));
  }

  @Transactional
  public long claim(long assessmentId, String unitId, String title, String description, List<Long> evidenceIds,
      String user) {
    Assessment assessment = assessment(assessmentId);
    List<String> problems = new ArrayList<>(stateProblems(assessment, unitId));
    String name = title == null ? "" : title.strip();
    if (name.length() < TITLE_MIN || name.length() > TITLE_MAX) {
      problems.add("创新事项名称应为 " + TITLE_MIN + " 至 " + TITLE_MAX + " 字（现为 " + name.length() + " 字）");
    }
    String text = description == null ? "" : description.strip();
    if (text.length() < DESCRIPTION_MIN || text.length() > DESCRIPTION_MAX) {
      problems.add("创新做法和成效应为 " + DESCRIPTION_MIN + " 至 " + DESCRIPTION_MAX + " 字（现为 " + text.length() + " 字）");
    }
    Set<Long> chosen = new LinkedHashSet<>(evidenceIds == null ? List.of() : evidenceIds);
    Map<Long, Evidence.UnitFile> own = evidence.standingOfUnit(assessment.planId(), unitId).stream()
        .collect(Collectors.toMap(file -> file.file().id(), Function.identity()));
    if (chosen.isEmpty()) {
      problems.add("请至少勾选一份佐证材料（先在相应任务页面上传）");
    } else if (chosen.size() > EVIDENCE_MAX) {
      problems.add("每项最多引用 " + EVIDENCE_MAX + " 份佐证材料");
    } else if (!own.keySet().containsAll(chosen)) {
      problems.add("只能引用本单位在本计划任务中上传且未撤回的佐证材料");
    }
    if (standing(assessmentId, unitId).size() >= CLAIMS_MAX) {
      problems.add("每个单位最多申报 " + CLAIMS_MAX + " 项工作创新");
    }
    if (!problems.isEmpty()) {
      throw new AssessmentProblemException(problems);
    }
    List<CitedFile> cited = chosen.stream().map(own::get).map(file -> new CitedFile(file.file().id(),
        file.file().fileName(), file.taskNumber())).toList();
    long id = claims.insert(assessmentId, unitId, name, text, cited, user, Deadlines.now().toInstant());
    audit.record(AuditEntry.of(AuditAction.ASSESSMENT_CLAIM, user, name).plan(assessment.planId()).unit(unitId)
        .detail("申报（第 " + assessment.version() + " 版考核）；佐证 " + cited.size() + " 份"));
    return id;
  }

  @Transactional
  public void withdraw(long assessmentId, String unitId, long claimId, String user) {
    List<String> problems = stateProblems(assessment(assessmentId), unitId);
    if (!problems.isEmpty()) {
      throw new AssessmentProblemException(problems);
    }
    Claim claim = standing(assessmentId, unitId).stream().filter(found -> found.id() == claimId).findFirst()
        .orElseThrow(() -> new AssessmentProblemException("本单位没有编号为 " + claimId + " 的工作创新申报"));
    claims.withdraw(claim.id(), user, Deadlines.now().toInstant());
    audit.record(AuditEntry.of(AuditAction.ASSESSMENT_CLAIM, user, claim.title()).unit(unitId)
        .plan(assessment(assessmentId).planId()).detail("撤回申报"));
  }

  /** The unit's standing claims in a few lines, as its self-assessment form and score sheet show them. */
  public String summary(long assessmentId, String unitId) {
    List<Claim> standing = standing(assessmentId, unitId);
    if (standing.isEmpty()) {
      return "未申报工作创新";
    }
    Set<Long> withdrawn = withdrawnEvidence(assessmentId);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < standing.size(); i++) {
      Claim claim = standing.get(i);
      lines.add((i + 1) + ". " + claim.title() + "（佐证：" + claim.evidence().stream()
          .map(file -> "任务" + file.taskNumber() + " " + file.fileName()
              + (withdrawn.contains(file.evidenceId()) ? "（已撤回）" : ""))
          .collect(Collectors.joining("、")) + "）");
    }
    return String.join("\n", lines);
  }

  /** Claims are made while the unit's self-assessment is awaited; a submitted one is frozen. */
  private List<String> stateProblems(Assessment assessment, String unitId) {
    if (assessment.status() != AssessmentStatus.SELF_ASSESSMENT) {
      return List.of("考核已进入" + assessment.status().label() + "阶段，不能再申报或撤回工作创新");
    }
    AssessedUnit unit = records.units(assessment.id()).stream().filter(found -> found.unitId().equals(unitId))
        .findFirst().orElse(null);
    if (unit == null) {
      return List.of("本单位不在本次考核范围内");
    }
    if (unit.selfStatus() != SelfAssessmentStatus.PENDING) {
      return List.of("本单位自评已提交（" + unit.selfStatus().label() + "），工作创新申报不能再修改");
    }
    return List.of();
  }

  private Assessment assessment(long id) {
    return records.find(id).orElseThrow(() -> new AssessmentProblemException("没有编号为 " + id + " 的考核"));
  }
}
