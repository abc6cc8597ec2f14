package com.xiezuo.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;

/** Idempotent grants: adds permissions to a group's (or everyone's) authorization, creating it if needed. */
@Component
public class Grants {

  public static final String ANY = Authorization.ANY;

  private final AuthorizationService authorizationService;

  public Grants(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  public void toGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = groupAuthorization(Authorization.AUTH_TYPE_GRANT, groupId, resource, resourceId);
    Authorization authorization = existing != null ? existing
        : newGroupAuthorization(Authorization.AUTH_TYPE_GRANT, groupId, resource, resourceId);
    save(authorization, existing == null, permissions);
  }

  public void toEveryone(Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GLOBAL)
        .resourceType(resource).resourceId(resourceId).singleResult();
    Authorization authorization = existing != null ? existing
        : authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    if (existing == null) {
      authorization.setUserId(ANY);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    save(authorization, existing == null, permissions);
  }

  /** Takes permissions back from a group's grant (from databases set up by an earlier version). */
  public void revokeFromGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = groupAuthorization(Authorization.AUTH_TYPE_GRANT, groupId, resource, resourceId);
    if (existing == null) {
      return;
    }
    boolean changed = false;
    for (Permission permission : permissions) {
      if (existing.isPermissionGranted(permission)) {
        existing.removePermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(existing);
    }
  }

  /** Keeps a group from what everyone else is granted: a group's revoke outranks the global grant. */
  public void withholdFromGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = groupAuthorization(Authorization.AUTH_TYPE_REVOKE, groupId, resource, resourceId);
    Authorization authorization = existing != null ? existing
        : newGroupAuthorization(Authorization.AUTH_TYPE_REVOKE, groupId, resource, resourceId);
    boolean changed = existing == null;
    for (Permission permission : permissions) {
      if (existing == null || !authorization.isPermissionRevoked(permission)) {
        authorization.removePermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }

  private Authorization groupAuthorization(int type, String groupId, Resource resource, String resourceId) {
    return authorizationService.createAuthorizationQuery().authorizationType(type)
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
  }

  private Authorization newGroupAuthorization(int type, String groupId, Resource resource, String resourceId) {
    Authorization authorization = authorizationService.createNewAuthorization(type);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    return authorization;
  }

  private void save(Authorization authorization, boolean isNew, Permission... permissions) {
    boolean changed = isNew;
    for (Permission permission : permissions) {
      if (isNew || !authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }
}
