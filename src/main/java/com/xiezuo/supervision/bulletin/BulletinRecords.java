package com.xiezuo.supervision.bulletin;

import com.xiezuo.supervision.bulletin.BulletinFigures.IndicatorFigure;
import com.xiezuo.supervision.bulletin.BulletinFigures.UnitFigures;
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

/**
 * The supervision feature's bulletins ({@code xz_bulletin}) with their figures ({@code xz_bulletin_unit},
 * {@code xz_bulletin_indicator}), mentions ({@code xz_bulletin_mention}) and events ({@code xz_bulletin_event}).
 */
@Repository
public class BulletinRecords {

  /** A bulletin's parts as a printed 通报 has them. */
  public record Text(String title, String recipients, String body, String requirements, String issuer) {}

  public record Stored(long id, long roundId, long planId, BulletinStatus status, Text text, Integer issueNumber,
      Instant figuresAsOf, Instant draftedAt, String editedBy, Instant editedAt, LocalDate publishedOn) {}

  public record Mention(long id, long bulletinId, String unitId, MentionKind kind, String facts, String addedBy,
      Instant addedAt) {}

  public record Event(long id, long bulletinId, BulletinEventKind kind, String actor, String comment,
      Instant happenedAt) {}

  private final JdbcClient jdbc;

  public BulletinRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(long roundId, long planId, Text text, Instant at) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into xz_bulletin (round_id, plan_id, status, title, recipients, body, requirements, issuer,
          figures_as_of, drafted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(roundId, planId, BulletinStatus.DRAFT.name(), text.title(), text.recipients(), text.body(),
            text.requirements(), text.issuer(), Timestamp.from(at), Timestamp.from(at))
        .update(key, "id");
    return key.getKey().longValue();
  }

  public void saveText(long id, Text text, String user, Instant at) {
    jdbc.sql("""
        update xz_bulletin set title = ?, recipients = ?, body = ?, requirements = ?, issuer = ?, edited_by = ?,
          edited_at = ? where id = ?""")
        .params(text.title(), text.recipients(), text.body(), text.requirements(), text.issuer(), user,
            Timestamp.from(at), id).update();
  }

  public void setStatus(long id, BulletinStatus status) {
    jdbc.sql("update xz_bulletin set status = ? where id = ?").params(status.name(), id).update();
  }

  /** Publishes with the plan's next issue number (第 N 期). */
  public void publish(long id, long planId, LocalDate on) {
    int number = jdbc.sql("select coalesce(max(issue_number), 0) + 1 from xz_bulletin where plan_id = ?")
        .param(planId).query(Integer.class).single();
    jdbc.sql("update xz_bulletin set status = ?, issue_number = ?, published_on = ? where id = ?")
        .params(BulletinStatus.PUBLISHED.name(), number, Date.valueOf(on), id).update();
  }

  /** Replaces the bulletin's figures with a new count. */
  public void saveFigures(long id, BulletinFigures figures, Instant at) {
    jdbc.sql("delete from xz_bulletin_unit where bulletin_id = ?").param(id).update();
    jdbc.sql("delete from xz_bulletin_indicator where bulletin_id = ?").param(id).update();
    int position = 0;
    for (UnitFigures unit : figures.units()) {
      jdbc.sql("""
          insert into xz_bulletin_unit (bulletin_id, unit_id, unit_name, position, district, tasks, done, on_track,
            at_risk, overdue, indicators, indicators_met, rectifications_issued, rectifications_closed, red_cards,
            yellow_cards) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(id, unit.unitId(), unit.unitName(), position++, unit.district(), unit.tasks(), unit.done(),
              unit.onTrack(), unit.atRisk(), unit.overdue(), unit.indicators(), unit.indicatorsMet(),
              unit.rectificationsIssued(), unit.rectificationsClosed(), unit.redCards(), unit.yellowCards())
          .update();
    }
    position = 0;
    for (IndicatorFigure indicator : figures.indicators()) {
      jdbc.sql("""
          insert into xz_bulletin_indicator (bulletin_id, position, unit_id, task_number, label, measure, comparator,
            target, actual) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(id, position++, indicator.unitId(), indicator.taskNumber(), indicator.label(), indicator.measure(),
              indicator.comparator(), indicator.target(), indicator.actual())
          .update();
    }
    jdbc.sql("update xz_bulletin set figures_as_of = ? where id = ?").params(Timestamp.from(at), id).update();
  }

  public BulletinFigures figures(long id) {
    List<UnitFigures> units = jdbc.sql("select * from xz_bulletin_unit where bulletin_id = ? order by position")
        .param(id).query((rs, row) -> new UnitFigures(rs.getString("unit_id"), rs.getString("unit_name"),
            rs.getBoolean("district"), rs.getInt("tasks"), rs.getInt("done"), rs.getInt("on_track"),
            rs.getInt("at_risk"), rs.getInt("overdue"), rs.getInt("indicators"), rs.getInt("indicators_met"),
            rs.getInt("rectifications_issued"), rs.getInt("rectifications_closed"), rs.getInt("red_cards"),
            rs.getInt("yellow_cards"))).list();
    List<IndicatorFigure> indicators = jdbc.sql("""
        select i.*, u.unit_name from xz_bulletin_indicator i
        join xz_bulletin_unit u on u.bulletin_id = i.bulletin_id and u.unit_id = i.unit_id
        where i.bulletin_id = ? order by i.position""")
        .param(id).query((rs, row) -> new IndicatorFigure(rs.getString("unit_id"), rs.getString("unit_name"),
            rs.getString("task_number"), rs.getString("label"), rs.getString("measure"), rs.getString("comparator"),
            rs.getBigDecimal("target").stripTrailingZeros(), rs.getBigDecimal("actual").stripTrailingZeros()))
        .list();
    return new BulletinFigures(units, indicators);
  }

  public Optional<Stored> find(long id) {
    return jdbc.sql("select * from xz_bulletin where id = ?").param(id).query(BulletinRecords::stored).optional();
  }

  public Optional<Stored> ofRound(long roundId) {
    return jdbc.sql("select * from xz_bulletin where round_id = ?").param(roundId).query(BulletinRecords::stored)
        .optional();
  }

  public List<Stored> published(int limit) {
    return jdbc.sql("select * from xz_bulletin where status = ? order by published_on desc, id desc limit ?")
        .params(BulletinStatus.PUBLISHED.name(), limit).query(BulletinRecords::stored).list();
  }

  public List<Stored> latest(int limit) {
    return jdbc.sql("select * from xz_bulletin order by id desc limit ?").param(limit).query(BulletinRecords::stored)
        .list();
  }

  public long addMention(long bulletinId, String unitId, MentionKind kind, String facts, String user, Instant at) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into xz_bulletin_mention (bulletin_id, unit_id, kind, facts, added_by, added_at)
        values (?, ?, ?, ?, ?, ?)""").params(bulletinId, unitId, kind.name(), facts, user, Timestamp.from(at))
        .update(key, "id");
    return key.getKey().longValue();
  }

  public boolean removeMention(long bulletinId, long mentionId) {
    return jdbc.sql("delete from xz_bulletin_mention where bulletin_id = ? and id = ?").params(bulletinId, mentionId)
        .update() == 1;
  }

  public List<Mention> mentions(long bulletinId) {
    return jdbc.sql("select * from xz_bulletin_mention where bulletin_id = ? order by id").param(bulletinId)
        .query((rs, row) -> new Mention(rs.getLong("id"), rs.getLong("bulletin_id"), rs.getString("unit_id"),
            MentionKind.valueOf(rs.getString("kind")), rs.getString("facts"), rs.getString("added_by"),
            rs.getTimestamp("added_at").toInstant())).list();
  }

  /** Every mention of the plan's published bulletins: what the annual assessment counts. */
  public List<Mention> publishedMentionsOfPlan(long planId) {
    return jdbc.sql("""
        select m.* from xz_bulletin_mention m join xz_bulletin b on b.id = m.bulletin_id
        where b.plan_id = ? and b.status = ? order by m.id""").params(planId, BulletinStatus.PUBLISHED.name())
        .query((rs, row) -> new Mention(rs.getLong("id"), rs.getLong("bulletin_id"), rs.getString("unit_id"),
            MentionKind.valueOf(rs.getString("kind")), rs.getString("facts"), rs.getString("added_by"),
            rs.getTimestamp("added_at").toInstant())).list();
  }

  public void addEvent(long bulletinId, BulletinEventKind kind, String actor, String comment, Instant at) {
    jdbc.sql("insert into xz_bulletin_event (bulletin_id, kind, actor, comment, happened_at) values (?, ?, ?, ?, ?)")
        .params(bulletinId, kind.name(), actor, comment, Timestamp.from(at)).update();
  }

  public List<Event> events(long bulletinId) {
    return jdbc.sql("select * from xz_bulletin_event where bulletin_id = ? order by id").param(bulletinId)
        .query((rs, row) -> new Event(rs.getLong("id"), rs.getLong("bulletin_id"),
            BulletinEventKind.valueOf(rs.getString("kind")), rs.getString("actor"), rs.getString("comment"),
            rs.getTimestamp("happened_at").toInstant())).list();
  }

  private static Stored stored(ResultSet rs, int row) throws SQLException {
    Timestamp edited = rs.getTimestamp("edited_at");
    Date published = rs.getDate("published_on");
    int issue = rs.getInt("issue_number");
    Integer issueNumber = rs.wasNull() ? null : issue;
    return new Stored(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("plan_id"),
        BulletinStatus.valueOf(rs.getString("status")), new Text(rs.getString("title"), rs.getString("recipients"),
            rs.getString("body"), rs.getString("requirements"), rs.getString("issuer")),
        issueNumber, rs.getTimestamp("figures_as_of").toInstant(),
        rs.getTimestamp("drafted_at").toInstant(), rs.getString("edited_by"),
        edited == null ? null : edited.toInstant(), published == null ? null : published.toLocalDate());
  }
}
