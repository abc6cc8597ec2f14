package com.xiezuo.assessment;

import static com.xiezuo.workflow.ProcessVariables.ASSESSMENT_CONFIRMED;
import static com.xiezuo.workflow.ProcessVariables.ASSESSMENT_NOTE;
import static com.xiezuo.workflow.ProcessVariables.EXECUTION_SUMMARY;
import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;

import com.xiezuo.progress.PlanProgress;
import com.xiezuo.progress.PlanProgressQuery;
import com.xiezuo.progress.UnitTaskState;
import com.xiezuo.workflow.FormCheck;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * First version of the annual assessment: the coordinator sees the year's execution figures and opens the
 * assessment. Scoring by DMN, assessor review and the ranking come with the assessment issue.
 */
@Configuration
public class AssessmentKickoff {

  @Bean
  ExecutionListener assessmentStartListener(PlanProgressQuery progress) {
    return execution -> EXECUTION_SUMMARY.set(execution, summary(progress.of(PLAN_ID.get(execution)).orElseThrow()));
  }

  @Bean
  TaskListener assessmentKickoffCheck() {
    return task -> new FormCheck(task)
        .require(Boolean.TRUE.equals(ASSESSMENT_CONFIRMED.get(task)), "assessmentConfirmed", "请确认已核对执行情况")
        .maxLength(ASSESSMENT_NOTE, 5000, "考核安排").done();
  }

  static String summary(PlanProgress plan) {
    List<UnitTaskState> all = plan.rows().map(PlanProgress.Row::unitTask).toList();
    return "单位任务共 " + all.size() + " 项：已办结 " + count(all, "COMPLETED") + " 项，未办结 " + count(all, "ACTIVE")
        + " 项，已取消 " + count(all, "CANCELLED") + " 项；曾逾期 " + all.stream().filter(UnitTaskState::overdue).count()
        + " 项。";
  }

  private static long count(List<UnitTaskState> unitTasks, String status) {
    return unitTasks.stream().filter(state -> status.equals(state.status())).count();
  }
}
