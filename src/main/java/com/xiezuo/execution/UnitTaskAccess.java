package com.xiezuo.execution;

import com.xiezuo.security.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may do what on a unit task page: the unit's own staff record reports, ledger, evidence and milestones; the
 * lead unit reads its co-units' pages; leadership instructs and follows; supervisors urge; coordinators and
 * assessors read all.
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
    Viewer viewer = Viewer.of(user);
    boolean admin = viewer.administrator();
    boolean ownUnit = viewer.memberOf(assignment.unitId());
    boolean leadUnit = viewer.memberOf(routing.leadUnitId(assignment));
    boolean leadership = viewer.leadership();
    boolean supervisor = viewer.supervisor();
    boolean coordinator = viewer.coordinator();
    boolean view = ownUnit || leadUnit || leadership || supervisor || coordinator || viewer.assessor();
    boolean running = assignment.status() == AssignmentStatus.ACTIVE;
    return new Rights(view, running && (ownUnit || admin), running && leadership, running && supervisor, leadership);
  }

  public static void require(boolean allowed, String what) {
    if (!allowed) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "没有权限" + what);
    }
  }
}
