package com.xiezuo.supervision;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The supervision feature's rounds and findings ({@code xz_supervision_round}, {@code xz_supervision_finding}). */
@Repository
public class SupervisionRoundRecords {

  public static final String OPEN = "OPEN";
  public static final String CLOSED = "CLOSED";

  public record Round(long id, long planId, int number, RoundKind kind, List<String> scopeUnits, LocalDate asOf,
      String status, boolean late, String openedBy, Instant openedAt, Instant closedAt, String conclusion,
      String processInstanceId) {

    public boolean isOpen() {
      return OPEN.equals(status);
    }

    public String statusLabel() {
      return isOpen() ? (late ? "未按期完成" : "进行中") : "已完成";
    }
  }

  public record StoredFinding(long id, long roundId, Finding finding, String addedBy, Instant createdAt,
      String dismissedBy, Instant dismissedAt, String dismissedReason) {

    public boolean isDismissed() {
      return dismissedAt != null;
    }
  }

  /** One card row: a round's decision for a unit task, or a red card raised or cleared by hand. */
  public record Card(long id, long roundId, long assignmentId, String unitId, CardColor color, boolean manual,
      boolean cleared, String reason, String setBy, Instant setAt) {

    /** A red card a supervisor raised by hand (not the clearing of one). */
    public boolean raisedByHand() {
      return manual && !cleared;
    }

    /** The reason as readers see it: a red card raised by hand keeps the supervisor's words, said to be theirs. */
    public String describe() {
      return raisedByHand() ? CardRule.MANUAL_RED + reason : reason;
    }
  }

  private final JdbcClient jdbc;

  public SupervisionRoundRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public int nextNumber(long planId) {
    return jdbc.sql("select coalesce(max(round_number), 0) + 1 from xz_supervision_round where plan_id = ?")
        .param(planId).query(Integer.class).single();
  }

  /** Flags the plan's rounds still open as late; returns how many. */
  public int flagOpenAsLate(long planId) {
    return jdbc.sql("update xz_supervision_round set late = true where plan_id = ? and status = ? and late = false")
        .params(planId, OPEN).update();
  }

  public long insertRound(long planId, int number, RoundKind kind, List<String> scopeUnits, LocalDate asOf,
      String user, Instant at) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into xz_supervision_round (plan_id, round_number, kind, scope_units, as_of, status, opened_by, opened_at)
        values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(planId, number, kind.name(), scopeUnits.isEmpty() ? null : String.join(",", scopeUnits),
            Date.valueOf(asOf), OPEN, user, Timestamp.from(at))
        .update(key, "id");
    return key.getKey().longValue();
  }

  public void attachProcess(long roundId, String processInstanceId) {
    jdbc.sql("update xz_supervision_round set process_instance_id = ? where id = ?").params(processInstanceId, roundId)
        .update();
  }

  public void close(long roundId, String conclusion, Instant at) {
    jdbc.sql("update xz_supervision_round set status = ?, conclusion = ?, closed_at = ? where id = ?")
        .params(CLOSED, conclusion, Timestamp.from(at), roundId).update();
  }

  public Optional<Round> round(long roundId) {
    return jdbc.sql("select * from xz_supervision_round where id = ?").param(roundId)
        .query(SupervisionRoundRecords::round).optional();
  }

  public List<Round> roundsOf(long planId) {
    return jdbc.sql("select * from xz_supervision_round where plan_id = ? order by round_number desc").param(planId)
        .query(SupervisionRoundRecords::round).list();
  }

  public long insertFinding(long roundId, Finding finding, String addedBy, Instant at) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into xz_supervision_finding (round_id, assignment_id, unit_id, task_number, reason, detail,
          expected_value, actual_value, reference_date, added_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(roundId, finding.assignmentId(), finding.unitId(), finding.taskNumber(), finding.reason().name(),
            finding.detail(), finding.expected(), finding.actual(),
            finding.referenceDate() == null ? null : Date.valueOf(finding.referenceDate()), addedBy, Timestamp.from(at))
        .update(key, "id");
    return key.getKey().longValue();
  }

  public List<StoredFinding> findings(long roundId) {
    return jdbc.sql("select * from xz_supervision_finding where round_id = ? order by id").param(roundId)
        .query(SupervisionRoundRecords::finding).list();
  }

  public Optional<StoredFinding> finding(long findingId) {
    return jdbc.sql("select * from xz_supervision_finding where id = ?").param(findingId)
        .query(SupervisionRoundRecords::finding).optional();
  }

  public boolean dismiss(long findingId, String reason, String user, Instant at) {
    return jdbc.sql("""
        update xz_supervision_finding set dismissed_by = ?, dismissed_at = ?, dismissed_reason = ?
        where id = ? and dismissed_at is null""").params(user, Timestamp.from(at), reason, findingId).update() == 1;
  }

  public void insertCard(long roundId, long assignmentId, String unitId, CardColor color, boolean manual,
      boolean cleared, String reason, String user, Instant at) {
    jdbc.sql("""
        insert into xz_supervision_card (round_id, assignment_id, unit_id, color, manual, cleared, reason, set_by, set_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(roundId, assignmentId, unitId, color.name(), manual, cleared, reason, user, Timestamp.from(at)).update();
  }

  /** Every card row of a plan's rounds, oldest first. */
  public List<Card> cardsOfPlan(long planId) {
    return jdbc.sql("""
        select c.* from xz_supervision_card c join xz_supervision_round r on r.id = c.round_id
        where r.plan_id = ? order by c.id""").param(planId).query(SupervisionRoundRecords::card).list();
  }

  public List<Card> cardsOfRound(long roundId) {
    return jdbc.sql("select * from xz_supervision_card where round_id = ? order by id").param(roundId)
        .query(SupervisionRoundRecords::card).list();
  }

  private static Card card(ResultSet rs, int row) throws SQLException {
    return new Card(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("assignment_id"), rs.getString("unit_id"),
        CardColor.valueOf(rs.getString("color")), rs.getBoolean("manual"), rs.getBoolean("cleared"), rs.getString("reason"),
        rs.getString("set_by"), rs.getTimestamp("set_at").toInstant());
  }

  private static Round round(ResultSet rs, int row) throws SQLException {
    String scope = rs.getString("scope_units");
    Timestamp closed = rs.getTimestamp("closed_at");
    return new Round(rs.getLong("id"), rs.getLong("plan_id"), rs.getInt("round_number"),
        RoundKind.valueOf(rs.getString("kind")), scope == null ? List.of() : Arrays.asList(scope.split(",")),
        rs.getDate("as_of").toLocalDate(), rs.getString("status"), rs.getBoolean("late"), rs.getString("opened_by"),
        rs.getTimestamp("opened_at").toInstant(), closed == null ? null : closed.toInstant(), rs.getString("conclusion"),
        rs.getString("process_instance_id"));
  }

  private static StoredFinding finding(ResultSet rs, int row) throws SQLException {
    BigDecimal expected = rs.getBigDecimal("expected_value");
    BigDecimal actual = rs.getBigDecimal("actual_value");
    Date reference = rs.getDate("reference_date");
    Timestamp dismissed = rs.getTimestamp("dismissed_at");
    Finding finding = new Finding(rs.getLong("assignment_id"), rs.getString("unit_id"), rs.getString("task_number"),
        FindingReason.valueOf(rs.getString("reason")), rs.getString("detail"),
        expected == null ? null : expected.stripTrailingZeros(), actual == null ? null : actual.stripTrailingZeros(),
        reference == null ? null : reference.toLocalDate());
    return new StoredFinding(rs.getLong("id"), rs.getLong("round_id"), finding, rs.getString("added_by"),
        rs.getTimestamp("created_at").toInstant(), rs.getString("dismissed_by"),
        dismissed == null ? null : dismissed.toInstant(), rs.getString("dismissed_reason"));
  }
}
