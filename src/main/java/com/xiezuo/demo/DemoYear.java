package com.xiezuo.demo;

import com.xiezuo.decomposition.Allocations;
import com.xiezuo.directory.Roles;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.mail.MailService;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.PlanStatus;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.plan.intake.NoticeIntake;
import com.xiezuo.plan.parse.ParsedPlan;
import com.xiezuo.workflow.ElementIds;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's year in progress. The seed notice is re-dated to this year and its year so far is worked through the
 * real processes on the engine clock, day by day from the notice's publication to yesterday: the coordinator imports
 * and reviews, the leader returns once and approves, the indicators are split and confirmed, the units accept,
 * report their months and their completions, the lead units and the leader review, supervisors hold their rounds,
 * one deadline is extended. Mails of the replayed days are kept in the outbox as replayed, never sent.
 */
@Component
class DemoYear {

  private static final Logger LOG = LoggerFactory.getLogger(DemoYear.class);
  /** When the seed notice was published in its own year (珠委农组〔2023〕4 号, May 2023). */
  static final MonthDay PUBLISHED = MonthDay.of(5, 10);
  static final String SEED_YEAR_TEXT = "2023";
  static final int MIN_DAYS = 45;
  static final int MAX_DAYS = 100;

  private final NoticeIntake intake;
  private final PlanImportService importer;
  private final PlanRepository plans;
  private final TaskService taskService;
  private final FormService formService;
  private final IdentityService identityService;
  private final UnitAssignments assignments;
  private final Allocations allocations;
  private final DemoLedger ledger;
  private final DemoChange change;
  private final DemoRectification rectification;
  private final DemoBulletin bulletin;
  private final MailService mailService;
  private final DemoClock clock;

  DemoYear(NoticeIntake intake, PlanImportService importer, PlanRepository plans, TaskService taskService,
      FormService formService, IdentityService identityService, UnitAssignments assignments, Allocations allocations,
      DemoLedger ledger, DemoChange change, DemoRectification rectification, DemoBulletin bulletin,
      MailService mailService, DemoClock clock) {
    this.bulletin = bulletin;
    this.intake = intake;
    this.importer = importer;
    this.plans = plans;
    this.taskService = taskService;
    this.formService = formService;
    this.identityService = identityService;
    this.assignments = assignments;
    this.allocations = allocations;
    this.ledger = ledger;
    this.change = change;
    this.rectification = rectification;
    this.mailService = mailService;
    this.clock = clock;
  }

  /** The seed notice as if published this year: its year, document number and dates moved along. */
  ParsedPlan redated(String notice, int year) {
    String text = notice.replace(SEED_YEAR_TEXT + "—2027", year + "—" + (year + 4)).replace(SEED_YEAR_TEXT, String.valueOf(year));
    return intake.read(null, text.getBytes(StandardCharsets.UTF_8), year).plan();
  }

  /**
   * The replay begins on the notice's publication day — earlier in the year when today is close to it, so there is
   * something to see, and at most {@link #MAX_DAYS} days back, so the first start stays near a minute (every day of
   * monthly reports is real engine work). The plan is imported on that day.
   */
  static LocalDate firstDay(LocalDate today) {
    LocalDate published = PUBLISHED.atYear(today.getYear());
    LocalDate start = min(published, today.minusDays(MIN_DAYS));
    start = max(start, today.minusDays(MAX_DAYS));
    start = max(start, LocalDate.of(today.getYear(), 1, 2));
    return min(start, today);
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * Replays this year up to now; returns the plan. With {@code pinned} the engine clock is left standing on
   * {@code today} at 08:00 afterwards (a demo tried on another date, and the tests) instead of going back to real time.
   */
  PlanSummary build(String notice, LocalDate today, boolean pinned) {
    Instant began = Instant.now();
    ParsedPlan parsed = redated(notice, today.getYear());
    PlanSummary[] plan = new PlanSummary[1];
    int[] answered = new int[1];
    mailService.simulating(() -> {
      try {
        LocalDate first = firstDay(today);
        clock.set(first, LocalTime.of(9, 30));
        plan[0] = importer.importPlan(parsed, new PlanImportService.Options(PlanImportService.Source.NOTICE,
            DemoUsersSetup.COORDINATOR, false, null));
        DemoWork work = new DemoWork(today);
        Map<String, DemoWork.Answer> answers = new HashMap<>();
        for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
          clock.set(day, LocalTime.of(9, 0));
          clock.runDueJobs();
          clock.set(day, LocalTime.of(10, 0));
          change.maybePropose(plan[0], first, today, day);
          rectification.maybeIssue(plan[0], today, day);
          answered[0] += workThrough(plan[0], work, answers, day);
          clock.runDueJobs();
          if (day.getDayOfMonth() == 1) {
            LOG.info("Demo year {}: replayed up to {} ({} answers, {} jobs so far)", today.getYear(), day, answered[0],
                clock.jobsRun());
          }
        }
      } finally {
        if (pinned) {
          clock.set(today, LocalTime.of(8, 0));
        } else {
          clock.reset();
        }
      }
      clock.runDueJobs();
    });
    LOG.info("Demo year {}: replayed from {} to {} in {} s — {} answers, {} jobs run ({} not run), plan status {}",
        today.getYear(), firstDay(today), today, Duration.between(began, Instant.now()).toSeconds(), answered[0],
        clock.jobsRun(), clock.jobsFailed(), plans.findSummary(plan[0].id()).map(PlanSummary::statusLabel).orElse("?"));
    return plan[0];
  }

  private int workThrough(PlanSummary plan, DemoWork work, Map<String, DemoWork.Answer> answers, LocalDate day) {
    String prefix = PlanImportService.businessKey(plan.year(), plan.id());
    List<Task> open = taskService.createTaskQuery().processInstanceBusinessKeyLike(prefix + "%")
        .orderByTaskCreateTime().asc().list();
    Map<String, UnitAssignment> unitTasks = new HashMap<>();
    if (plans.findSummary(plan.id()).map(PlanSummary::status).orElse(null) == PlanStatus.IN_PROGRESS) {
      assignments.ofPlan(plan.id()).forEach(assignment -> unitTasks.put(assignment.processInstanceId(), assignment));
    }
    int done = 0;
    Map<Long, Integer> coUnitsStillReporting = new HashMap<>();
    for (Task task : open) {
      UnitAssignment assignment = unitTasks.get(task.getProcessInstanceId());
      if (assignment != null && !assignment.isLead() && ElementIds.UnitTask.REPORT_COMPLETION.equals(
          task.getTaskDefinitionKey())) {
        coUnitsStillReporting.merge(assignment.planTaskId(), 1, Integer::sum);
      }
    }
    for (Task task : open) {
      UnitAssignment assignment = unitTasks.get(task.getProcessInstanceId());
      DemoWork.Answer answer = answerOf(work, answers, task, assignment);
      // the lead consolidates its co-units' figures: it reports once every co-unit has (a lagging one holds it back)
      boolean leadWaits = assignment != null && assignment.isLead()
          && ElementIds.UnitTask.REPORT_COMPLETION.equals(task.getTaskDefinitionKey())
          && coUnitsStillReporting.containsKey(assignment.planTaskId());
      if (!leadWaits && !answer.on().isAfter(day) && submit(plan, task, assignment, answer, day)) {
        done++;
      }
    }
    return done;
  }

  private static DemoWork.Answer answerOf(DemoWork work, Map<String, DemoWork.Answer> answers, Task task,
      UnitAssignment assignment) {
    String key = assignment == null ? task.getId() : assignment.businessKey();
    return answers.computeIfAbsent(task.getId() + "@" + task.getDueDate(),
        k -> Optional.ofNullable(work.answer(task, key)).orElse(new DemoWork.Answer(LocalDate.MAX, Map.of())));
  }

  private boolean submit(PlanSummary plan, Task task, UnitAssignment assignment, DemoWork.Answer answer, LocalDate day) {
    String user = holder(task);
    try {
      switch (task.getTaskDefinitionKey()) {
        case "userTask_proposeAllocation" -> allocations.save(plan.id(), ledger.split(plan.id()), user);
        case "userTask_reportProgress" -> ledger.partly(assignment, user, day);
        case "userTask_reportCompletion" -> ledger.fully(assignment, user, day);
        case ElementIds.SupervisionRound.EDIT_BULLETIN -> bulletin.chooseMentions(task);
        default -> { }
      }
      identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).list().stream()
          .map(Group::getId).toList());
      taskService.claim(task.getId(), user);
      formService.submitTaskForm(task.getId(), answer.fields());
      return true;
    } catch (ProcessEngineException | IllegalArgumentException e) {
      LOG.warn("Demo replay on {}: {} “{}” by {} not answered: {}", day, task.getTaskDefinitionKey(), task.getName(),
          user, e.getMessage());
      return false;
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The demo login that works this task: the unit's own login, or the coordinator, leader or supervisor. */
  private String holder(Task task) {
    String group = taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst().orElse("");
    return switch (group) {
      case Roles.COORDINATORS -> DemoUsersSetup.COORDINATOR;
      case Roles.LEADERSHIP -> DemoUsersSetup.LEADER;
      case Roles.SUPERVISORS -> DemoUsersSetup.SUPERVISOR;
      case Roles.ASSESSORS -> DemoUsersSetup.ASSESSOR;
      default -> group;
    };
  }
}
