package com.xiezuo.plan.change;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class PlanChangeRepository {

  private static final String SELECT = """
      select c.*, t.task_number from xz_plan_change c join xz_plan_task t on t.id = c.plan_task_id
      """;

  private final JdbcClient jdbc;

  public PlanChangeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(long planId, long taskId, ChangeProposal proposal, String user) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into xz_plan_change (plan_id, plan_task_id, change_type, reason, new_deadline, new_title, new_content,
          status, proposed_by, proposed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(planId, taskId, proposal.type().name(), proposal.reason().trim(),
            proposal.newDeadline() == null ? null : Date.valueOf(proposal.newDeadline()), blankToNull(proposal.newTitle()),
            blankToNull(proposal.newContent()), ChangeStatus.PROPOSED.name(), user, now())
        .update(key, "id");
    return key.getKey().longValue();
  }

  void decided(long id, ChangeStatus status, String user, String comment) {
    jdbc.sql("update xz_plan_change set status = ?, decided_by = ?, decided_at = ?, decision_comment = ? where id = ?")
        .params(status.name(), user, now(), comment, id).update();
  }

  void revised(long id, String reason, LocalDate newDeadline) {
    jdbc.sql("update xz_plan_change set status = ?, reason = ?, new_deadline = coalesce(?, new_deadline) where id = ?")
        .params(ChangeStatus.PROPOSED.name(), reason.trim(), newDeadline == null ? null : Date.valueOf(newDeadline), id)
        .update();
  }

  void setStatus(long id, ChangeStatus status) {
    jdbc.sql("update xz_plan_change set status = ? where id = ?").params(status.name(), id).update();
  }

  /** A proposal still waiting for leadership or for the coordinator's revision, locking the task meanwhile. */
  Optional<PlanChange> openForTask(long taskId) {
    jdbc.sql("select id from xz_plan_task where id = ? for update").param(taskId).query(Long.class).single();
    return jdbc.sql(SELECT + " where c.plan_task_id = ? and c.status in (?, ?)")
        .params(taskId, ChangeStatus.PROPOSED.name(), ChangeStatus.RETURNED.name())
        .query(PlanChangeRepository::map).optional();
  }

  public Optional<PlanChange> find(long id) {
    return jdbc.sql(SELECT + " where c.id = ?").param(id).query(PlanChangeRepository::map).optional();
  }

  public List<PlanChange> ofPlan(long planId) {
    return jdbc.sql(SELECT + " where c.plan_id = ? order by c.id desc").param(planId).query(PlanChangeRepository::map).list();
  }

  private static Timestamp now() {
    return Timestamp.from(ClockUtil.getCurrentTime().toInstant());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static PlanChange map(ResultSet rs, int row) throws SQLException {
    Date deadline = rs.getDate("new_deadline");
    return new PlanChange(rs.getLong("id"), rs.getLong("plan_id"), rs.getLong("plan_task_id"),
        rs.getString("task_number"), ChangeType.valueOf(rs.getString("change_type")), rs.getString("reason"),
        deadline == null ? null : deadline.toLocalDate(), rs.getString("new_title"), rs.getString("new_content"),
        ChangeStatus.valueOf(rs.getString("status")), rs.getString("proposed_by"),
        rs.getTimestamp("proposed_at").toInstant(), rs.getString("decided_by"), rs.getString("decision_comment"));
  }
}
