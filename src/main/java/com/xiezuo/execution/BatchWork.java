package com.xiezuo.execution;

import static com.xiezuo.workflow.ProcessVariables.APPROVAL_COMMENT;
import static com.xiezuo.workflow.ProcessVariables.APPROVAL_DECISION;
import static com.xiezuo.workflow.ProcessVariables.DEADLINE;
import static com.xiezuo.workflow.ProcessVariables.DECISION_APPROVE;
import static com.xiezuo.workflow.ProcessVariables.PLAN_TITLE;
import static com.xiezuo.workflow.ProcessVariables.TASK_ACCEPTED;
import static com.xiezuo.workflow.ProcessVariables.UNIT_NAME;

import com.xiezuo.workflow.Conflicts;
import com.xiezuo.workflow.Deadlines;
import com.xiezuo.workflow.ElementIds.UnitTask;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Several unit tasks at once, all or nothing: leadership signs off several completions (签批) with one comment or each
 * its own, a unit accepts several tasks (签收). Each step is the engine's own completion as the user, so its rights,
 * form checks and listeners apply as in Tasklist; one refused item rolls every item back.
 */
@Service
public class BatchWork {

  private static final Logger LOG = LoggerFactory.getLogger(BatchWork.class);

  public static final int MAX_ITEMS = 200;
  static final int COMMENT_MAX = 2000;

  /** A task offered for batch work, named as Tasklist names it. */
  public record Item(String taskId, String name, String unitName, String planTitle, LocalDate due, String assignee) {}

  /** What a batch did: one line per completed task, in the order chosen. */
  public record Outcome(List<String> done) {}

  /** A batch refused before or while it ran; nothing of it was applied. */
  public static class BatchRefusedException extends RuntimeException {
    private final HttpStatus status;

    public BatchRefusedException(HttpStatus status, String message) {
      super(message);
      this.status = status;
    }

    public HttpStatus status() {
      return status;
    }
  }

  private final TaskService taskService;

  public BatchWork(TaskService taskService) {
    this.taskService = taskService;
  }

  /** The sign-offs the user may do now (the engine's own query, as the authenticated user). */
  public List<Item> openSignOffs(String userId) {
    return items(UnitTask.SIGN_OFF, userId);
  }

  public List<Item> openAcceptances(String userId) {
    return items(UnitTask.ACCEPT_TASK, userId);
  }

  private List<Item> items(String key, String userId) {
    List<Task> tasks = taskService.createTaskQuery().taskDefinitionKey(key).taskCandidateUser(userId)
        .includeAssignedTasks().active().orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(0, MAX_ITEMS);
    return tasks.stream().map(this::item).toList();
  }

  private Item item(Task task) {
    Map<String, Object> variables = taskService.getVariables(task.getId(),
        List.of(UNIT_NAME.name(), PLAN_TITLE.name(), DEADLINE.name()));
    // a sign-off has no due date of its own: the unit task's deadline is what the leader weighs
    Date due = task.getDueDate() != null ? task.getDueDate() : DEADLINE.get(variables);
    return new Item(task.getId(), task.getName(), UNIT_NAME.get(variables), PLAN_TITLE.get(variables),
        due == null ? null : Deadlines.toLocalDate(due), task.getAssignee());
  }

  /** Approves the chosen sign-offs; each gets its own comment if given, else the common one. */
  @Transactional
  public Outcome signOff(List<String> taskIds, String commonComment, Map<String, String> ownComments, String userId) {
    List<String> chosen = chosen(taskIds, "签批");
    List<String> problems = new ArrayList<>();
    Map<String, String> comments = new HashMap<>();
    for (int i = 0; i < chosen.size(); i++) {
      String own = ownComments.getOrDefault(chosen.get(i), "");
      String comment = own == null || own.isBlank() ? commonComment : own;
      String text = comment == null || comment.isBlank() ? null : comment.strip();
      if (text != null && text.length() > COMMENT_MAX) {
        problems.add("第 " + (i + 1) + " 项的签批意见不能超过 " + COMMENT_MAX + " 字（现为 " + text.length() + " 字）");
      }
      comments.put(chosen.get(i), text);
    }
    if (!problems.isEmpty()) {
      throw new BatchRefusedException(HttpStatus.BAD_REQUEST, "未签批任何一项：" + String.join("；", problems));
    }
    return run(chosen, UnitTask.SIGN_OFF, userId, "签批", id -> {
      Map<String, Object> variables = new HashMap<>();
      APPROVAL_DECISION.put(variables, DECISION_APPROVE);
      APPROVAL_COMMENT.put(variables, comments.get(id));
      return variables;
    });
  }

  @Transactional
  public Outcome accept(List<String> taskIds, String userId) {
    return run(chosen(taskIds, "签收"), UnitTask.ACCEPT_TASK, userId, "签收", id -> {
      Map<String, Object> variables = new HashMap<>();
      TASK_ACCEPTED.put(variables, true);
      return variables;
    });
  }

  /** The chosen task ids, in the order chosen, without repeats. */
  private static List<String> chosen(List<String> taskIds, String what) {
    Set<String> ids = new LinkedHashSet<>(taskIds == null ? List.of() : taskIds);
    if (ids.isEmpty()) {
      throw new BatchRefusedException(HttpStatus.BAD_REQUEST, "请至少勾选一项要" + what + "的任务");
    }
    if (ids.size() > MAX_ITEMS) {
      throw new BatchRefusedException(HttpStatus.BAD_REQUEST, "一次最多" + what + " " + MAX_ITEMS + " 项");
    }
    return List.copyOf(ids);
  }

  /**
   * Each item in turn, checked at the moment it is done (still open for this user, not claimed by another), then
   * claimed and completed; the first refusal rolls back the ones before it.
   */
  private Outcome run(List<String> ids, String key, String userId, String what,
      Function<String, Map<String, Object>> variables) {
    List<String> done = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      int position = i + 1;
      Item item = open(id, key, userId).orElseThrow(() -> new BatchRefusedException(HttpStatus.CONFLICT,
          "未" + what + "任何一项：第 " + position + " 项已不在您的待" + what
              + "任务中（可能已由他人办理或已撤销），请刷新后重新勾选"));
      if (item.assignee() != null && !item.assignee().equals(userId)) {
        throw refused(HttpStatus.CONFLICT, what, i, item, "已由 " + item.assignee() + " 认领");
      }
      try {
        if (item.assignee() == null) {
          taskService.claim(id, userId);
        }
        taskService.complete(id, variables.apply(id));
      } catch (OptimisticLockingException e) {
        throw refused(HttpStatus.CONFLICT, what, i, item, "同时已由他人办理，请刷新后重试");
      } catch (AuthorizationException e) {
        throw refused(HttpStatus.FORBIDDEN, what, i, item, e.getMessage());
      } catch (ProcessEngineException e) {
        if (Conflicts.isConcurrentChange(e) || !open(id, key, userId).isPresent()) {
          throw refused(HttpStatus.CONFLICT, what, i, item, "同时已由他人办理，请刷新后重试");
        }
        LOG.warn("Batch {} of task {} refused by the engine: {}", what, id, e.getMessage());
        throw refused(HttpStatus.CONFLICT, what, i, item, "系统未能办理此项，请刷新后重试；如反复出现，请联系系统管理员");
      }
      boolean named = item.unitName() == null || item.name().contains(item.unitName());
      done.add(item.name() + (named ? "" : "（" + item.unitName() + "）"));
    }
    return new Outcome(done);
  }

  private Optional<Item> open(String taskId, String key, String userId) {
    return Optional.ofNullable(taskService.createTaskQuery().taskId(taskId).taskDefinitionKey(key)
        .taskCandidateUser(userId).includeAssignedTasks().active().singleResult()).map(this::item);
  }

  private static BatchRefusedException refused(HttpStatus status, String what, int index, Item item, String why) {
    return new BatchRefusedException(status, "未" + what + "任何一项：第 " + (index + 1) + " 项（" + item.name() + "）未能"
        + what + "：" + why);
  }
}
