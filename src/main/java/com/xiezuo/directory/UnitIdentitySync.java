package com.xiezuo.directory;

import com.xiezuo.workflow.StartupOrder;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Keeps one Camunda group per unit (same id, Chinese name) and the role groups. */
@Component
@Order(StartupOrder.IDENTITY)
public class UnitIdentitySync implements ApplicationRunner {

  public static final String UNIT_GROUP_TYPE = "UNIT";

  private final UnitDirectory directory;
  private final IdentityService identityService;

  public UnitIdentitySync(UnitDirectory directory, IdentityService identityService) {
    this.directory = directory;
    this.identityService = identityService;
  }

  @Override
  public void run(ApplicationArguments args) {
    Roles.ROLE_GROUPS.forEach(role -> ensureGroup(role.id(), role.name(), Roles.ROLE_GROUP_TYPE));
    directory.findAll().forEach(this::sync);
  }

  public void sync(Unit unit) {
    ensureGroup(unit.id(), unit.name(), UNIT_GROUP_TYPE);
  }

  private void ensureGroup(String id, String name, String type) {
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identityService.newGroup(id);
    } else if (name.equals(group.getName()) && type.equals(group.getType())) {
      return;
    }
    group.setName(name);
    group.setType(type);
    identityService.saveGroup(group);
  }
}
