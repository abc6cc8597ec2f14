package com.xiezuo.security;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import com.xiezuo.StartupOrder;
import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitDirectory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What each role may see and do in the engine. Units see only their own tasks: that comes from the
 * candidate-group authorizations the engine creates per task, so units get no task-wide grant here.
 */
@Component
@Order(StartupOrder.ACCESS)
public class AccessSetup implements ApplicationRunner {

  public static final String TASKLIST = "tasklist";
  public static final String COCKPIT = "cockpit";
  private static final String ALL = "*";

  private final Grants grants;
  private final UnitDirectory directory;

  public AccessSetup(Grants grants, UnitDirectory directory) {
    this.grants = grants;
    this.directory = directory;
  }

  @Override
  public void run(ApplicationArguments args) {
    grants.toEveryone(GROUP, ALL, READ);
    Roles.ROLE_GROUPS.forEach(role -> grantTasklistUser(role.id()));
    directory.findAll().stream().map(Unit::id).forEach(this::grantTasklistUser);

    grants.toGroup(Roles.COORDINATORS, APPLICATION, COCKPIT, ACCESS);
    grants.toGroup(Roles.COORDINATORS, PROCESS_DEFINITION, ALL,
        READ, CREATE_INSTANCE, READ_INSTANCE, READ_TASK, READ_HISTORY);
    grants.toGroup(Roles.COORDINATORS, PROCESS_INSTANCE, ALL, CREATE, READ);
    grants.toGroup(Roles.COORDINATORS, TASK, ALL, READ);
    grants.toGroup(Roles.COORDINATORS, DECISION_DEFINITION, ALL, READ);
    grants.toGroup(Roles.COORDINATORS, DEPLOYMENT, ALL, READ);

    grants.toGroup(Roles.SUPERVISORS, APPLICATION, COCKPIT, ACCESS);
    grants.toGroup(Roles.SUPERVISORS, PROCESS_DEFINITION, ALL, READ, READ_INSTANCE, READ_TASK, READ_HISTORY);
    grants.toGroup(Roles.SUPERVISORS, PROCESS_INSTANCE, ALL, READ);
    grants.toGroup(Roles.SUPERVISORS, TASK, ALL, READ);

    grants.toGroup(Roles.LEADERSHIP, PROCESS_DEFINITION, ALL, READ, READ_HISTORY);
  }

  /** Tasklist access and the process names it shows; which tasks are visible is decided per task. */
  public void grantTasklistUser(String groupId) {
    grants.toGroup(groupId, APPLICATION, TASKLIST, ACCESS);
    grants.toGroup(groupId, PROCESS_DEFINITION, ALL, READ);
  }
}
