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

import com.xiezuo.directory.Roles;
import com.xiezuo.directory.DirectoryEditor;
import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.workflow.ProcessKeys;
import com.xiezuo.workflow.StartupOrder;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What each role may see and do in the engine. Units see only their own tasks: that comes from the
 * candidate-group authorizations the engine creates per task, so units get no task-wide grant here. What even a
 * permitted user may not do with a task (write variables, move it, end it by a BPMN error …) is the
 * {@link UserCommandGuard}'s rule.
 */
@Component
@Order(StartupOrder.ACCESS)
public class AccessSetup implements ApplicationRunner {

  public static final String TASKLIST = "tasklist";
  public static final String COCKPIT = "cockpit";
  private static final String ALL = "*";
  private static final List<String> SUPERVISED = List.of(ProcessKeys.ANNUAL_PLAN, ProcessKeys.UNIT_TASK,
      ProcessKeys.SUPERVISION_ROUND, ProcessKeys.RECTIFICATION, ProcessKeys.ANNUAL_ASSESSMENT);
  private static final List<String> ASSESSED = List.of(ProcessKeys.ANNUAL_ASSESSMENT, ProcessKeys.SELF_ASSESSMENT);

  private final Grants grants;
  private final UnitDirectory directory;

  public AccessSetup(Grants grants, UnitDirectory directory) {
    this.grants = grants;
    this.directory = directory;
  }

  @Override
  public void run(ApplicationArguments args) {
    // administrators may do everything, as Camunda's own admin-user setup grants (which only the prod profile uses)
    for (Resources resource : Resources.values()) {
      grants.toGroup(Roles.CAMUNDA_ADMIN, resource, ALL, Permissions.ALL);
    }
    grants.toEveryone(GROUP, ALL, READ);
    Roles.ROLE_GROUPS.forEach(role -> grantTasklistUser(role.id()));
    directory.findAll().stream().map(Unit::id).forEach(this::grantTasklistUser);

    grants.toGroup(Roles.COORDINATORS, APPLICATION, COCKPIT, ACCESS);
    grants.toGroup(Roles.COORDINATORS, PROCESS_DEFINITION, ALL, READ, READ_INSTANCE, READ_TASK, READ_HISTORY);
    grants.toGroup(Roles.COORDINATORS, PROCESS_INSTANCE, ALL, READ);
    // processes are started by Xiezuo itself after checking the plan's state, never by a user in the engine
    grants.revokeFromGroup(Roles.COORDINATORS, PROCESS_DEFINITION, ALL, CREATE_INSTANCE);
    grants.revokeFromGroup(Roles.COORDINATORS, PROCESS_INSTANCE, ALL, CREATE);
    grants.toGroup(Roles.COORDINATORS, TASK, ALL, READ);
    grants.toGroup(Roles.COORDINATORS, DECISION_DEFINITION, ALL, READ);
    grants.toGroup(Roles.COORDINATORS, DEPLOYMENT, ALL, READ);

    grants.toGroup(Roles.SUPERVISORS, APPLICATION, COCKPIT, ACCESS);
    // supervisors follow the plan, its unit tasks, rounds and assessment; the decomposition and each unit's answer
    // to it stay between that unit, the coordinators and leadership until the table is signed
    grants.toGroup(Roles.SUPERVISORS, PROCESS_DEFINITION, ALL, READ);
    SUPERVISED.forEach(key -> grants.toGroup(Roles.SUPERVISORS, PROCESS_DEFINITION, key, READ_INSTANCE, READ_TASK,
        READ_HISTORY));
    grants.revokeFromGroup(Roles.SUPERVISORS, PROCESS_DEFINITION, ALL, READ_INSTANCE, READ_TASK, READ_HISTORY);
    grants.revokeFromGroup(Roles.SUPERVISORS, PROCESS_INSTANCE, ALL, READ);
    grants.revokeFromGroup(Roles.SUPERVISORS, TASK, ALL, READ);

    grants.toGroup(Roles.LEADERSHIP, PROCESS_DEFINITION, ALL, READ, READ_INSTANCE, READ_TASK, READ_HISTORY);

    // assessors follow the assessment and the units' self-assessments; the year's records they read on Xiezuo's pages
    ASSESSED.forEach(key -> grants.toGroup(Roles.ASSESSORS, PROCESS_DEFINITION, key, READ_INSTANCE, READ_TASK,
        READ_HISTORY));
  }

  /** A unit added in the app works in Tasklist like every other. */
  @EventListener
  public void onUnitAdded(DirectoryEditor.UnitAdded added) {
    grantTasklistUser(added.unitId());
  }

  /** Tasklist access and the process names it shows; which tasks are visible is decided per task. */
  public void grantTasklistUser(String groupId) {
    grants.toGroup(groupId, APPLICATION, TASKLIST, ACCESS);
    grants.toGroup(groupId, PROCESS_DEFINITION, ALL, READ);
  }
}
