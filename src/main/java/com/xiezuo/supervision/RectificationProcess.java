package com.xiezuo.supervision;

import static com.xiezuo.workflow.ProcessVariables.RECTIFICATION_ID;
import static com.xiezuo.workflow.ProcessVariables.VERIFY_COMMENT;
import static com.xiezuo.workflow.ProcessVariables.VERIFY_DECISION;

import com.xiezuo.workflow.CommandRefusedException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rectification process's delegates: thin, each one call into {@link RectificationSteps}. */
@Configuration
public class RectificationProcess {

  /** Notices are issued from a round's findings; an instance started any other way would have no notice behind it. */
  @Bean
  ExecutionListener rectificationStartCheck(Rectifications rectifications) {
    return execution -> {
      Long id = RECTIFICATION_ID.get(execution);
      if (id == null || rectifications.findOptional(id).isEmpty()) {
        throw new CommandRefusedException("整改通知只能在督查页面由督查人员下发，不能单独发起流程");
      }
    };
  }

  @Bean
  JavaDelegate sendRectificationNoticeDelegate(RectificationSteps steps) {
    return steps::sendNotice;
  }

  @Bean
  JavaDelegate escalateRectificationDelegate(RectificationSteps steps) {
    return steps::escalate;
  }

  @Bean
  TaskListener rectificationAnswer(RectificationSteps steps) {
    return steps::answer;
  }

  /** A verification comes to the supervisor undecided, whatever the previous round's verdict was. */
  @Bean
  TaskListener rectificationFreshVerdict() {
    return task -> {
      VERIFY_DECISION.set(task.getExecution(), null);
      VERIFY_COMMENT.set(task.getExecution(), null);
    };
  }

  @Bean
  TaskListener rectificationVerification(RectificationSteps steps) {
    return steps::verify;
  }

  @Bean
  TaskListener rectificationExtensionDecision(RectificationSteps steps) {
    return steps::decideExtension;
  }
}
