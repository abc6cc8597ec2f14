package com.xiezuo.execution;

import com.xiezuo.directory.DirectorySnapshot;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.plan.PlanDetail;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.workflow.Deadlines;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The fan-out of a plan: one assignment per (task, unit), group tokens expanded through the directory, the lead
 * first. Named "unitAssignments" for the BPMN expressions of annualPlan's multi-instance call activity.
 */
@Component("unitAssignments")
public class UnitAssignments {

  private static final String SELECT = "select a.* from xz_unit_assignment a";

  private final JdbcClient jdbc;
  private final PlanRepository plans;
  private final UnitDirectory directory;

  public UnitAssignments(JdbcClient jdbc, PlanRepository plans, UnitDirectory directory) {
    this.jdbc = jdbc;
    this.plans = plans;
    this.directory = directory;
  }

  /** Creates the assignments of an approved plan once; returns how many there are. */
  public int create(long planId) {
    int existing = count(planId);
    if (existing > 0) {
      return existing;
    }
    DirectorySnapshot snapshot = directory.snapshot();
    PlanDetail plan = plans.find(planId, snapshot).orElseThrow();
    int seq = 0;
    for (PlanDetail.Task task : plan.tasks()) {
      if (!"ACTIVE".equals(task.status())) {
        continue;
      }
      for (Map.Entry<String, String> unit : unitsOf(task).entrySet()) {
        jdbc.sql("""
            insert into xz_unit_assignment (plan_id, plan_task_id, task_number, unit_id, role, seq, business_key, status)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(planId, task.id(), task.number(), unit.getKey(), unit.getValue(), seq++,
                businessKey(plan.plan().year(), planId, task.number(), unit.getKey()), AssignmentStatus.ACTIVE.name())
            .update();
      }
    }
    return seq;
  }

  /** Concrete units of a task in order, each with its role; a unit named twice keeps its first (lead) role. */
  public static Map<String, String> unitsOf(PlanDetail.Task task) {
    Map<String, String> units = new LinkedHashMap<>();
    for (PlanDetail.Responsible responsible : task.units()) {
      String role = responsible.role().equals(PlanDetail.Responsible.LEAD) ? UnitAssignment.LEAD : UnitAssignment.CO;
      responsible.unitIds().forEach(unitId -> units.putIfAbsent(unitId, role));
    }
    return units;
  }

  public static String businessKey(int year, long planId, String taskNumber, String unitId) {
    return "plan/" + year + "/" + planId + "/task/" + taskNumber + "/unit/" + unitId;
  }

  public int count(long planId) {
    return jdbc.sql("select count(*) from xz_unit_assignment where plan_id = ?").param(planId)
        .query(Integer.class).single();
  }

  /** For the call activity: the business key of the assignment started as instance {@code seq}. */
  public String businessKey(Long planId, Integer seq) {
    return find(planId, seq).orElseThrow(() -> new IllegalStateException(
        "plan " + planId + " has no assignment " + seq)).businessKey();
  }

  public Optional<UnitAssignment> find(long planId, int seq) {
    return jdbc.sql(SELECT + " where a.plan_id = ? and a.seq = ?").params(planId, seq)
        .query(UnitAssignments::map).optional();
  }

  public Optional<UnitAssignment> find(long id) {
    return jdbc.sql(SELECT + " where a.id = ?").param(id).query(UnitAssignments::map).optional();
  }

  /** The assignment a unitTask instance works on, by its process instance (never by a variable a user could set). */
  public Optional<UnitAssignment> ofProcessInstance(String processInstanceId) {
    return jdbc.sql(SELECT + " where a.process_instance_id = ?").param(processInstanceId)
        .query(UnitAssignments::map).optional();
  }

  public List<UnitAssignment> ofPlan(long planId) {
    return jdbc.sql(SELECT + " where a.plan_id = ? order by a.seq").param(planId).query(UnitAssignments::map).list();
  }

  /** The day each completed unit task of a plan was completed, by assignment id. */
  public Map<Long, LocalDate> completedOn(long planId) {
    Map<Long, LocalDate> days = new HashMap<>();
    jdbc.sql("select id, completed_at from xz_unit_assignment where plan_id = ? and completed_at is not null")
        .param(planId).query(rs -> {
          days.put(rs.getLong("id"), rs.getTimestamp("completed_at").toLocalDateTime().toLocalDate());
        });
    return days;
  }

  /** A unit's assignments over every plan, newest plan first, in plan order within a plan. */
  public List<UnitAssignment> ofUnit(String unitId) {
    return jdbc.sql(SELECT + " where a.unit_id = ? order by a.plan_id desc, a.seq").param(unitId)
        .query(UnitAssignments::map).list();
  }

  public List<UnitAssignment> ofTask(long planTaskId) {
    return jdbc.sql(SELECT + " where a.plan_task_id = ? order by a.seq").param(planTaskId)
        .query(UnitAssignments::map).list();
  }

  /** Holds the assignment's row until the transaction ends: one action of a kind at a time on one unit task. */
  public void lock(long assignmentId) {
    jdbc.sql("select id from xz_unit_assignment where id = ? for update").param(assignmentId).query(Long.class).optional();
  }

  public void started(long assignmentId, String processInstanceId) {
    jdbc.sql("update xz_unit_assignment set process_instance_id = ? where id = ?")
        .params(processInstanceId, assignmentId).update();
  }

  public void setStatus(long assignmentId, AssignmentStatus status) {
    jdbc.sql("update xz_unit_assignment set status = ?, completed_at = ? where id = ?")
        .params(status.name(), status == AssignmentStatus.COMPLETED ? Timestamp.from(ClockUtil.getCurrentTime().toInstant()) : null,
            assignmentId)
        .update();
  }

  /** Overdue from today; the first such day is kept ({@code overdue_since}) whatever an extension does later. */
  public void markOverdue(long assignmentId) {
    jdbc.sql("update xz_unit_assignment set overdue = true, overdue_since = coalesce(overdue_since, ?) where id = ?")
        .params(Date.valueOf(Deadlines.today()), assignmentId).update();
  }

  /** The plan's unit tasks that are or ever were overdue. */
  public Set<Long> everOverdue(long planId) {
    return new HashSet<>(jdbc.sql("""
        select id from xz_unit_assignment where plan_id = ? and (overdue or overdue_since is not null)""")
        .param(planId).query(Long.class).list());
  }

  public void clearOverdue(long assignmentId) {
    jdbc.sql("update xz_unit_assignment set overdue = false where id = ?").param(assignmentId).update();
  }

  private static UnitAssignment map(ResultSet rs, int row) throws SQLException {
    return new UnitAssignment(rs.getLong("id"), rs.getLong("plan_id"), rs.getLong("plan_task_id"),
        rs.getString("task_number"), rs.getString("unit_id"), rs.getString("role"), rs.getInt("seq"),
        rs.getString("business_key"), rs.getString("process_instance_id"),
        AssignmentStatus.valueOf(rs.getString("status")), rs.getBoolean("overdue"));
  }
}
