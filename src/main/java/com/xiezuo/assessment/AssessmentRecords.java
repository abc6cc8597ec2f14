package com.xiezuo.assessment;

import com.xiezuo.assessment.ScoreSheet.Component;
import com.xiezuo.assessment.UnitFacts.Fact;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The assessment feature's records: assessments ({@code xz_assessment}), their units ({@code xz_assessment_unit}),
 * score sheets ({@code xz_assessment_component}, {@code xz_assessment_fact}, the tables' inputs) and what happened
 * ({@code xz_assessment_event}).
 */
@Repository
public class AssessmentRecords {

  public record Assessment(long id, long planId, int version, AssessmentStatus status, LocalDate asOf,
      LocalDate selfDue, Instant openedAt, Instant scoredAt, Instant publishedAt, String decisionsVersion,
      String parameters, String correctionReason, Long correctsId, String processInstanceId) {}

  public record AssessedUnit(String unitId, String unitName, boolean district, int position,
      SelfAssessmentStatus selfStatus, String selfReport, String innovationClaim, String submittedBy,
      Instant submittedAt, BigDecimal total, String grade, Integer rank) {}

  public record StoredComponent(String unitId, String decisionKey, String decisionName, List<String> rules,
      BigDecimal score) {}

  public record Event(AssessmentEventKind kind, String actor, String comment, Instant happenedAt) {}

  /** A unit's part in an assessment that is still collecting self-assessments. */
  public record SelfAssessing(long assessmentId, long planId, String unitId, String unitName,
      SelfAssessmentStatus selfStatus, LocalDate selfDue) {}

  private static final String RULES = "\n";

  private final JdbcClient jdbc;

  public AssessmentRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(long planId, LocalDate asOf, LocalDate selfDue, Instant at) {
    int version = jdbc.sql("select coalesce(max(version), 0) + 1 from xz_assessment where plan_id = ?").param(planId)
        .query(Integer.class).single();
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into xz_assessment (plan_id, version, status, as_of, self_due, opened_at) values (?, ?, ?, ?, ?, ?)""")
        .params(planId, version, AssessmentStatus.SELF_ASSESSMENT.name(), Date.valueOf(asOf), Date.valueOf(selfDue),
            Timestamp.from(at))
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** A new version of a published assessment, under review at once, with the reason it was opened. */
  public long insertCorrection(Assessment corrected, String reason, Instant at) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into xz_assessment (plan_id, version, status, as_of, self_due, opened_at, correction_reason, corrects_id)
        values (?, (select max(version) + 1 from xz_assessment where plan_id = ?), ?, ?, ?, ?, ?, ?)""")
        .params(corrected.planId(), corrected.planId(), AssessmentStatus.REVIEW.name(), Date.valueOf(corrected.asOf()),
            Date.valueOf(corrected.selfDue()), Timestamp.from(at), reason, corrected.id())
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** The correction keeps the units and their self-assessments as they were submitted. */
  public void copyUnits(long fromId, long toId) {
    jdbc.sql("""
        insert into xz_assessment_unit (assessment_id, unit_id, unit_name, district, position, self_status, self_report,
          innovation_claim, self_submitted_by, self_submitted_at)
        select ?, unit_id, unit_name, district, position, self_status, self_report, innovation_claim, self_submitted_by,
          self_submitted_at from xz_assessment_unit where assessment_id = ?""").params(toId, fromId).update();
  }

  public void attachProcess(long id, String processInstanceId) {
    jdbc.sql("update xz_assessment set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
  }

  public void insertUnit(long id, String unitId, String unitName, boolean district, int position) {
    jdbc.sql("""
        insert into xz_assessment_unit (assessment_id, unit_id, unit_name, district, position, self_status)
        values (?, ?, ?, ?, ?, ?)""").params(id, unitId, unitName, district, position,
        SelfAssessmentStatus.PENDING.name()).update();
  }

  public void submitSelf(long id, String unitId, SelfAssessmentStatus status, String report, String claim,
      String user, Instant at) {
    jdbc.sql("""
        update xz_assessment_unit set self_status = ?, self_report = ?, innovation_claim = ?, self_submitted_by = ?,
          self_submitted_at = ? where assessment_id = ? and unit_id = ?""")
        .params(status.name(), report, claim, user, Timestamp.from(at), id, unitId).update();
  }

  /** Units that did not submit by the time the self-assessment closed. */
  public void markMissing(long id) {
    jdbc.sql("update xz_assessment_unit set self_status = ? where assessment_id = ? and self_status = ?")
        .params(SelfAssessmentStatus.MISSING.name(), id, SelfAssessmentStatus.PENDING.name()).update();
  }

  public void setStatus(long id, AssessmentStatus status) {
    jdbc.sql("update xz_assessment set status = ? where id = ?").params(status.name(), id).update();
  }

  public void scored(long id, String decisionsVersion, String parameters, Instant at) {
    jdbc.sql("update xz_assessment set decisions_version = ?, parameters = ?, scored_at = ? where id = ?")
        .params(decisionsVersion, parameters, Timestamp.from(at), id).update();
  }

  public void published(long id, Instant at) {
    jdbc.sql("update xz_assessment set status = ?, published_at = ? where id = ?")
        .params(AssessmentStatus.PUBLISHED.name(), Timestamp.from(at), id).update();
  }

  /** Replaces a unit's sheet as counted from the records: its facts, the tables' inputs, components, total, grade. */
  public void saveSheet(long id, String unitId, List<Component> components, List<Fact> facts,
      Map<String, Object> counted, BigDecimal total, String grade) {
    jdbc.sql("delete from xz_assessment_fact where assessment_id = ? and unit_id = ?").params(id, unitId).update();
    int position = 0;
    for (Fact fact : facts) {
      jdbc.sql("""
          insert into xz_assessment_fact (assessment_id, unit_id, position, component, kind, record_id, fact_text)
          values (?, ?, ?, ?, ?, ?, ?)""")
          .params(id, unitId, position++, fact.component(), fact.kind(), fact.recordId(),
              fact.text().length() > 1000 ? fact.text().substring(0, 999) + "…" : fact.text()).update();
    }
    jdbc.sql("update xz_assessment_unit set inputs = ? where assessment_id = ? and unit_id = ?")
        .params(encode(counted), id, unitId).update();
    saveScore(id, unitId, components, total, grade);
  }

  /** Replaces a unit's components, total and grade (scored again from the same inputs). */
  public void saveScore(long id, String unitId, List<Component> components, BigDecimal total, String grade) {
    jdbc.sql("delete from xz_assessment_component where assessment_id = ? and unit_id = ?").params(id, unitId).update();
    int position = 0;
    for (Component component : components) {
      jdbc.sql("""
          insert into xz_assessment_component (assessment_id, unit_id, position, decision_key, decision_name, rules,
            score) values (?, ?, ?, ?, ?, ?, ?)""")
          .params(id, unitId, position++, component.decisionKey(), component.decisionName(),
              String.join(RULES, component.rules()), component.value()).update();
    }
    jdbc.sql("update xz_assessment_unit set total = ?, grade = ? where assessment_id = ? and unit_id = ?")
        .params(total, grade, id, unitId).update();
  }

  /** The tables' inputs of every unit as counted when the version was scored from the records. */
  public Map<String, Map<String, Object>> counted(long id) {
    Map<String, Map<String, Object>> counted = new LinkedHashMap<>();
    jdbc.sql("select unit_id, inputs from xz_assessment_unit where assessment_id = ? and inputs is not null "
        + "order by position").param(id).query(rs -> {
          counted.put(rs.getString("unit_id"), decode(rs.getString("inputs")));
        });
    return counted;
  }

  public void setRank(long id, String unitId, int rank) {
    jdbc.sql("update xz_assessment_unit set class_rank = ? where assessment_id = ? and unit_id = ?")
        .params(rank, id, unitId).update();
  }

  public Optional<Assessment> find(long id) {
    return jdbc.sql("select * from xz_assessment where id = ?").param(id).query(AssessmentRecords::assessment)
        .optional();
  }

  public List<Assessment> ofPlan(long planId) {
    return jdbc.sql("select * from xz_assessment where plan_id = ? order by version desc").param(planId)
        .query(AssessmentRecords::assessment).list();
  }

  public List<Assessment> latest(int limit) {
    return jdbc.sql("select * from xz_assessment order by id desc limit ?").param(limit)
        .query(AssessmentRecords::assessment).list();
  }

  public List<SelfAssessing> selfAssessing(Collection<String> unitIds) {
    if (unitIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
        select a.id, a.plan_id, a.self_due, u.unit_id, u.unit_name, u.self_status from xz_assessment a
        join xz_assessment_unit u on u.assessment_id = a.id
        where a.status = :status and u.unit_id in (:units) order by a.id desc, u.position""")
        .param("status", AssessmentStatus.SELF_ASSESSMENT.name()).param("units", unitIds)
        .query((rs, row) -> new SelfAssessing(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("unit_id"),
            rs.getString("unit_name"), SelfAssessmentStatus.valueOf(rs.getString("self_status")),
            rs.getDate("self_due").toLocalDate())).list();
  }

  public List<AssessedUnit> units(long id) {
    return jdbc.sql("select * from xz_assessment_unit where assessment_id = ? order by position").param(id)
        .query((rs, row) -> {
          Timestamp submitted = rs.getTimestamp("self_submitted_at");
          int rank = rs.getInt("class_rank");
          Integer classRank = rs.wasNull() ? null : rank;
          return new AssessedUnit(rs.getString("unit_id"), rs.getString("unit_name"), rs.getBoolean("district"),
              rs.getInt("position"), SelfAssessmentStatus.valueOf(rs.getString("self_status")),
              rs.getString("self_report"), rs.getString("innovation_claim"), rs.getString("self_submitted_by"),
              submitted == null ? null : submitted.toInstant(), rs.getBigDecimal("total"), rs.getString("grade"),
              classRank);
        }).list();
  }

  public List<StoredComponent> components(long id, String unitId) {
    return jdbc.sql("""
        select * from xz_assessment_component where assessment_id = ? and unit_id = ? order by position""")
        .params(id, unitId).query((rs, row) -> new StoredComponent(rs.getString("unit_id"),
            rs.getString("decision_key"), rs.getString("decision_name"), rules(rs.getString("rules")),
            rs.getBigDecimal("score"))).list();
  }

  public List<Fact> facts(long id, String unitId) {
    return jdbc.sql("select * from xz_assessment_fact where assessment_id = ? and unit_id = ? order by position")
        .params(id, unitId).query((rs, row) -> new Fact(rs.getString("component"), rs.getString("kind"),
            rs.getLong("record_id"), rs.getString("fact_text"))).list();
  }

  public void addEvent(long id, AssessmentEventKind kind, String actor, String comment, Instant at) {
    jdbc.sql("""
        insert into xz_assessment_event (assessment_id, kind, actor, comment, happened_at) values (?, ?, ?, ?, ?)""")
        .params(id, kind.name(), actor, comment, Timestamp.from(at)).update();
  }

  public List<Event> events(long id) {
    return jdbc.sql("select * from xz_assessment_event where assessment_id = ? order by id").param(id)
        .query((rs, row) -> new Event(AssessmentEventKind.valueOf(rs.getString("kind")), rs.getString("actor"),
            rs.getString("comment"), rs.getTimestamp("happened_at").toInstant())).list();
  }

  /** The inputs as "name=value" pairs; a value is a number or null (a table's "no such thing"). */
  private static String encode(Map<String, Object> counted) {
    return new TreeMap<>(counted).entrySet().stream()
        .map(entry -> entry.getKey() + "=" + (entry.getValue() == null ? "null" : entry.getValue()))
        .collect(Collectors.joining(";"));
  }

  private static Map<String, Object> decode(String encoded) {
    Map<String, Object> counted = new HashMap<>();
    for (String pair : encoded.split(";")) {
      String value = pair.substring(pair.indexOf('=') + 1);
      counted.put(pair.substring(0, pair.indexOf('=')), value.equals("null") ? null : Double.valueOf(value));
    }
    return counted;
  }

  private static List<String> rules(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(RULES));
  }

  private static Assessment assessment(ResultSet rs, int row) throws SQLException {
    Timestamp scored = rs.getTimestamp("scored_at");
    Timestamp published = rs.getTimestamp("published_at");
    return new Assessment(rs.getLong("id"), rs.getLong("plan_id"), rs.getInt("version"),
        AssessmentStatus.valueOf(rs.getString("status")), rs.getDate("as_of").toLocalDate(),
        rs.getDate("self_due").toLocalDate(), rs.getTimestamp("opened_at").toInstant(),
        scored == null ? null : scored.toInstant(), published == null ? null : published.toInstant(),
        rs.getString("decisions_version"), rs.getString("parameters"), rs.getString("correction_reason"),
        rs.getObject("corrects_id", Long.class), rs.getString("process_instance_id"));
  }
}
