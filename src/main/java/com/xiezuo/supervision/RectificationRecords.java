package com.xiezuo.supervision;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Rectification notices, their findings, events and evidence links ({@code xz_rectification*}). */
@Repository
public class RectificationRecords {

  public record Rectification(long id, long roundId, long planId, long assignmentId, String unitId, String problem,
      String requirement, LocalDate dueDate, RectificationStatus status, boolean overdue, String issuedBy,
      Instant issuedAt, Instant closedAt, String processInstanceId) {

    public boolean isOpen() {
      return status != RectificationStatus.CLOSED;
    }

    public String statusLabel() {
      return status.label() + (overdue && isOpen() ? "（已逾期）" : "");
    }
  }

  public record Event(long id, RectificationEventKind kind, String detail, LocalDate newDueDate, String actor,
      Instant at) {}

  private final JdbcClient jdbc;

  public RectificationRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(long roundId, long planId, long assignmentId, String unitId, String problem, String requirement,
      LocalDate due, String user, Instant at) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into xz_rectification (round_id, plan_id, assignment_id, unit_id, problem, requirement, due_date, status,
          issued_by, issued_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(roundId, planId, assignmentId, unitId, problem, requirement, Date.valueOf(due),
            RectificationStatus.ISSUED.name(), user, Timestamp.from(at))
        .update(key, "id");
    return key.getKey().longValue();
  }

  public void linkFinding(long rectificationId, long findingId) {
    jdbc.sql("insert into xz_rectification_finding (rectification_id, finding_id) values (?, ?)")
        .params(rectificationId, findingId).update();
  }

  public List<Long> findingIds(long rectificationId) {
    return jdbc.sql("select finding_id from xz_rectification_finding where rectification_id = ? order by finding_id")
        .param(rectificationId).query(Long.class).list();
  }

  public void attachProcess(long id, String processInstanceId) {
    jdbc.sql("update xz_rectification set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
  }

  public void setStatus(long id, RectificationStatus status, Instant closedAt) {
    jdbc.sql("update xz_rectification set status = ?, closed_at = ? where id = ?")
        .params(status.name(), closedAt == null ? null : Timestamp.from(closedAt), id).update();
  }

  public void moveDue(long id, LocalDate due) {
    jdbc.sql("update xz_rectification set due_date = ?, overdue = false where id = ?").params(Date.valueOf(due), id)
        .update();
  }

  /** Marks it overdue; false when it already was (the escalation happens once per due date). */
  public boolean markOverdue(long id) {
    return jdbc.sql("update xz_rectification set overdue = true where id = ? and overdue = false").param(id).update() == 1;
  }

  public void addEvent(long id, RectificationEventKind kind, String detail, LocalDate newDue, String actor,
      Instant at) {
    jdbc.sql("""
        insert into xz_rectification_event (rectification_id, kind, detail, new_due_date, actor, happened_at)
        values (?, ?, ?, ?, ?, ?)""")
        .params(id, kind.name(), detail, newDue == null ? null : Date.valueOf(newDue), actor, Timestamp.from(at))
        .update();
  }

  public List<Event> events(long id) {
    return jdbc.sql("select * from xz_rectification_event where rectification_id = ? order by id").param(id)
        .query((rs, n) -> new Event(rs.getLong("id"), RectificationEventKind.valueOf(rs.getString("kind")),
            rs.getString("detail"), rs.getDate("new_due_date") == null ? null : rs.getDate("new_due_date").toLocalDate(),
            rs.getString("actor"), rs.getTimestamp("happened_at").toInstant()))
        .list();
  }

  public void linkEvidence(long id, long evidenceId) {
    jdbc.sql("insert into xz_rectification_evidence (rectification_id, evidence_id) values (?, ?)")
        .params(id, evidenceId).update();
  }

  public List<Long> evidenceIds(long id) {
    return jdbc.sql("select evidence_id from xz_rectification_evidence where rectification_id = ? order by evidence_id")
        .param(id).query(Long.class).list();
  }

  public Optional<Rectification> find(long id) {
    return jdbc.sql("select * from xz_rectification where id = ?").param(id).query(RectificationRecords::map)
        .optional();
  }

  public List<Rectification> ofPlan(long planId) {
    return jdbc.sql("select * from xz_rectification where plan_id = ? order by id").param(planId)
        .query(RectificationRecords::map).list();
  }

  public List<Rectification> ofRound(long roundId) {
    return jdbc.sql("select * from xz_rectification where round_id = ? order by id").param(roundId)
        .query(RectificationRecords::map).list();
  }

  public List<Rectification> ofUnits(List<String> unitIds) {
    if (unitIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from xz_rectification where unit_id in (:units) order by id desc")
        .param("units", unitIds).query(RectificationRecords::map).list();
  }

  public List<Rectification> latest(int limit) {
    return jdbc.sql("select * from xz_rectification order by id desc fetch first ? rows only").param(limit)
        .query(RectificationRecords::map).list();
  }

  private static Rectification map(ResultSet rs, int row) throws SQLException {
    Timestamp closed = rs.getTimestamp("closed_at");
    return new Rectification(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("plan_id"), rs.getLong("assignment_id"),
        rs.getString("unit_id"), rs.getString("problem"), rs.getString("requirement"),
        rs.getDate("due_date").toLocalDate(), RectificationStatus.valueOf(rs.getString("status")),
        rs.getBoolean("overdue"), rs.getString("issued_by"), rs.getTimestamp("issued_at").toInstant(),
        closed == null ? null : closed.toInstant(), rs.getString("process_instance_id"));
  }
}
