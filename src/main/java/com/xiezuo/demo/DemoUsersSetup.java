package com.xiezuo.demo;

import com.xiezuo.directory.Roles;
import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.workflow.StartupOrder;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo logins, only in the embedded demo (xiezuo.demo.enabled): demo/demo is an administrator and a coordinator;
 * coordinator/coordinator is a coordinator only;
 * leader/leader, supervisor/supervisor, and one user per unit whose name and
 * password are the unit id (e.g. hrss/hrss for 市人力资源和社会保障局). Created once; existing users are kept.
 * Demo passwords are short on purpose and skip the password policy, which applies to every other password.
 */
@Component
@Order(StartupOrder.DEMO_USERS)
@ConditionalOnProperty(name = "xiezuo.demo.enabled", havingValue = "true")
public class DemoUsersSetup implements ApplicationRunner {

  public static final String DEMO = "demo";
  public static final String COORDINATOR = "coordinator";
  public static final String LEADER = "leader";
  public static final String SUPERVISOR = "supervisor";
  public static final String ASSESSOR = "assessor";
  private static final String MAIL_DOMAIN = "@demo.xiezuo.example";

  private final IdentityService identityService;
  private final UnitDirectory directory;

  public DemoUsersSetup(IdentityService identityService, UnitDirectory directory) {
    this.identityService = identityService;
    this.directory = directory;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (identityService.createGroupQuery().groupId(Roles.CAMUNDA_ADMIN).count() == 0) {
      Group administrators = identityService.newGroup(Roles.CAMUNDA_ADMIN);
      administrators.setName("系统管理员");
      administrators.setType(Groups.GROUP_TYPE_SYSTEM);
      identityService.saveGroup(administrators);
    }
    // Chinese names are written without a space; Tasklist puts one between first and last name, so all goes first
    ensureUser(DEMO, "演示协调员", "", DEMO + MAIL_DOMAIN, Roles.CAMUNDA_ADMIN);
    ensureMember(DEMO, Roles.COORDINATORS);
    ensureUser(COORDINATOR, "乡村振兴局协调员", "", COORDINATOR + MAIL_DOMAIN, Roles.COORDINATORS);
    ensureUser(LEADER, "市领导", "", LEADER + MAIL_DOMAIN, Roles.LEADERSHIP);
    ensureUser(SUPERVISOR, "督查专员", "", SUPERVISOR + MAIL_DOMAIN, Roles.SUPERVISORS);
    ensureUser(ASSESSOR, "考核评审员", "", ASSESSOR + MAIL_DOMAIN, Roles.ASSESSORS);
    for (Unit unit : directory.findAll()) {
      String mail = unit.emails().isEmpty() ? unit.id() + MAIL_DOMAIN : unit.emails().get(0);
      ensureUser(unit.id(), unit.name() + "经办人", "", mail, unit.id());
    }
  }

  private void ensureUser(String id, String firstName, String lastName, String email, String groupId) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(email);
      user.setPassword(id);
      ((IdentityServiceImpl) identityService).saveUser(user, true);
    }
    ensureMember(id, groupId);
  }

  private void ensureMember(String userId, String groupId) {
    if (identityService.createUserQuery().userId(userId).count() == 1
        && identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(userId, groupId);
    }
  }
}
