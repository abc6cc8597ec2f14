package com.xiezuo.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Who is acting inside a listener: the authenticated user (Tasklist, REST, our pages), else the assignee. */
@Component
public class CurrentUser {

  private final IdentityService identityService;
  private final PersonNames personNames;

  public CurrentUser(IdentityService identityService, PersonNames personNames) {
    this.identityService = identityService;
    this.personNames = personNames;
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
    return personNames.label(of(task));
  }
}
