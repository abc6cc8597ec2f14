package com.xiezuo.supervision;

import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;
import static com.xiezuo.workflow.ProcessVariables.ROUND_ID;
import static com.xiezuo.workflow.ProcessVariables.SUPERVISION_FINDINGS;

import com.xiezuo.workflow.FormCheck;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The supervision round's delegates: thin, each one call into {@link SupervisionRounds}. */
@Configuration
public class SupervisionRound {

  static final int CONCLUSION_MAX = 5000;

  /** annualPlan, on its cycle: opens the next round without waiting for the previous one to be finished. */
  @Bean
  JavaDelegate openSupervisionRoundDelegate(SupervisionRounds rounds) {
    return execution -> rounds.start(PLAN_ID.get(execution), RoundKind.CYCLE, List.of(), null);
  }

  @Bean
  ExecutionListener supervisionRoundOpening(SupervisionRounds rounds) {
    return rounds::adopt;
  }

  @Bean
  TaskListener supervisionReviewDone(SupervisionRounds rounds) {
    return task -> {
      String conclusion = SUPERVISION_FINDINGS.get(task);
      new FormCheck(task)
          .require(conclusion != null && !conclusion.isBlank(), SUPERVISION_FINDINGS.name(), "请填写本轮督查意见")
          .maxLength(SUPERVISION_FINDINGS, CONCLUSION_MAX, "督查意见").done();
      rounds.close(ROUND_ID.get(task), conclusion.strip());
    };
  }
}
