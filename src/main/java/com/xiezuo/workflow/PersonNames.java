package com.xiezuo.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * How people read an actor kept as a user id: "市领导（leader）", or the id alone when the user has no name or is no
 * longer known. Pages use it as {@code @personNames.label(id)}; a unit user may not read the user directory, yet
 * may read who wrote what on its own task, so the lookup runs without authorization.
 */
@Component
public class PersonNames {

  public static final String SYSTEM = "系统";

  private final IdentityService identityService;
  private final ProcessEngineConfigurationImpl configuration;

  public PersonNames(IdentityService identityService, ProcessEngineConfigurationImpl configuration) {
    this.identityService = identityService;
    this.configuration = configuration;
  }

  public String label(String userId) {
    if (userId == null || userId.isBlank()) {
      return SYSTEM;
    }
    CommandContext current = Context.getCommandContext();
    User user = current != null ? find(current, userId)
        : configuration.getCommandExecutorTxRequired().execute(context -> find(context, userId));
    String name = user == null ? "" : (nullToEmpty(user.getFirstName()) + nullToEmpty(user.getLastName())).strip();
    return name.isEmpty() ? userId : name + "（" + userId + "）";
  }

  private User find(CommandContext context, String userId) {
    return context.runWithoutAuthorization(() -> identityService.createUserQuery().userId(userId).singleResult());
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
