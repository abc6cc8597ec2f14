package com.xiezuo.audit;

import com.xiezuo.workflow.Deadlines;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Writes and reads the audit trail. A record is written in the transaction of what it records, so a refused or
 * rolled-back action leaves no line, and every line stands for something that happened.
 */
@Service
public class AuditTrail {

  public static final int PAGE_SIZE = 100;

  static final List<String> DECISIONS = List.of(AuditAction.SUBMITTED.name(), AuditAction.APPROVED.name(),
      AuditAction.RETURNED.name(), AuditAction.REPORTED.name(), AuditAction.ALLOCATION_ANSWERED.name());

  /** A page of the trail and how many rows the filter matches in all. */
  public record Page(List<AuditRecord> rows, int total, int page, int pageSize) {
    public int pages() {
      return Math.max(1, (total + pageSize - 1) / pageSize);
    }
  }

  private final JdbcClient jdbc;

  public AuditTrail(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records one of Xiezuo's own actions, now. */
  public void record(AuditEntry entry) {
    insert(entry, Deadlines.now(), null, null, AuditRecord.FROM_APP);
  }

  void insert(AuditEntry entry, Date at, String taskId, String operationId, String source) {
    jdbc.sql("""
        insert into xz_audit_event (occurred_at, user_id, action, subject, detail, plan_id, task_number, unit_id,
          process_instance_id, task_id, engine_operation_id, source)
        values (:at, :user, :action, :subject, :detail, :plan, :task, :unit, :instance, :taskId, :operation, :source)""")
        .param("at", new Timestamp(at.getTime()))
        .param("user", AuditEntry.clip(entry.userId(), 64))
        .param("action", entry.action().name())
        .param("subject", AuditEntry.clip(entry.subject() == null ? "" : entry.subject(), AuditEntry.SUBJECT_MAX))
        .param("detail", AuditEntry.clip(entry.detail(), AuditEntry.DETAIL_MAX))
        .param("plan", entry.planId())
        .param("task", AuditEntry.clip(entry.taskNumber(), 32))
        .param("unit", entry.unitId())
        .param("instance", entry.processInstanceId())
        .param("taskId", taskId)
        .param("operation", operationId)
        .param("source", source)
        .update();
  }

  /** Adds to the line of an engine operation already recorded (a group membership names user and group). */
  void appendToOperation(String operationId, String more) {
    jdbc.sql("""
        update xz_audit_event set detail = case when detail is null then :more else detail || '；' || :more end
        where engine_operation_id = :operation and (detail is null or length(detail) < 3800)""")
        .param("more", more).param("operation", operationId).update();
  }

  boolean exists(String operationId) {
    return jdbc.sql("select count(*) from xz_audit_event where engine_operation_id = :operation")
        .param("operation", operationId).query(Integer.class).single() > 0;
  }

  /**
   * Turns the plain "办理完成" of a task into what the step decided (批准, 退回修改 with the comment); when the engine
   * wrote no operation for it (the system completed it), the decision gets a line of its own.
   */
  void decided(String taskId, AuditEntry decision) {
    int updated = jdbc.sql("""
        update xz_audit_event set action = :action, detail = :detail, unit_id = coalesce(unit_id, :unit)
        where task_id = :task and action = :completed""")
        .param("action", decision.action().name())
        .param("detail", AuditEntry.clip(decision.detail(), AuditEntry.DETAIL_MAX))
        .param("unit", decision.unitId())
        .param("task", taskId)
        .param("completed", AuditAction.TASK_COMPLETED.name())
        .update();
    boolean decidedBefore = jdbc.sql("select count(*) from xz_audit_event where task_id = :task and action in (:decisions)")
        .param("task", taskId).param("decisions", DECISIONS).query(Integer.class).single() > 0;
    // a step told twice (its check says what was reported, its history listener that it was) keeps the fuller line
    if (updated == 0 && !decidedBefore) {
      insert(decision, Deadlines.now(), taskId, null, AuditRecord.FROM_ENGINE);
    }
  }

  public Page find(AuditFilter filter, int page) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (filter.planId() != null) {
      where.append(" and plan_id = :plan");
      params.put("plan", filter.planId());
    }
    if (filter.taskNumber() != null && !filter.taskNumber().isBlank()) {
      where.append(" and task_number = :task");
      params.put("task", filter.taskNumber().strip());
    }
    if (filter.unitId() != null && !filter.unitId().isBlank()) {
      where.append(" and unit_id = :unit");
      params.put("unit", filter.unitId());
    }
    if (filter.userId() != null && !filter.userId().isBlank()) {
      // the start of a login name, in any case: "dou" finds doumen
      where.append(" and lower(user_id) like :user escape '!'");
      params.put("user", filter.userId().strip().toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_")
          + "%");
    }
    if (filter.action() != null) {
      where.append(" and action = :action");
      params.put("action", filter.action().name());
    }
    if (filter.from() != null) {
      where.append(" and occurred_at >= :from");
      params.put("from", Timestamp.valueOf(filter.from().atStartOfDay()));
    }
    if (filter.to() != null) {
      where.append(" and occurred_at < :to");
      params.put("to", Timestamp.valueOf(filter.to().plusDays(1).atStartOfDay()));
    }
    if (filter.visibleUnits() != null) {
      List<String> units = new ArrayList<>(filter.visibleUnits());
      // an empty IN list is not SQL: a unit id no row can have stands in
      params.put("visible", units.isEmpty() ? List.of("") : units);
      params.put("viewer", filter.viewer() == null ? "" : filter.viewer());
      where.append(" and (unit_id in (:visible) or user_id = :viewer)");
    }
    int total = jdbc.sql("select count(*) from xz_audit_event" + where).params(params).query(Integer.class).single();
    int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    int current = Math.min(Math.max(page, 1), pages);
    String order = filter.oldestFirst() ? " order by occurred_at, id" : " order by occurred_at desc, id desc";
    List<AuditRecord> rows = jdbc.sql("""
        select id, occurred_at, user_id, action, subject, detail, plan_id, task_number, unit_id, source
        from xz_audit_event""" + where + order + " offset " + (current - 1) * PAGE_SIZE + " rows fetch next "
        + PAGE_SIZE + " rows only")
        .params(params)
        .query((rs, n) -> new AuditRecord(rs.getLong("id"), rs.getTimestamp("occurred_at").toLocalDateTime(),
            rs.getString("user_id"), AuditAction.valueOf(rs.getString("action")), rs.getString("subject"),
            rs.getString("detail"), rs.getObject("plan_id", Long.class), rs.getString("task_number"),
            rs.getString("unit_id"), rs.getString("source")))
        .list();
    return new Page(rows, total, current, PAGE_SIZE);
  }

  /** Every line the filter matches, in order (for an archive): at most {@code limit}. */
  public List<AuditRecord> all(AuditFilter filter, int limit) {
    List<AuditRecord> rows = new ArrayList<>();
    for (int page = 1; rows.size() < limit; page++) {
      Page next = find(filter, page);
      rows.addAll(next.rows());
      if (page >= next.pages()) {
        break;
      }
    }
    return rows.size() > limit ? rows.subList(0, limit) : rows;
  }

  /** The users who appear in the trail, for the filter's choice list. */
  public List<String> users() {
    return jdbc.sql("select distinct user_id from xz_audit_event where user_id is not null order by user_id")
        .query(String.class).list();
  }
}
