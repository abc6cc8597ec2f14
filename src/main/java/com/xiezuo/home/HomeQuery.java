package com.xiezuo.home;

import com.xiezuo.directory.DirectorySnapshot;
import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.execution.AssignmentStatus;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.plan.PlanDetail;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.progress.PlanProgress;
import com.xiezuo.progress.PlanProgressQuery;
import com.xiezuo.progress.StatusLight;
import com.xiezuo.security.Viewer;
import com.xiezuo.workflow.AsSystem;
import com.xiezuo.workflow.Deadlines;
import com.xiezuo.workflow.ElementIds.AnnualPlan;
import com.xiezuo.workflow.ElementIds.IndicatorDecomposition;
import com.xiezuo.workflow.ElementIds.Rectification;
import com.xiezuo.workflow.ElementIds.UnitTask;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * What a user's home page shows: the open tasks the user can work on (to do and to approve, counted by kind), the
 * user's units' tasks by state, and for coordinators, leaders and supervisors every plan's standing. Task queries
 * name the user explicitly (candidate or assignee), so they run as the system.
 */
@Service
public class HomeQuery {

  static final int LISTED = 15;
  static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";
  private static final Set<String> APPROVALS = Set.of(AnnualPlan.REVIEW_PLAN, AnnualPlan.APPROVE_PLAN,
      AnnualPlan.APPROVE_CHANGE, IndicatorDecomposition.SIGN_OFF_ALLOCATION, UnitTask.LEAD_REVIEW, UnitTask.SIGN_OFF,
      Rectification.VERIFY, Rectification.DECIDE_EXTENSION);

  /** The home page's content. */
  public record Home(List<WorkItem> todo, int todoCount, Map<String, Integer> todoByKind, int approvalCount,
      List<UnitWork> unitWork, Map<UnitWorkState, Integer> unitWorkByState, long unitOverdue,
      List<PlanStanding> plans) {}

  private final TaskService taskService;
  private final AsSystem asSystem;
  private final UnitAssignments assignments;
  private final UnitDirectory directory;
  private final PlanRepository plans;
  private final PlanProgressQuery progress;

  public HomeQuery(TaskService taskService, AsSystem asSystem, UnitAssignments assignments, UnitDirectory directory,
      PlanRepository plans, PlanProgressQuery progress) {
    this.taskService = taskService;
    this.asSystem = asSystem;
    this.assignments = assignments;
    this.directory = directory;
    this.plans = plans;
    this.progress = progress;
  }

  public Home of(Viewer viewer) {
    List<Task> open = asSystem.call(() -> openTasksOf(viewer.userId()));
    Map<String, Integer> byKind = new LinkedHashMap<>();
    open.forEach(task -> byKind.merge(kind(task), 1, Integer::sum));
    int approvals = (int) open.stream().filter(task -> APPROVALS.contains(task.getTaskDefinitionKey())).count();
    List<WorkItem> listed = asSystem.call(() -> open.stream().limit(LISTED).map(this::item).toList());

    List<UnitWork> unitWork = unitWork(viewer);
    Map<UnitWorkState, Integer> byState = new LinkedHashMap<>();
    for (UnitWorkState state : UnitWorkState.values()) {
      byState.put(state, (int) unitWork.stream().filter(work -> work.state() == state).count());
    }
    long overdue = unitWork.stream().filter(work -> work.overdue() && work.state() != UnitWorkState.DONE
        && work.state() != UnitWorkState.CANCELLED).count();
    List<PlanStanding> standings = viewer.seesEveryUnit() ? standings() : List.of();
    return new Home(listed, open.size(), byKind, approvals, unitWork, byState, overdue, standings);
  }

  /** Tasks of the user's groups (claimed by anyone or not) and tasks assigned to the user, earliest due first. */
  private List<Task> openTasksOf(String userId) {
    Map<String, Task> tasks = new LinkedHashMap<>();
    taskService.createTaskQuery().taskCandidateUser(userId).includeAssignedTasks().active().list()
        .forEach(task -> tasks.put(task.getId(), task));
    taskService.createTaskQuery().taskAssignee(userId).active().list().forEach(task -> tasks.put(task.getId(), task));
    List<Task> sorted = new ArrayList<>(tasks.values());
    sorted.sort(Comparator.comparing(Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Task::getCreateTime));
    return sorted;
  }

  /** "签收任务" of "签收任务｜5(1) 组织劳务输出". */
  private static String kind(Task task) {
    String name = task.getName() == null ? "" : task.getName();
    int bar = name.indexOf('｜');
    return bar < 0 ? name : name.substring(0, bar);
  }

  private WorkItem item(Task task) {
    Object planTitle = taskService.getVariableLocal(task.getId(), "planTitle");
    LocalDate due = task.getDueDate() == null ? null : Deadlines.toLocalDate(task.getDueDate());
    return new WorkItem(kind(task), task.getName(), planTitle == null ? "" : planTitle.toString(),
        Deadlines.toLocalDate(task.getCreateTime()), due,
        due != null && due.isBefore(Deadlines.today()), TASKLIST + task.getId() + "&forceDisplayTask=true",
        APPROVALS.contains(task.getTaskDefinitionKey()));
  }

  /** The unit tasks of the units the user belongs to, open ones first by deadline. */
  private List<UnitWork> unitWork(Viewer viewer) {
    List<Unit> units = directory.findAll().stream().filter(unit -> viewer.memberOf(unit.id())).toList();
    if (units.isEmpty()) {
      return List.of();
    }
    Map<Long, PlanSummary> planById = new HashMap<>();
    Map<Long, Optional<PlanDetail.Task>> taskById = new HashMap<>();
    DirectorySnapshot snapshot = directory.snapshot();
    List<UnitWork> work = new ArrayList<>();
    for (Unit unit : units) {
      List<UnitAssignment> mine = assignments.ofUnit(unit.id());
      Map<String, String> openStep = openSteps(mine);
      for (UnitAssignment assignment : mine) {
        PlanSummary plan = planById.computeIfAbsent(assignment.planId(), id -> plans.findSummary(id).orElseThrow());
        Optional<PlanDetail.Task> task = taskById.computeIfAbsent(assignment.planTaskId(),
            id -> plans.findTask(id, snapshot).map(ref -> ref.task()));
        work.add(new UnitWork(assignment.id(), unit.name(), plan.title(), assignment.taskNumber(),
            task.map(PlanDetail.Task::title).orElse(""), assignment.isLead() ? "牵头单位" : "配合单位",
            state(assignment, openStep.get(assignment.processInstanceId())), assignment.overdue(),
            task.map(PlanDetail.Task::deadline).orElse(null)));
      }
    }
    work.sort(Comparator.comparing((UnitWork w) -> w.state().ordinal() >= UnitWorkState.DONE.ordinal())
        .thenComparing(UnitWork::deadline, Comparator.nullsLast(Comparator.naturalOrder())));
    return work;
  }

  /** Process instance → the key of one open user task in it. */
  private Map<String, String> openSteps(List<UnitAssignment> mine) {
    String[] instances = mine.stream().filter(a -> a.status() == AssignmentStatus.ACTIVE && a.processInstanceId() != null)
        .map(UnitAssignment::processInstanceId).toArray(String[]::new);
    Map<String, String> steps = new HashMap<>();
    if (instances.length > 0) {
      asSystem.call(() -> taskService.createTaskQuery().processInstanceIdIn(instances).list())
          .forEach(task -> steps.merge(task.getProcessInstanceId(), task.getTaskDefinitionKey(),
              (first, second) -> first.equals(UnitTask.REPORT_PROGRESS) ? second : first));
    }
    return steps;
  }

  private static UnitWorkState state(UnitAssignment assignment, String openStep) {
    if (assignment.status() == AssignmentStatus.COMPLETED) {
      return UnitWorkState.DONE;
    }
    if (assignment.status() == AssignmentStatus.CANCELLED) {
      return UnitWorkState.CANCELLED;
    }
    if (UnitTask.ACCEPT_TASK.equals(openStep)) {
      return UnitWorkState.TO_ACCEPT;
    }
    if (UnitTask.LEAD_REVIEW.equals(openStep) || UnitTask.SIGN_OFF.equals(openStep)) {
      return UnitWorkState.IN_REVIEW;
    }
    return UnitWorkState.IN_PROGRESS;
  }

  /** Every plan, newest first, with its unit tasks counted: done, overdue, due within seven days. */
  private List<PlanStanding> standings() {
    LocalDate today = Deadlines.today();
    return plans.findAll().stream().sorted(Comparator.comparing(PlanSummary::year).reversed()
        .thenComparing(PlanSummary::id, Comparator.reverseOrder())).limit(10)
        .map(plan -> progress.of(plan.id()).map(detail -> standing(detail, today)).orElse(null))
        .filter(Objects::nonNull).toList();
  }

  private static PlanStanding standing(PlanProgress detail, LocalDate today) {
    List<PlanProgress.Row> rows = detail.rows().toList();
    long done = rows.stream().filter(row -> AssignmentStatus.COMPLETED.name().equals(row.unitTask().status())).count();
    long overdue = rows.stream().filter(row -> StatusLight.RED.name().equals(row.unitTask().light())).count();
    long dueSoon = rows.stream().filter(row -> row.unitTask().isActive() && !row.task().deadline().isBefore(today)
        && row.task().deadline().isBefore(today.plusDays(8))).count();
    PlanSummary plan = detail.plan();
    return new PlanStanding(plan.id(), plan.title(), plan.year(), plan.statusLabel(), rows.size(), done, overdue, dueSoon);
  }
}
