package com.xiezuo.directory;

import java.util.List;

/** A collective name printed in plans ("各结对区") and the units it stands for. */
public record UnitGroup(String token, String description, List<String> memberIds) {

  public UnitGroup {
    memberIds = List.copyOf(memberIds);
  }
}
