package com.xiezuo.assessment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Assessors' points for units ({@code xz_assessment_adjustment}): adjustments and innovation awards. */
@Repository
public class AdjustmentRecords {

  /**
   * An assessor's points; an innovation award names the unit's claim it rewards. A correction's carried-over points
   * say from which version; withdrawn ones stay on record and count no more.
   */
  public record Adjustment(long id, String unitId, AdjustmentKind kind, BigDecimal points, String reason,
      Long claimId, String madeBy, Instant madeAt, Integer carriedFrom, String withdrawnBy, Instant withdrawnAt,
      String withdrawnReason) {

    public boolean standing() {
      return withdrawnAt == null;
    }
  }

  private final JdbcClient jdbc;

  public AdjustmentRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long addAdjustment(long id, String unitId, AdjustmentKind kind, BigDecimal points, String reason,
      Long claimId, String user, Instant at, Integer carriedFrom) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into xz_assessment_adjustment (assessment_id, unit_id, kind, points, reason, claim_id, made_by, made_at,
          carried_from) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, unitId, kind.name(), points, reason, claimId, user, Timestamp.from(at), carriedFrom)
        .update(key, "id");
    return key.getKey().longValue();
  }

  public List<Adjustment> adjustments(long id) {
    return jdbc.sql("select * from xz_assessment_adjustment where assessment_id = ? order by id").param(id)
        .query((rs, row) -> new Adjustment(rs.getLong("id"), rs.getString("unit_id"),
            AdjustmentKind.valueOf(rs.getString("kind")), plain(rs.getBigDecimal("points")), rs.getString("reason"),
            rs.getObject("claim_id", Long.class), rs.getString("made_by"), rs.getTimestamp("made_at").toInstant(),
            rs.getObject("carried_from", Integer.class), rs.getString("withdrawn_by"),
            instant(rs.getTimestamp("withdrawn_at")), rs.getString("withdrawn_reason"))).list();
  }

  public void withdrawAdjustment(long adjustmentId, String user, String reason, Instant at) {
    jdbc.sql("""
        update xz_assessment_adjustment set withdrawn_by = ?, withdrawn_at = ?, withdrawn_reason = ?
        where id = ? and withdrawn_at is null""").params(user, Timestamp.from(at), reason, adjustmentId).update();
  }

  /** The correction starts from the assessors' standing points of the corrected version, claims renumbered. */
  public void copyAdjustments(long fromId, long toId, int fromVersion, Map<Long, Long> claimIds) {
    for (Adjustment made : adjustments(fromId)) {
      if (made.standing()) {
        addAdjustment(toId, made.unitId(), made.kind(), made.points(), made.reason(),
            made.claimId() == null ? null : claimIds.get(made.claimId()), made.madeBy(), made.madeAt(),
            made.carriedFrom() == null ? fromVersion : made.carriedFrom());
      }
    }
  }

  /** 3 rather than 3.00 or 3E+0: points as people write them. */
  private static BigDecimal plain(BigDecimal points) {
    BigDecimal stripped = points.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static Instant instant(Timestamp at) {
    return at == null ? null : at.toInstant();
  }
}
