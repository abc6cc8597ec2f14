package com.xiezuo.directory;

import java.util.List;
import java.util.Set;

/** The Camunda groups that stand for roles (units are groups too, named by unit id). */
public final class Roles {

  public static final String COORDINATORS = "coordinators";
  public static final String LEADERSHIP = "leadership";
  public static final String SUPERVISORS = "supervisors";
  public static final String ASSESSORS = "assessors";
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /** Role groups with their Chinese names, in display order. */
  public static final List<RoleGroup> ROLE_GROUPS = List.of(
      new RoleGroup(COORDINATORS, "协调员（市乡村振兴局）"),
      new RoleGroup(LEADERSHIP, "领导"),
      new RoleGroup(SUPERVISORS, "督查人员"),
      new RoleGroup(ASSESSORS, "考核评审组"));

  public static final String ROLE_GROUP_TYPE = "WORKFLOW";

  /** Roles that look at the whole plan (everyone else is unit staff, who look at their own unit). */
  public static final Set<String> OVERSEEING = Set.of(COORDINATORS, LEADERSHIP, SUPERVISORS, ASSESSORS,
      CAMUNDA_ADMIN);

  public record RoleGroup(String id, String name) {}

  private Roles() {}
}
