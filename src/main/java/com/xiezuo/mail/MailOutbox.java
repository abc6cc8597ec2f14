package com.xiezuo.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox. Each step commits on its own (REQUIRES_NEW), outside the process transaction that triggered it: a
 * mail recorded as sent stays sent even if that transaction rolls back and its job is retried.
 */
@Repository
public class MailOutbox {

  /** A claim older than this is considered abandoned (its node died) and may be taken over. */
  static final Duration STALE_CLAIM = Duration.ofMinutes(10);

  private final JdbcClient jdbc;
  private final ObjectProvider<MailOutbox> self;

  public MailOutbox(JdbcClient jdbc, ObjectProvider<MailOutbox> self) {
    this.jdbc = jdbc;
    this.self = self;
  }

  /** Records the mail unless a mail with the same key exists; returns its current status. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public MailStatus recordIfAbsent(MailMessage message) {
    Optional<MailStatus> existing = status(message.dedupKey());
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      jdbc.sql("""
          insert into xz_mail (dedup_key, kind, recipients, subject, body, business_key, status, created_by, created_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(message.dedupKey(), message.kind().name(), String.join(",", message.recipients()), message.subject(),
              message.body(), message.businessKey(), MailStatus.PENDING.name(), message.createdBy(), now())
          .update();
      return MailStatus.PENDING;
    } catch (DuplicateKeyException raced) {
      // PostgreSQL has aborted this transaction: the winner's row is read in a fresh one
      return self.getObject().statusInNewTransaction(message.dedupKey());
    }
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public MailStatus statusInNewTransaction(String dedupKey) {
    return status(dedupKey).orElseThrow();
  }

  /** Pending mails of a kind whose last attempt is older than the back-off for its number of attempts. */
  public List<MailRecord> dueForRetry(MailKind kind, Function<Integer, Duration> backOff, int limit) {
    Instant now = now().toInstant();
    List<MailRecord> due = new ArrayList<>();
    jdbc.sql("select m.*, coalesce(m.claimed_at, m.created_at) as last_attempt from xz_mail m"
            + " where m.kind = ? and m.status = 'PENDING' order by m.id limit " + Math.max(1, limit))
        .param(kind.name()).query(rs -> {
          MailRecord mail = map(rs, 0);
          if (!rs.getTimestamp("last_attempt").toInstant().plus(backOff.apply(mail.attempts())).isAfter(now)) {
            due.add(mail);
          }
        });
    return due;
  }

  /** Takes the mail for sending on this node; false if it is sent or another node is sending it now. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public boolean claim(String dedupKey, String node) {
    Timestamp now = now();
    Timestamp stale = Timestamp.from(now.toInstant().minus(STALE_CLAIM));
    return jdbc.sql("""
        update xz_mail set status = 'SENDING', claimed_by = ?, claimed_at = ?, attempts = attempts + 1
        where dedup_key = ? and (status = 'PENDING' or (status = 'SENDING' and claimed_at < ?))""")
        .params(node, now, dedupKey, stale).update() == 1;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void sent(String dedupKey) {
    jdbc.sql("update xz_mail set status = 'SENT', sent_at = ?, last_error = null where dedup_key = ?")
        .params(now(), dedupKey).update();
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void failed(String dedupKey, String error) {
    jdbc.sql("update xz_mail set status = 'PENDING', last_error = ? where dedup_key = ?")
        .params(error.length() > 2000 ? error.substring(0, 2000) : error, dedupKey).update();
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recorded(String dedupKey) {
    markPending(dedupKey, MailStatus.RECORDED);
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void simulated(String dedupKey) {
    markPending(dedupKey, MailStatus.SIMULATED);
  }

  private void markPending(String dedupKey, MailStatus status) {
    jdbc.sql("update xz_mail set status = ? where dedup_key = ? and status = 'PENDING'").params(status.name(), dedupKey)
        .update();
  }

  public Optional<MailStatus> status(String dedupKey) {
    return jdbc.sql("select status from xz_mail where dedup_key = ?").param(dedupKey).query(String.class).optional()
        .map(MailStatus::valueOf);
  }

  /** Sent, or recorded without SMTP or in the demo's replay: nothing more to do. A pending mail still has to go out. */
  public boolean isDone(String dedupKey) {
    return status(dedupKey).map(MailStatus::isDone).orElse(false);
  }

  public List<MailRecord> latest(int limit, String businessKeyPrefix) {
    String filter = businessKeyPrefix == null ? "" : " where business_key like ?";
    var query = jdbc.sql("select * from xz_mail" + filter + " order by id desc limit " + Math.max(1, Math.min(limit, 1000)));
    if (businessKeyPrefix != null) {
      query = query.param(businessKeyPrefix + "%");
    }
    return query.query(MailOutbox::map).list();
  }

  public Optional<MailRecord> find(long id) {
    return jdbc.sql("select * from xz_mail where id = ?").param(id).query(MailOutbox::map).optional();
  }

  private static Timestamp now() {
    return Timestamp.from(ClockUtil.getCurrentTime().toInstant());
  }

  private static MailRecord map(ResultSet rs, int row) throws SQLException {
    Timestamp sent = rs.getTimestamp("sent_at");
    return new MailRecord(rs.getLong("id"), rs.getString("dedup_key"), MailKind.valueOf(rs.getString("kind")),
        rs.getString("recipients"), rs.getString("subject"), rs.getString("body"), rs.getString("business_key"),
        MailStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant());
  }

}
