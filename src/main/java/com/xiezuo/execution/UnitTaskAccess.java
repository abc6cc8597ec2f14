package com.xiezuo.execution;

import com.xiezuo.security.Roles;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may do what on a unit task page: the unit's own staff record reports, ledger, evidence and milestones; the
 * lead unit reads its co-units' pages; leadership instructs and follows; supervisors urge; coordinators read all.
 * A finished or cancelled task is read-only for everyone.
 */
@Component
public class UnitTaskAccess {

  private final UnitTaskRouting routing;

  public UnitTaskAccess(UnitTaskRouting routing) {
    this.routing = routing;
  }

  public record Rights(boolean view, boolean work, boolean instruct, boolean urge, boolean follow) {}

  public Rights of(Authentication user, UnitAssignment assignment) {
    Set<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
    boolean admin = groups.contains(Roles.CAMUNDA_ADMIN);
    boolean ownUnit = groups.contains(assignment.unitId());
    boolean leadUnit = groups.contains(routing.leadUnitId(assignment));
    boolean leadership = admin || groups.contains(Roles.LEADERSHIP);
    boolean supervisor = admin || groups.contains(Roles.SUPERVISORS);
    boolean coordinator = admin || groups.contains(Roles.COORDINATORS);
    boolean view = ownUnit || leadUnit || leadership || supervisor || coordinator;
    boolean running = assignment.status() == AssignmentStatus.ACTIVE;
    return new Rights(view, running && (ownUnit || admin), running && leadership, running && supervisor, leadership);
  }

  public static void require(boolean allowed, String what) {
    if (!allowed) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "没有权限" + what);
    }
  }
}
