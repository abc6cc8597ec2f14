package com.xiezuo.demo;

import com.xiezuo.assessment.AssessmentOpened;
import com.xiezuo.workflow.ElementIds;
import com.xiezuo.workflow.ProcessKeys;
import com.xiezuo.workflow.ProcessVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * In the living demo, once the assessment opens (on its date, or early by a coordinator), every unit but 香洲区
 * submits its self-assessment through the real task, as the replay answers the year's other tasks: 香洲区's is left
 * for whoever tries the demo, so the assessment moves on to scoring when they submit it.
 */
@Component
@ConditionalOnProperty(prefix = "xiezuo.demo", name = {"enabled", "living-year"}, havingValue = "true")
class DemoSelfAssessments {

  static final String LEFT_FOR_YOU = "xiangzhou";
  private static final Logger LOG = LoggerFactory.getLogger(DemoSelfAssessments.class);
  private static final String REPORT = "本单位全年对照工作要点逐项推进，协议指标按分解方案落实，按月报送进展，督查发现问题已整改。"
      + "不足是个别任务进度偏慢，明年将加强调度。";

  private final TaskService taskService;
  private final FormService formService;
  private final IdentityService identityService;
  private final SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("demo-self-assessments-");

  DemoSelfAssessments(TaskService taskService, FormService formService, IdentityService identityService) {
    this.taskService = taskService;
    this.formService = formService;
    this.identityService = identityService;
  }

  /** After the opening committed, on a thread of its own: the tasks exist then, and each answer is its own work. */
  @TransactionalEventListener
  void answer(AssessmentOpened opened) {
    executor.execute(() -> answerAll(opened.assessmentId()));
  }

  void answerAll(long assessmentId) {
    List<Task> tasks = taskService.createTaskQuery().processDefinitionKey(ProcessKeys.SELF_ASSESSMENT)
        .taskDefinitionKey(ElementIds.SelfAssessment.SUBMIT)
        .processVariableValueEquals(ProcessVariables.ASSESSMENT_ID.name(), assessmentId).list();
    for (Task task : tasks) {
      String unit = (String) taskService.getVariable(task.getId(), ProcessVariables.UNIT_ID.name());
      if (LEFT_FOR_YOU.equals(unit)) {
        continue;
      }
      try {
        identityService.setAuthentication(unit, List.of(unit));
        taskService.claim(task.getId(), unit);
        formService.submitTaskForm(task.getId(), Map.of(ProcessVariables.SELF_REPORT.name(), REPORT));
      } catch (ProcessEngineException e) {
        LOG.warn("Demo: the self-assessment of {} was not submitted: {}", unit, e.getMessage());
      } finally {
        identityService.clearAuthentication();
      }
    }
    LOG.info("Demo: {} units submitted their self-assessments; {}'s is left for you", tasks.size() - 1, LEFT_FOR_YOU);
  }
}
