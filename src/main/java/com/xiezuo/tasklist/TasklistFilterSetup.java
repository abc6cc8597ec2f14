package com.xiezuo.tasklist;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;

import com.xiezuo.directory.Roles;
import com.xiezuo.security.Grants;
import com.xiezuo.workflow.ProcessVariables;
import com.xiezuo.workflow.StartupOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A fresh Tasklist shows "no filter" and no tasks; these shared filters make every role see its work on first
 * login. Created once by name: a coordinator may change them in Tasklist afterwards without being overwritten.
 */
@Component
@Order(StartupOrder.FILTERS)
public class TasklistFilterSetup implements ApplicationRunner {

  public static final String MY_TASKS = "我的待办";
  public static final String UNIT_TASKS = "本单位待办";
  public static final String DUE_SOON = "即将到期";
  public static final String OVERDUE = "已逾期";
  public static final String ALL_TASKS = "全部待办";
  public static final String LEADERSHIP_TASKS = "待领导审签";
  public static final String COORDINATOR_TASKS = "协调员待办";
  public static final String SUPERVISOR_TASKS = "督查待办";
  public static final String ASSESSOR_TASKS = "考核评审待办";

  /** Tasklist opens the first filter: the unit's open work, claimed or not, not the (at first empty) own list. */
  static final int UNIT_TASKS_PRIORITY = -20;
  /**
   * Each role opens on its own list: a role's work is not its unit's ("本单位" means nothing to a leader). Apart, so
   * that someone who reads several (an administrator) opens on the coordinators'.
   */
  static final int COORDINATOR_TASKS_PRIORITY = -33;
  static final int LEADERSHIP_TASKS_PRIORITY = -32;
  static final int SUPERVISOR_TASKS_PRIORITY = -31;
  static final int ASSESSOR_TASKS_PRIORITY = -30;
  static final int MY_TASKS_PRIORITY = -10;

  /** Filters everyone may use; visibility of the tasks inside is still per task. */
  private static final List<String> EVERYONE = List.of();

  private final FilterService filterService;
  private final TaskService taskService;
  private final Grants grants;

  public TasklistFilterSetup(FilterService filterService, TaskService taskService, Grants grants) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.grants = grants;
  }

  @Override
  public void run(ApplicationArguments args) {
    ensure(UNIT_TASKS, "本单位（本人所在组）的任务，含已被同事认领的", UNIT_TASKS_PRIORITY, "#00a65a", EVERYONE,
        query -> query.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    ensure(MY_TASKS, "分配给我的任务", MY_TASKS_PRIORITY, "#3c8dbc", EVERYONE,
        query -> query.taskAssigneeExpression("${currentUser()}"));
    putUnitTasksFirst();
    // leaders belong to no unit; coordinators and supervisors may also be staff of one, and keep its list
    Filter unitTasks = filterService.createFilterQuery().filterName(UNIT_TASKS).singleResult();
    grants.withholdFromGroup(Roles.LEADERSHIP, FILTER, unitTasks.getId(), READ);
    roleList(COORDINATOR_TASKS, Roles.COORDINATORS, COORDINATOR_TASKS_PRIORITY,
        "协调员的审核、指标分解和变更任务，含已被同事认领的", "#00c0ef");
    roleList(LEADERSHIP_TASKS, Roles.LEADERSHIP, LEADERSHIP_TASKS_PRIORITY,
        "待领导审签的计划、分解方案、完成情况与变更，含已被其他领导认领的", "#d81b60");
    roleList(SUPERVISOR_TASKS, Roles.SUPERVISORS, SUPERVISOR_TASKS_PRIORITY,
        "督查核查、整改复核和延期审核，含已被同事认领的", "#ff851b");
    roleList(ASSESSOR_TASKS, Roles.ASSESSORS, ASSESSOR_TASKS_PRIORITY, "年度考核评审（调整分和工作创新加分），含已被同事认领的",
        "#39cccc");
    ensure(DUE_SOON, "7 天内到期的任务", 0, "#f39c12", EVERYONE,
        query -> query.dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(7).toDate()}"));
    ensure(OVERDUE, "已过到期日仍未完成的任务", 10, "#dd4b39", EVERYONE,
        query -> query.dueBeforeExpression("${now()}"));
    ensure(ALL_TASKS, "全市所有待办任务（协调员、督查人员）", 20, "#605ca8",
        List.of(Roles.COORDINATORS, Roles.SUPERVISORS), UnaryOperator.identity());
  }

  /** Databases set up before the order changed had 我的待办 first; a coordinator's own reordering is kept. */
  private void putUnitTasksFirst() {
    Filter unit = filterService.createFilterQuery().filterName(UNIT_TASKS).singleResult();
    Filter mine = filterService.createFilterQuery().filterName(MY_TASKS).singleResult();
    int formerMine = UNIT_TASKS_PRIORITY;
    int formerUnit = MY_TASKS_PRIORITY;
    if (Integer.valueOf(formerMine).equals(mine.getProperties().get("priority"))
        && Integer.valueOf(formerUnit).equals(unit.getProperties().get("priority"))) {
      unit.getProperties().put("priority", UNIT_TASKS_PRIORITY);
      mine.getProperties().put("priority", MY_TASKS_PRIORITY);
      filterService.saveFilter(unit.setProperties(unit.getProperties()));
      filterService.saveFilter(mine.setProperties(mine.getProperties()));
    }
  }

  private void roleList(String name, String role, int priority, String description, String color) {
    ensure(name, description, priority, color, List.of(role),
        query -> query.taskCandidateGroup(role).includeAssignedTasks());
  }

  private void ensure(String name, String description, int priority, String color, List<String> groups,
      UnaryOperator<TaskQuery> criteria) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      TaskQuery query = criteria.apply(taskService.createTaskQuery()).orderByDueDate().asc()
          .orderByTaskCreateTime().asc();
      filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties(description, priority, color));
      filterService.saveFilter(filter);
    }
    if (groups.isEmpty()) {
      grants.toEveryone(FILTER, filter.getId(), READ);
    } else {
      for (String group : groups) {
        grants.toGroup(group, FILTER, filter.getId(), READ);
      }
    }
  }

  private static Map<String, Object> properties(String description, int priority, String color) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", List.of(
        column(ProcessVariables.PLAN_TITLE.name(), "工作计划"),
        column(ProcessVariables.TASK_NUMBER.name(), "任务编号"),
        column(ProcessVariables.UNIT_NAME.name(), "责任单位")));
    return properties;
  }

  private static Map<String, String> column(String variable, String label) {
    return Map.of("name", variable, "label", label);
  }
}
