package com.xiezuo.directory;

import java.util.List;

/**
 * A unit name as printed in a plan, resolved against the directory: one unit, a group token standing for
 * several units, or unknown (with close matches to suggest).
 */
public record UnitRef(String printedName, Kind kind, String unitId, String token, List<String> unitIds,
    List<String> suggestions) {

  public enum Kind { UNIT, GROUP, UNKNOWN }

  public UnitRef {
    unitIds = unitIds == null ? List.of() : List.copyOf(unitIds);
    suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
  }

  public boolean isKnown() {
    return kind != Kind.UNKNOWN;
  }
}
