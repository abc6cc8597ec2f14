package com.xiezuo.execution;

import static com.xiezuo.workflow.ProcessVariables.COMPLETION_SUMMARY;
import static com.xiezuo.workflow.ProcessVariables.TASK_ACCEPTED;

import com.xiezuo.workflow.FormCheck;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Server-side checks of the unit task forms (签收, 完成情况). */
@Configuration
public class UnitTaskChecks {

  @Bean
  TaskListener unitTaskAcceptCheck() {
    return task -> new FormCheck(task)
        .require(Boolean.TRUE.equals(TASK_ACCEPTED.get(task)), "taskAccepted", "请勾选“本单位已签收该任务”")
        .done();
  }

  @Bean
  TaskListener unitTaskCompletionCheck() {
    return task -> {
      String summary = COMPLETION_SUMMARY.get(task);
      new FormCheck(task)
          .require(summary != null && summary.trim().length() >= 10, "completionSummary", "请填写完成情况（不少于 10 字）")
          .maxLength(COMPLETION_SUMMARY, 5000, "完成情况")
          .done();
    };
  }
}
