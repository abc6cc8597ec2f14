package com.xiezuo.plan.parse;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The unit names a reader already knows (the unit directory's names, aliases and group tokens). A known name is
 * a unit even when its wording fits no rule of the grammar in {@link UnitNames} ("格力电器", "珠海传媒").
 */
public final class Lexicon {

  public static final Lexicon NONE = new Lexicon(Set.of());

  private final Set<String> names;

  private Lexicon(Set<String> names) {
    this.names = names;
  }

  public static Lexicon of(Collection<String> names) {
    return new Lexicon(names.stream().map(Lexicon::compact).filter(name -> !name.isEmpty())
        .collect(Collectors.toUnmodifiableSet()));
  }

  public boolean knows(String name) {
    return !names.isEmpty() && names.contains(compact(name));
  }

  public boolean isEmpty() {
    return names.isEmpty();
  }

  static String compact(String name) {
    return name == null ? "" : NoticeText.cleanLine(name).replaceAll("\\s+", "");
  }
}
