package com.xiezuo.security;

import com.xiezuo.directory.Roles;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The user of a request to Xiezuo's API or pages, with the groups (roles and units) it belongs to. */
public record Viewer(String userId, Set<String> groups) {

  public static Viewer of(Authentication authentication) {
    return new Viewer(authentication.getName(), authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).filter(authority -> authority.startsWith("ROLE_"))
        .map(authority -> authority.substring(5)).collect(Collectors.toUnmodifiableSet()));
  }

  public boolean administrator() {
    return groups.contains(Roles.CAMUNDA_ADMIN);
  }

  public boolean coordinator() {
    return administrator() || groups.contains(Roles.COORDINATORS);
  }

  public boolean leadership() {
    return administrator() || groups.contains(Roles.LEADERSHIP);
  }

  public boolean supervisor() {
    return administrator() || groups.contains(Roles.SUPERVISORS);
  }

  /** The assessment's review: adjustments with reasons and innovation awards with evidence. */
  public boolean assessor() {
    return administrator() || groups.contains(Roles.ASSESSORS);
  }

  /** Coordinators, leadership, supervisors and assessors look at the whole plan; unit staff at their own unit. */
  public boolean seesEveryUnit() {
    return coordinator() || leadership() || supervisor() || assessor();
  }

  public boolean memberOf(String unitId) {
    return groups.contains(unitId);
  }
}
