package com.xiezuo.lifecycle;

import com.xiezuo.decomposition.AllocationEntry;
import com.xiezuo.decomposition.Allocations;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.plan.parse.ParsedIndicator;
import com.xiezuo.plan.parse.ParsedPlan;
import com.xiezuo.plan.parse.ParsedTask;
import com.xiezuo.support.ProcessDriver;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;

/** A small 2023 plan: task 1 with two agreement indicators for the paired districts, task 2 without. */
public final class LifecycleFixture {

  public static final String FUNDS = "财政援助资金投入";
  public static final String SHARE = "产业发展资金比例";

  private LifecycleFixture() {}

  public static ParsedPlan plan(boolean withIndicators) {
    List<ParsedIndicator> indicators = withIndicators ? List.of(
        new ParsedIndicator("保障财政援助资金投入不少于 4.2 亿元", FUNDS, ">=", new BigDecimal("420000000"), "元", null),
        new ParsedIndicator("用于产业发展的资金比例控制在 55%，力争达到 60%", SHARE, ">=", new BigDecimal("55"), "%",
            new BigDecimal("60")))
        : List.of();
    return new ParsedPlan("生命周期测试计划", 2023, "生命周期测试-" + UUID.randomUUID(), null, List.of(
        new ParsedTask("1", "加强组织领导", "保持资金投入", "保障资金投入。", "市财政局", List.of("市乡村振兴局", "各结对区"),
            LocalDate.of(2023, 11, 30), "11 月底前", false, indicators, List.of()),
        new ParsedTask("2", "助力巩固拓展脱贫攻坚成果", "强化劳务协作", "稳岗就业。", "市人社局", List.of("市驻遵义工作组"),
            LocalDate.of(2023, 6, 30), "6 月底前", false, List.of(), List.of())));
  }

  /** Coordinator review and leadership approval of a freshly imported plan, as in Tasklist. */
  public static void approve(TaskService taskService, PlanSummary plan) {
    taskService.complete(taskService.createTaskQuery().processInstanceId(plan.processInstanceId()).singleResult()
        .getId(), Map.of("reviewConfirmed", true));
    taskService.complete(taskService.createTaskQuery().processInstanceId(plan.processInstanceId()).singleResult()
        .getId(), Map.of("approvalDecision", "approve"));
  }

  /** Every unit of the decomposition table confirms its share (each in its own confirmation instance). */
  public static void everyUnitConfirms(TaskService taskService, ProcessDriver driver, PlanSummary plan) {
    taskService.createTaskQuery().taskDefinitionKey("userTask_confirmAllocation")
        .processInstanceBusinessKey(PlanImportService.businessKey(plan.year(), plan.id())).list()
        .forEach(task -> taskService.complete(task.getId(), Map.of("allocationDecision", "confirm")));
    driver.runDueJobs();
  }

  /**
   * From an approved plan to its unit tasks: doumen is given the whole 4.2 亿 of the funds (the other districts none),
   * every unit confirms, leadership signs the table and the plan hands out its tasks.
   */
  public static void decomposeAndHandOut(TaskService taskService, Allocations allocations, ProcessDriver driver,
      PlanSummary plan) {
    decomposeAndHandOut(taskService, allocations, driver, plan, Map.of("doumen", new BigDecimal("420000000")));
  }

  /** The same with the funds shared out as given (unit id → 元). */
  public static void decomposeAndHandOut(TaskService taskService, Allocations allocations, ProcessDriver driver,
      PlanSummary plan, Map<String, BigDecimal> fundsShares) {
    String decomposition = driver.family().stream().filter(id -> !id.equals(plan.processInstanceId())).findFirst()
        .orElseThrow();
    long funds = allocations.indicators(plan.id()).get(0).id();
    allocations.save(plan.id(), fundsShares.entrySet().stream()
        .map(share -> new AllocationEntry(funds, share.getKey(), share.getValue(), "元")).toList(), "coordinator");
    taskService.complete(taskService.createTaskQuery().processInstanceId(decomposition).singleResult().getId(),
        Map.of("allocationReady", true, "allocationRounding", 0));
    everyUnitConfirms(taskService, driver, plan);
    taskService.complete(taskService.createTaskQuery().processInstanceId(decomposition).singleResult().getId(),
        Map.of("approvalDecision", "approve"));
    driver.runDueJobs();
  }

  /** The id of the plan's funds indicator (task 1's 财政援助资金投入). */
  public static long fundsIndicator(Allocations allocations, long planId) {
    return allocations.indicators(planId).stream().filter(row -> row.name().equals(FUNDS)).findFirst().orElseThrow()
        .id();
  }

  public static PlanSummary importPlan(PlanImportService importer, boolean withIndicators) {
    return importer.importPlan(plan(withIndicators),
        new PlanImportService.Options(PlanImportService.Source.JSON, "demo", false, null));
  }
}
