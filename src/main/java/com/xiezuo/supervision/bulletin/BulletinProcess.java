package com.xiezuo.supervision.bulletin;

import static com.xiezuo.workflow.ProcessVariables.BULLETIN_ID;
import static com.xiezuo.workflow.ProcessVariables.BULLETIN_RETURN_COMMENT;
import static com.xiezuo.workflow.ProcessVariables.BULLETIN_SUMMARY;
import static com.xiezuo.workflow.ProcessVariables.BULLETIN_TITLE;
import static com.xiezuo.workflow.ProcessVariables.ROUND_ID;

import com.xiezuo.workflow.CurrentUser;
import com.xiezuo.workflow.LeaderDecision;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bulletin's steps in the supervision round: thin, each one call into {@link Bulletins}. */
@Configuration
public class BulletinProcess {

  @Bean
  JavaDelegate draftBulletinDelegate(Bulletins bulletins) {
    return execution -> {
      long id = bulletins.draft(ROUND_ID.get(execution));
      BULLETIN_ID.set(execution, id);
      BULLETIN_TITLE.set(execution, bulletins.find(id).orElseThrow().stored().text().title());
    };
  }

  /** The supervisor's edit task done: the bulletin goes to leadership with its figures counted again. */
  @Bean
  TaskListener bulletinSubmission(Bulletins bulletins, CurrentUser currentUser) {
    return task -> {
      Bulletin bulletin = bulletins.submit(BULLETIN_ID.get(task), currentUser.of(task));
      BULLETIN_TITLE.set(task.getExecution(), bulletin.stored().text().title());
      BULLETIN_SUMMARY.set(task.getExecution(), Bulletins.summary(bulletin));
      BULLETIN_RETURN_COMMENT.set(task.getExecution(), null);
    };
  }

  /** After {@code approvalDecisionCheck}: the leader's decision, by the leader who completed the task. */
  @Bean
  TaskListener bulletinSigning(Bulletins bulletins, CurrentUser currentUser) {
    return task -> {
      LeaderDecision decision = LeaderDecision.of(task);
      bulletins.sign(BULLETIN_ID.get(task), decision.approved(), decision.comment(), currentUser.of(task));
      BULLETIN_RETURN_COMMENT.set(task.getExecution(), decision.approved() ? null : decision.comment());
    };
  }

  @Bean
  JavaDelegate publishBulletinDelegate(Bulletins bulletins) {
    return execution -> bulletins.publish(BULLETIN_ID.get(execution));
  }
}
