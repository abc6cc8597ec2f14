package com.xiezuo.plan;

import com.xiezuo.directory.DirectorySnapshot;
import com.xiezuo.directory.UnitRef;
import com.xiezuo.plan.parse.ParsedIndicator;
import com.xiezuo.plan.parse.ParsedMilestone;
import com.xiezuo.plan.parse.ParsedPlan;
import com.xiezuo.plan.parse.ParsedTask;
import com.xiezuo.workflow.Deadlines;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Plans in the app's own tables (xz_plan*). Writes happen inside the importer's transaction. */
@Repository
public class PlanRepository {

  private static final String SUMMARY_SELECT = """
      select p.*, (select count(*) from xz_plan_task t where t.plan_id = p.id) as task_count from xz_plan p
      """;

  private static final String INDICATOR_SELECT = """
      select i.*, t.task_number from xz_plan_indicator i join xz_plan_task t on t.id = i.task_id
      """;

  private final JdbcClient jdbc;

  public PlanRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Integer> latestVersion(String issuer, int year) {
    return jdbc.sql("select max(version) from xz_plan where issuer = ? and plan_year = ?").params(issuer, year)
        .query(Integer.class).optional();
  }

  long insert(ParsedPlan plan, int version, String source, String user, DirectorySnapshot directory) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into xz_plan (title, plan_year, issuer, doc_number, version, status, source, imported_by, imported_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(plan.title().trim(), plan.year(), plan.issuer().trim(), plan.docNumber(), version,
            PlanStatus.IN_REVIEW.name(), source, user, Timestamp.from(Deadlines.now().toInstant()))
        .update(key, "id");
    long planId = key.getKey().longValue();
    int seq = 0;
    for (ParsedTask task : plan.tasks()) {
      insertTask(planId, ++seq, task, directory);
    }
    return planId;
  }

  private void insertTask(long planId, int seq, ParsedTask task, DirectorySnapshot directory) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into xz_plan_task (plan_id, task_number, seq, section, title, content, deadline, deadline_text,
          year_round, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE')""")
        .params(planId, task.number().trim(), seq, task.section(), task.title().trim(), task.content(),
            Date.valueOf(task.deadline()), task.deadlineText(), task.yearRound())
        .update(key, "id");
    long taskId = key.getKey().longValue();
    int unitSeq = 0;
    insertUnit(taskId, ++unitSeq, task.leadUnit(), PlanDetail.Responsible.LEAD, directory);
    for (String co : task.coUnits()) {
      insertUnit(taskId, ++unitSeq, co, PlanDetail.Responsible.CO, directory);
    }
    int indicatorSeq = 0;
    for (ParsedIndicator indicator : task.indicators()) {
      jdbc.sql("""
          insert into xz_plan_indicator (task_id, seq, statement, name, comparator, target_value, unit, stretch_value)
          values (?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(taskId, ++indicatorSeq, indicator.text(), indicator.name(), indicator.comparator(), indicator.value(),
              indicator.unit(), indicator.stretch())
          .update();
    }
    for (ParsedMilestone milestone : task.milestones()) {
      jdbc.sql("insert into xz_plan_milestone (task_id, due_date, description) values (?, ?, ?)")
          .params(taskId, Date.valueOf(milestone.date()), milestone.text()).update();
    }
  }

  private void insertUnit(long taskId, int seq, String printed, String role, DirectorySnapshot directory) {
    UnitRef ref = directory.resolve(printed);
    jdbc.sql("""
        insert into xz_plan_task_unit (task_id, seq, printed_name, role, unit_id, group_token)
        values (?, ?, ?, ?, ?, ?)""")
        .params(taskId, seq, DirectorySnapshot.compact(printed), role, ref.unitId(), ref.token()).update();
  }

  public void markSuperseded(String issuer, int year, int belowVersion) {
    jdbc.sql("update xz_plan set status = ? where issuer = ? and plan_year = ? and version < ?")
        .params(PlanStatus.SUPERSEDED.name(), issuer, year, belowVersion).update();
  }

  public void setProcessInstance(long planId, String processInstanceId) {
    jdbc.sql("update xz_plan set process_instance_id = ? where id = ?").params(processInstanceId, planId).update();
  }

  public void setStatus(long planId, PlanStatus status) {
    jdbc.sql("update xz_plan set status = ? where id = ?").params(status.name(), planId).update();
  }

  /** The plan a task belongs to, and the task with its units, indicators and milestones. */
  public Optional<PlanTaskRef> findTask(long taskId, DirectorySnapshot directory) {
    Optional<Long> planId = jdbc.sql("select plan_id from xz_plan_task where id = ?").param(taskId)
        .query(Long.class).optional();
    // one task's rows only: a unit task start must not read the whole plan (fan-out would grow with its square)
    return planId.flatMap(this::findSummary).flatMap(plan -> tasks(plan.id(), taskId, directory).stream().findFirst()
        .map(task -> new PlanTaskRef(plan, task)));
  }

  public record PlanTaskRef(PlanSummary plan, PlanDetail.Task task) {}

  public Optional<Long> taskId(long planId, String number) {
    return jdbc.sql("select id from xz_plan_task where plan_id = ? and task_number = ?").params(planId, number)
        .query(Long.class).optional();
  }

  public Optional<LocalDate> lastDeadline(long planId) {
    return jdbc.sql("select max(deadline) from xz_plan_task where plan_id = ? and status = 'ACTIVE'").param(planId)
        .query(java.sql.Date.class).optional().map(java.sql.Date::toLocalDate);
  }

  public void updateTaskDeadline(long taskId, LocalDate deadline, String deadlineText) {
    jdbc.sql("update xz_plan_task set deadline = ?, deadline_text = ?, year_round = false where id = ?")
        .params(Date.valueOf(deadline), deadlineText, taskId).update();
  }

  public void updateTaskText(long taskId, String title, String content) {
    jdbc.sql("update xz_plan_task set title = coalesce(?, title), content = coalesce(?, content) where id = ?")
        .params(title, content, taskId).update();
  }

  public void updateTaskStatus(long taskId, String status) {
    jdbc.sql("update xz_plan_task set status = ? where id = ?").params(status, taskId).update();
  }

  public List<PlanSummary> findAll() {
    return jdbc.sql(SUMMARY_SELECT + " order by p.plan_year desc, p.id desc").query(PlanRepository::summary).list();
  }

  /** Every version of one plan (issuer and year), newest first. */
  public List<PlanSummary> versionsOf(String issuer, int year) {
    return jdbc.sql(SUMMARY_SELECT + " where p.issuer = ? and p.plan_year = ? order by p.version desc")
        .params(issuer, year).query(PlanRepository::summary).list();
  }

  public Optional<PlanSummary> findSummary(long id) {
    return jdbc.sql(SUMMARY_SELECT + " where p.id = ?").param(id).query(PlanRepository::summary).optional();
  }

  public Optional<PlanDetail> find(long id, DirectorySnapshot directory) {
    return findSummary(id).map(summary -> new PlanDetail(summary, tasks(id, null, directory)));
  }

  /** The plan's tasks, or with {@code onlyTaskId} just that one, each with its units, indicators and milestones. */
  private List<PlanDetail.Task> tasks(long planId, Long onlyTaskId, DirectorySnapshot directory) {
    String oneTask = onlyTaskId == null ? "" : " and t.id = " + onlyTaskId;
    Map<Long, List<PlanDetail.Responsible>> units = new LinkedHashMap<>();
    jdbc.sql("""
        select u.* from xz_plan_task_unit u join xz_plan_task t on t.id = u.task_id
        where t.plan_id = ?""" + oneTask + " order by u.task_id, u.seq").param(planId).query(rs -> {
          String unitId = rs.getString("unit_id");
          String token = rs.getString("group_token");
          List<String> unitIds = unitId != null ? List.of(unitId) : directory.resolve(token).unitIds();
          units.computeIfAbsent(rs.getLong("task_id"), k -> new ArrayList<>()).add(new PlanDetail.Responsible(
              rs.getString("printed_name"), rs.getString("role"), unitId, token, unitIds));
        });
    Map<Long, List<ParsedIndicator>> indicators = new LinkedHashMap<>();
    jdbc.sql("""
        select i.* from xz_plan_indicator i join xz_plan_task t on t.id = i.task_id
        where t.plan_id = ?""" + oneTask + " order by i.task_id, i.seq").param(planId).query(rs -> {
          indicators.computeIfAbsent(rs.getLong("task_id"), k -> new ArrayList<>()).add(new ParsedIndicator(
              rs.getString("statement"), rs.getString("name"), rs.getString("comparator"),
              rs.getBigDecimal("target_value").stripTrailingZeros(), rs.getString("unit"),
              rs.getBigDecimal("stretch_value") == null ? null : rs.getBigDecimal("stretch_value").stripTrailingZeros()));
        });
    Map<Long, List<ParsedMilestone>> milestones = new LinkedHashMap<>();
    jdbc.sql("""
        select m.* from xz_plan_milestone m join xz_plan_task t on t.id = m.task_id
        where t.plan_id = ?""" + oneTask + " order by m.task_id, m.due_date, m.id").param(planId).query(rs -> {
          milestones.computeIfAbsent(rs.getLong("task_id"), k -> new ArrayList<>()).add(
              new ParsedMilestone(rs.getDate("due_date").toLocalDate(), rs.getString("description")));
        });
    return jdbc.sql("select * from xz_plan_task t where t.plan_id = ?" + oneTask + " order by t.seq").param(planId)
        .query((rs, i) -> {
          long id = rs.getLong("id");
          return new PlanDetail.Task(id, rs.getString("task_number"), rs.getString("section"), rs.getString("title"),
              rs.getString("content"), rs.getDate("deadline").toLocalDate(), rs.getString("deadline_text"),
              rs.getBoolean("year_round"), rs.getString("status"), units.getOrDefault(id, List.of()),
              indicators.getOrDefault(id, List.of()), milestones.getOrDefault(id, List.of()));
        }).list();
  }

  /** The indicators of the plan's active tasks in plan order, with their ids. */
  public List<PlanIndicator> indicators(long planId) {
    return jdbc.sql(INDICATOR_SELECT + " where t.plan_id = ? and t.status = 'ACTIVE' order by t.seq, i.seq")
        .param(planId).query(PlanRepository::indicator).list();
  }

  public List<PlanIndicator> indicatorsOfTask(long taskId) {
    return jdbc.sql(INDICATOR_SELECT + " where i.task_id = ? order by i.seq").param(taskId)
        .query(PlanRepository::indicator).list();
  }

  public List<PlanMilestone> milestonesOfTask(long taskId) {
    return jdbc.sql("select id, due_date, description from xz_plan_milestone where task_id = ? order by due_date, id")
        .param(taskId)
        .query((rs, n) -> new PlanMilestone(rs.getLong("id"), rs.getDate("due_date").toLocalDate(),
            rs.getString("description")))
        .list();
  }

  /** task id → its milestones by date, for every task of a plan in one query. */
  public Map<Long, List<PlanMilestone>> milestonesOfPlan(long planId) {
    Map<Long, List<PlanMilestone>> milestones = new LinkedHashMap<>();
    jdbc.sql("""
        select m.id, m.task_id, m.due_date, m.description from xz_plan_milestone m
        join xz_plan_task t on t.id = m.task_id where t.plan_id = ? order by m.due_date, m.id""").param(planId)
        .query(rs -> {
          milestones.computeIfAbsent(rs.getLong("task_id"), k -> new ArrayList<>()).add(new PlanMilestone(
              rs.getLong("id"), rs.getDate("due_date").toLocalDate(), rs.getString("description")));
        });
    return milestones;
  }

  private static PlanIndicator indicator(ResultSet rs, int row) throws SQLException {
    return new PlanIndicator(rs.getLong("id"), rs.getLong("task_id"), rs.getString("task_number"), rs.getString("name"),
        rs.getString("statement"), rs.getString("comparator"), rs.getBigDecimal("target_value").stripTrailingZeros(),
        rs.getString("unit"), rs.getBigDecimal("stretch_value"));
  }

  private static PlanSummary summary(ResultSet rs, int row) throws SQLException {
    return new PlanSummary(rs.getLong("id"), rs.getString("title"), rs.getInt("plan_year"), rs.getString("issuer"),
        rs.getString("doc_number"), rs.getInt("version"), PlanStatus.valueOf(rs.getString("status")),
        rs.getString("source"), rs.getString("process_instance_id"), rs.getString("imported_by"),
        rs.getTimestamp("imported_at").toInstant(), rs.getInt("task_count"));
  }
}
