package com.xiezuo.demo;

import static com.xiezuo.workflow.ProcessVariables.PLAN_TITLE;
import static com.xiezuo.workflow.ProcessVariables.PLAN_YEAR;
import static com.xiezuo.workflow.ProcessVariables.TASK_COUNT;

import com.xiezuo.StartupOrder;
import com.xiezuo.workflow.ProcessKeys;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Starts the Zhuhai 2023 seed plan once, so a fresh demo shows the plan-review task. */
@Component
@Order(StartupOrder.DEMO_PLAN)
@ConditionalOnProperty(name = "xiezuo.demo.enabled", havingValue = "true")
public class DemoPlanSetup implements ApplicationRunner {

  public static final String SEED_BUSINESS_KEY = "plan/2023";

  private final RuntimeService runtimeService;
  private final HistoryService historyService;

  public DemoPlanSetup(RuntimeService runtimeService, HistoryService historyService) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
  }

  @Override
  public void run(ApplicationArguments args) {
    boolean started = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.ANNUAL_PLAN).processInstanceBusinessKey(SEED_BUSINESS_KEY).count() > 0;
    if (started) {
      return;
    }
    Map<String, Object> variables = new HashMap<>();
    PLAN_TITLE.put(variables, "珠海市 2023 年东西部协作工作要点");
    PLAN_YEAR.put(variables, 2023);
    TASK_COUNT.put(variables, 32);
    runtimeService.startProcessInstanceByKey(ProcessKeys.ANNUAL_PLAN, SEED_BUSINESS_KEY, variables);
  }
}
