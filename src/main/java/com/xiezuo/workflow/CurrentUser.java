package com.xiezuo.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Who is acting inside a listener: the authenticated user (Tasklist, REST, our pages), else the assignee. */
@Component
public class CurrentUser {

  private final IdentityService identityService;

  public CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String of(DelegateTask task) {
    var authentication = identityService.getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee();
  }

  /** How people read the actor: "市领导（leader）", or the id alone when the user has no name or is not known. */
  public String named(DelegateTask task) {
    String id = of(task);
    if (id == null) {
      return "系统";
    }
    CommandContext context = Context.getCommandContext();
    User user = context == null ? null
        : context.runWithoutAuthorization(() -> identityService.createUserQuery().userId(id).singleResult());
    String name = user == null ? "" : (nullToEmpty(user.getFirstName()) + nullToEmpty(user.getLastName())).strip();
    return name.isEmpty() ? id : name + "（" + id + "）";
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
