package com.xiezuo.workflow;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Notes that Xiezuo writes on a task for a user after its own check (a leader's instruction, a supervisor's urge on a
 * unit's task): the comment carries that user's name in Tasklist's history, so it cannot be mistaken for a note a unit
 * typed itself. The user may not otherwise comment on the task, hence one engine command of our own.
 */
@Component
public class EngineComments {

  private final ProcessEngineConfigurationImpl configuration;
  private final IdentityService identityService;

  public EngineComments(ProcessEngine engine) {
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.identityService = engine.getIdentityService();
  }

  public void addAs(String userId, String taskId, String processInstanceId, String text) {
    Authentication previous = identityService.getCurrentAuthentication();
    identityService.setAuthentication(userId, List.of());
    try {
      configuration.getCommandExecutorTxRequired().execute(new NoteForUser(taskId, processInstanceId, text));
    } finally {
      if (previous == null) {
        identityService.clearAuthentication();
      } else {
        identityService.setAuthentication(previous);
      }
    }
  }

  private record NoteForUser(String taskId, String processInstanceId, String text) implements Command<Void> {
    @Override
    public Void execute(CommandContext context) {
      new AddCommentCmd(taskId, processInstanceId, text).execute(context);
      return null;
    }
  }
}
