package com.xiezuo.workflow;

import org.camunda.bpm.engine.IdentityService;
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
}
