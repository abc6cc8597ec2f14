package com.xiezuo.execution;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What units record on a task: reports, ledger entries, milestones done, leadership instructions, followers. */
@Repository
public class UnitTaskData {

  public static final String PROGRESS = "PROGRESS";
  public static final String COMPLETION = "COMPLETION";

  public record Report(long id, String kind, LocalDate periodEnd, String text, String submittedBy, Instant submittedAt) {}

  public record LedgerEntry(long id, long indicatorId, LocalDate date, BigDecimal amount, String note, String createdBy) {}

  public record Instruction(long id, String text, String givenBy, Instant givenAt) {}

  private final JdbcClient jdbc;

  public UnitTaskData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void addReport(long assignmentId, String kind, LocalDate periodEnd, String text, String user) {
    jdbc.sql("""
        insert into xz_progress_report (assignment_id, kind, period_end, report_text, submitted_by, submitted_at)
        values (?, ?, ?, ?, ?, ?)""")
        .params(assignmentId, kind, periodEnd == null ? null : Date.valueOf(periodEnd), text, user, now()).update();
  }

  public List<Report> reports(long assignmentId) {
    return jdbc.sql("select * from xz_progress_report where assignment_id = ? order by id").param(assignmentId)
        .query((rs, n) -> new Report(rs.getLong("id"), rs.getString("kind"),
            rs.getDate("period_end") == null ? null : rs.getDate("period_end").toLocalDate(), rs.getString("report_text"),
            rs.getString("submitted_by"), rs.getTimestamp("submitted_at").toInstant()))
        .list();
  }

  public boolean hasProgressReport(long assignmentId, LocalDate periodEnd) {
    return jdbc.sql("select count(*) from xz_progress_report where assignment_id = ? and kind = 'PROGRESS' and period_end = ?")
        .params(assignmentId, Date.valueOf(periodEnd)).query(Long.class).single() > 0;
  }

  public boolean hasCompletionReport(long assignmentId) {
    return jdbc.sql("select count(*) from xz_progress_report where assignment_id = ? and kind = 'COMPLETION'")
        .param(assignmentId).query(Long.class).single() > 0;
  }

  public void addLedgerEntry(long assignmentId, long indicatorId, LocalDate date, BigDecimal amount, String note,
      String user) {
    jdbc.sql("""
        insert into xz_ledger_entry (assignment_id, indicator_id, entry_date, amount, note, created_by, created_at)
        values (?, ?, ?, ?, ?, ?, ?)""")
        .params(assignmentId, indicatorId, Date.valueOf(date), amount, note, user, now()).update();
  }

  /** A correction of one ledger entry: the values before and after, why, who and when. */
  public record LedgerCorrection(long entryId, long indicatorId, LocalDate oldDate, BigDecimal oldAmount, String oldNote,
      LocalDate newDate, BigDecimal newAmount, String newNote, String reason, String correctedBy, Instant correctedAt) {}

  public Optional<LedgerEntry> ledgerEntry(long entryId) {
    return jdbc.sql("select * from xz_ledger_entry where id = ?").param(entryId).query((rs, n) -> entry(rs)).optional();
  }

  public Optional<Long> ledgerEntryAssignment(long entryId) {
    return jdbc.sql("select assignment_id from xz_ledger_entry where id = ?").param(entryId).query(Long.class).optional();
  }

  /** Changes the entry and keeps what it said before, in one transaction (the caller's). */
  public void correctLedgerEntry(LedgerEntry before, LocalDate date, BigDecimal amount, String note, String reason,
      String user) {
    jdbc.sql("update xz_ledger_entry set entry_date = ?, amount = ?, note = ? where id = ?")
        .params(Date.valueOf(date), amount, note, before.id()).update();
    jdbc.sql("""
        insert into xz_ledger_correction (entry_id, old_date, old_amount, old_note, new_date, new_amount, new_note, reason,
          corrected_by, corrected_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(before.id(), Date.valueOf(before.date()), before.amount(), before.note(), Date.valueOf(date), amount, note,
            reason, user, now()).update();
  }

  public List<LedgerCorrection> ledgerCorrections(long assignmentId) {
    return jdbc.sql("""
        select c.*, e.indicator_id from xz_ledger_correction c join xz_ledger_entry e on e.id = c.entry_id
        where e.assignment_id = ? order by c.id""").param(assignmentId)
        .query((rs, n) -> new LedgerCorrection(rs.getLong("entry_id"), rs.getLong("indicator_id"),
            rs.getDate("old_date").toLocalDate(), rs.getBigDecimal("old_amount").stripTrailingZeros(), rs.getString("old_note"),
            rs.getDate("new_date").toLocalDate(), rs.getBigDecimal("new_amount").stripTrailingZeros(), rs.getString("new_note"),
            rs.getString("reason"), rs.getString("corrected_by"), rs.getTimestamp("corrected_at").toInstant()))
        .list();
  }

  private static LedgerEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new LedgerEntry(rs.getLong("id"), rs.getLong("indicator_id"), rs.getDate("entry_date").toLocalDate(),
        rs.getBigDecimal("amount").stripTrailingZeros(), rs.getString("note"), rs.getString("created_by"));
  }

  public List<LedgerEntry> ledger(long assignmentId) {
    return jdbc.sql("select * from xz_ledger_entry where assignment_id = ? order by entry_date, id").param(assignmentId)
        .query((rs, n) -> entry(rs)).list();
  }

  /** indicator id → total of an assignment's ledger. */
  public Map<Long, BigDecimal> ledgerTotals(long assignmentId) {
    Map<Long, BigDecimal> totals = new LinkedHashMap<>();
    jdbc.sql("select indicator_id, sum(amount) as total from xz_ledger_entry where assignment_id = ? group by indicator_id")
        .param(assignmentId)
        .query(rs -> {
          totals.put(rs.getLong("indicator_id"), rs.getBigDecimal("total").stripTrailingZeros());
        });
    return totals;
  }

  /** Per indicator the value of the latest entry (by its date, then the order entered): what stands for a ratio. */
  public Map<Long, BigDecimal> ledgerLatest(long assignmentId) {
    Map<Long, BigDecimal> latest = new LinkedHashMap<>();
    jdbc.sql("select indicator_id, amount from xz_ledger_entry where assignment_id = ? order by entry_date, id")
        .param(assignmentId)
        .query(rs -> {
          latest.put(rs.getLong("indicator_id"), rs.getBigDecimal("amount").stripTrailingZeros());
        });
    return latest;
  }

  public void markMilestone(long assignmentId, long milestoneId, String user) {
    if (!milestoneDone(assignmentId, milestoneId)) {
      jdbc.sql("insert into xz_assignment_milestone (assignment_id, milestone_id, done_at, done_by) values (?, ?, ?, ?)")
          .params(assignmentId, milestoneId, now(), user).update();
    }
  }

  public boolean milestoneDone(long assignmentId, long milestoneId) {
    return jdbc.sql("select count(*) from xz_assignment_milestone where assignment_id = ? and milestone_id = ?")
        .params(assignmentId, milestoneId).query(Long.class).single() > 0;
  }

  public void addInstruction(long assignmentId, String text, String user) {
    jdbc.sql("insert into xz_instruction (assignment_id, instruction, given_by, given_at) values (?, ?, ?, ?)")
        .params(assignmentId, text, user, now()).update();
  }

  public List<Instruction> instructions(long assignmentId) {
    return jdbc.sql("select * from xz_instruction where assignment_id = ? order by id").param(assignmentId)
        .query((rs, n) -> new Instruction(rs.getLong("id"), rs.getString("instruction"), rs.getString("given_by"),
            rs.getTimestamp("given_at").toInstant()))
        .list();
  }

  public void follow(long assignmentId, String user, boolean follow) {
    jdbc.sql("delete from xz_follow where assignment_id = ? and user_id = ?").params(assignmentId, user).update();
    if (follow) {
      jdbc.sql("insert into xz_follow (assignment_id, user_id, followed_at) values (?, ?, ?)")
          .params(assignmentId, user, now()).update();
    }
  }

  public boolean follows(long assignmentId, String user) {
    return jdbc.sql("select count(*) from xz_follow where assignment_id = ? and user_id = ?").params(assignmentId, user)
        .query(Long.class).single() > 0;
  }

  public List<Long> followed(String user) {
    return jdbc.sql("select assignment_id from xz_follow where user_id = ? order by followed_at desc").param(user)
        .query(Long.class).list();
  }

  public Optional<Long> leadAssignment(long planTaskId) {
    return jdbc.sql("select id from xz_unit_assignment where plan_task_id = ? and role = 'LEAD' order by seq")
        .param(planTaskId).query(Long.class).list().stream().findFirst();
  }

  private static Timestamp now() {
    return Timestamp.from(ClockUtil.getCurrentTime().toInstant());
  }
}
