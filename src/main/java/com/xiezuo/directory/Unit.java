package com.xiezuo.directory;

import java.util.List;

/**
 * An organisation that can be responsible for plan tasks; its id is also its Camunda group id. A retired unit stays
 * for the plans that name it but no longer resolves in new ones.
 */
public record Unit(String id, String name, UnitKind kind, String partnerCounty, List<String> emails,
    List<String> aliases, boolean retired) {

  public Unit(String id, String name, UnitKind kind, String partnerCounty, List<String> emails, List<String> aliases) {
    this(id, name, kind, partnerCounty, emails, aliases, false);
  }

  public Unit {
    emails = emails == null ? List.of() : List.copyOf(emails);
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  public boolean isDistrict() {
    return kind == UnitKind.DISTRICT;
  }
}
