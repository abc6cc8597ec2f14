package com.xiezuo.workflow;

import static com.xiezuo.workflow.ProcessVariables.APPROVAL_COMMENT;
import static com.xiezuo.workflow.ProcessVariables.APPROVAL_DECISION;
import static com.xiezuo.workflow.ProcessVariables.LEAD_REVIEW_COMMENT;
import static com.xiezuo.workflow.ProcessVariables.LEAD_REVIEW_DECISION;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A decision task that comes round again (after a return and rework) opens with an empty decision, so nobody
 * approves by submitting last round's choice. The comment has been read by the reworker by then.
 */
@Configuration
public class FreshDecisions {

  @Bean
  TaskListener freshApprovalDecision() {
    return task -> {
      APPROVAL_DECISION.set(task.getExecution(), null);
      APPROVAL_COMMENT.set(task.getExecution(), null);
    };
  }

  @Bean
  TaskListener freshLeadReviewDecision() {
    return task -> {
      LEAD_REVIEW_DECISION.set(task.getExecution(), null);
      LEAD_REVIEW_COMMENT.set(task.getExecution(), null);
    };
  }
}
