package com.xiezuo.plan;

import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;
import static com.xiezuo.workflow.ProcessVariables.PLAN_TITLE;
import static com.xiezuo.workflow.ProcessVariables.PLAN_YEAR;
import static com.xiezuo.workflow.ProcessVariables.TASK_COUNT;

import com.xiezuo.audit.AuditAction;
import com.xiezuo.audit.AuditEntry;
import com.xiezuo.audit.AuditTrail;
import com.xiezuo.directory.DirectorySnapshot;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.plan.parse.DeadlineParser;
import com.xiezuo.plan.parse.NoticeText;
import com.xiezuo.plan.parse.ParsedPlan;
import com.xiezuo.plan.parse.ParsedTask;
import com.xiezuo.workflow.AsSystem;
import com.xiezuo.workflow.ProcessKeys;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a plan all or nothing: every problem is found before anything is written, and the plan's rows and its
 * annualPlan process instance are created in one transaction.
 */
@Service
public class PlanImportService {

  public enum Source { NOTICE, JSON, XLSX }

  /** How a plan arrives: its source, the importing user, whether a re-import is meant as a new version. */
  public record Options(Source source, String user, boolean newVersion, Map<String, Integer> rows) {
    public Options {
      rows = rows == null ? Map.of() : Map.copyOf(rows);
    }
  }

  private final PlanRepository plans;
  private final UnitDirectory directory;
  private final RuntimeService runtimeService;
  private static final Map<Source, String> SOURCES = Map.of(Source.NOTICE, "由通知文本导入", Source.JSON,
      "由 JSON 导入", Source.XLSX, "由任务清单表格导入");

  private final AsSystem asSystem;
  private final AuditTrail audit;

  public PlanImportService(PlanRepository plans, UnitDirectory directory, RuntimeService runtimeService,
      AsSystem asSystem, AuditTrail audit) {
    this.audit = audit;
    this.plans = plans;
    this.directory = directory;
    this.runtimeService = runtimeService;
    this.asSystem = asSystem;
  }

  /** Problems that would refuse this plan (unknown units with suggestions, missing fields …); empty if none. */
  public List<ImportProblem> check(ParsedPlan plan, Map<String, Integer> rows) {
    return PlanValidator.validate(normalized(plan), directory.snapshot(), rows == null ? Map.of() : rows);
  }

  @Transactional
  public PlanSummary importPlan(ParsedPlan parsed, Options options) {
    ParsedPlan plan = normalized(parsed);
    DirectorySnapshot snapshot = directory.snapshot();
    List<ImportProblem> problems = PlanValidator.validate(plan, snapshot, options.rows());
    if (!problems.isEmpty()) {
      throw new PlanImportException(problems, false);
    }
    List<PlanSummary> earlier = plans.versionsOf(plan.issuer().trim(), plan.year());
    if (!earlier.isEmpty() && !options.newVersion()) {
      throw new PlanImportException(List.of(ImportProblem.ofPlan("issuer",
          "已存在" + plan.issuer() + " " + plan.year() + " 年的计划（版本 " + earlier.get(0).version()
              + "）。如需替换，请明确作为新版本导入（newVersion=true）。")), true);
    }
    refuseWhileAVersionRuns(earlier);
    int version = earlier.isEmpty() ? 1 : earlier.get(0).version() + 1;
    long planId;
    try {
      planId = plans.insert(plan, version, options.source().name(), options.user(), snapshot);
    } catch (DuplicateKeyException raced) {
      // another import of the same plan took this version number a moment ago (the unique key decides)
      throw new PlanImportException(List.of(ImportProblem.ofPlan("newVersion", "同一计划（" + plan.issuer() + " "
          + plan.year() + " 年）的版本 " + version + " 刚刚由他人导入：请刷新计划列表，查看后再决定是否导入新版本。")), true);
    }
    if (!earlier.isEmpty()) {
      retire(earlier, version);
    }
    Map<String, Object> variables = new HashMap<>();
    PLAN_ID.put(variables, planId);
    PLAN_TITLE.put(variables, plan.title().trim());
    PLAN_YEAR.put(variables, plan.year());
    TASK_COUNT.put(variables, plan.tasks().size());
    // Xiezuo starts the plan's process itself, after its own checks: users may not start processes in the engine
    String instanceId = asSystem.call(() -> runtimeService.startProcessInstanceByKey(ProcessKeys.ANNUAL_PLAN,
        businessKey(plan.year(), planId), variables).getId());
    plans.setProcessInstance(planId, instanceId);
    audit.record(AuditEntry.of(AuditAction.PLAN_IMPORTED, options.user(), plan.title().trim()).plan(planId)
        .process(instanceId).detail(SOURCES.get(options.source()) + "，" + plan.tasks().size() + " 项任务，版本 " + version
            + (earlier.isEmpty() ? "" : "（新版本，取代版本 " + earlier.get(0).version() + "）")));
    return plans.findSummary(planId).orElseThrow();
  }

  public static String businessKey(int year, long planId) {
    return "plan/" + year + "/" + planId;
  }

  /** Once a version is approved the year's work runs on it: it changes task by task, never by a new version. */
  private static void refuseWhileAVersionRuns(List<PlanSummary> versions) {
    for (PlanSummary earlier : versions) {
      if (earlier.status() == PlanStatus.APPROVED || earlier.status() == PlanStatus.IN_PROGRESS) {
        throw new PlanImportException(List.of(ImportProblem.ofPlan("newVersion",
            earlier.issuer() + " " + earlier.year() + " 年计划版本 " + earlier.version() + " 已批准（当前："
                + earlier.statusLabel() + "），不能再导入新版本；年内的任务调整、延期或取消请在计划页提出变更申请。")), true);
      }
    }
  }

  /** Earlier versions still in review stop there (a running version refuses the import before this). */
  private void retire(List<PlanSummary> versions, int version) {
    for (PlanSummary earlier : versions) {
      if (earlier.status() == PlanStatus.IN_REVIEW && earlier.processInstanceId() != null
          && runtimeService.createProcessInstanceQuery().processInstanceId(earlier.processInstanceId()).count() > 0) {
        asSystem.run(() -> runtimeService.deleteProcessInstance(earlier.processInstanceId(), "被版本 " + version + " 取代"));
      }
    }
    plans.markSuperseded(versions.get(0).issuer(), versions.get(0).year(), version);
  }

  /** Names cleaned the way the parser cleans them, so JSON typed by hand resolves the same way. */
  static ParsedPlan normalized(ParsedPlan plan) {
    List<ParsedTask> tasks = plan.tasks().stream().map(task -> {
      LocalDate deadline = task.deadline();
      boolean yearRound = task.yearRound();
      if (deadline == null && task.deadlineText() != null && plan.year() != null) {
        Optional<DeadlineParser.Deadline> parsed = DeadlineParser.parse(NoticeText.cleanLine(task.deadlineText()), plan.year());
        deadline = parsed.map(DeadlineParser.Deadline::date).orElse(null);
        yearRound = parsed.map(DeadlineParser.Deadline::yearRound).orElse(false);
      }
      boolean noDeadlineGiven = task.deadlineText() == null || task.deadlineText().isBlank();
      if (deadline == null && noDeadlineGiven && plan.year() != null) {
        deadline = LocalDate.of(plan.year(), 12, 31);
      }
      return new ParsedTask(trim(task.number()), trim(task.section()), trim(task.title()), task.content(),
          unitName(task.leadUnit()), task.coUnits().stream().map(PlanImportService::unitName).toList(), deadline,
          trim(task.deadlineText()), yearRound, task.indicators(), task.milestones());
    }).toList();
    return new ParsedPlan(trim(plan.title()), plan.year(), trim(plan.issuer()), trim(plan.docNumber()), tasks);
  }

  private static String unitName(String name) {
    return name == null ? null : DirectorySnapshot.compact(NoticeText.cleanLine(name));
  }

  private static String trim(String value) {
    return value == null ? null : value.trim();
  }
}
