package com.xiezuo.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The directory read once, for resolving many printed names: exact names and aliases, group tokens, and close
 * matches for what is unknown ("市人设局" ≈ 市人社局, "市人社局" ≈ 市人力资源和社会保障局).
 */
public final class DirectorySnapshot {

  private static final double MIN_SUGGESTION_SCORE = 0.6;
  private static final int MAX_SUGGESTIONS = 3;

  private final Map<String, Unit> unitsById = new LinkedHashMap<>();
  private final Map<String, Unit> unitsByName = new HashMap<>();
  private final Map<String, UnitGroup> groupsByToken = new HashMap<>();

  public DirectorySnapshot(List<Unit> units, List<UnitGroup> groups) {
    for (Unit unit : units) {
      unitsById.put(unit.id(), unit);
      if (!unit.retired()) {
        unitsByName.put(compact(unit.name()), unit);
        unit.aliases().forEach(alias -> unitsByName.putIfAbsent(compact(alias), unit));
      }
    }
    groups.forEach(group -> groupsByToken.put(compact(group.token()), group));
  }

  public static String compact(String name) {
    return name == null ? "" : name.replaceAll("\\s+", "").replace('(', '（').replace(')', '）');
  }

  public Optional<Unit> unit(String id) {
    return Optional.ofNullable(unitsById.get(id));
  }

  public List<Unit> units() {
    return List.copyOf(unitsById.values());
  }

  /** Every name a notice may use for a known unit or group: names and aliases of units in service, group tokens. */
  public List<String> knownNames() {
    List<String> names = new ArrayList<>(unitsByName.keySet());
    names.addAll(groupsByToken.keySet());
    return names;
  }

  /** The retired unit a printed name (or alias) belonged to, if any: restored, it would be known again. */
  public Optional<Unit> retiredNamed(String printedName) {
    String key = compact(printedName);
    return unitsById.values().stream().filter(Unit::retired)
        .filter(unit -> compact(unit.name()).equals(key) || unit.aliases().stream().anyMatch(a -> compact(a).equals(key)))
        .findFirst();
  }

  public UnitRef resolve(String printedName) {
    String key = compact(printedName);
    Unit unit = unitsByName.get(key);
    if (unit != null) {
      return new UnitRef(printedName, UnitRef.Kind.UNIT, unit.id(), null, List.of(unit.id()), List.of());
    }
    UnitGroup group = groupsByToken.get(key);
    if (group != null) {
      return new UnitRef(printedName, UnitRef.Kind.GROUP, null, group.token(), group.memberIds(), List.of());
    }
    return new UnitRef(printedName, UnitRef.Kind.UNKNOWN, null, null, List.of(), suggest(key));
  }

  /** Display names of close matches, best first ("市人力资源和社会保障局（市人社局）" when it matched the alias). */
  List<String> suggest(String key) {
    record Candidate(String label, String display, double score) {}
    List<Candidate> candidates = new ArrayList<>();
    for (Unit unit : unitsById.values()) {
      if (unit.retired()) {
        continue;
      }
      candidates.add(new Candidate(unit.name(), unit.name(), score(key, compact(unit.name()))));
      for (String alias : unit.aliases()) {
        candidates.add(new Candidate(alias, unit.name() + "（" + alias + "）", score(key, compact(alias))));
      }
    }
    groupsByToken.values().forEach(group ->
        candidates.add(new Candidate(group.token(), group.token(), score(key, compact(group.token())))));
    List<String> suggestions = new ArrayList<>();
    candidates.stream().filter(c -> c.score() >= MIN_SUGGESTION_SCORE)
        .sorted(Comparator.comparingDouble(Candidate::score).reversed())
        .map(Candidate::display)
        .filter(display -> suggestions.stream().noneMatch(s -> s.replaceAll("（[^（）]*）$", "").equals(display.replaceAll("（[^（）]*）$", ""))))
        .limit(MAX_SUGGESTIONS)
        .forEach(suggestions::add);
    return suggestions;
  }

  static double score(String unknown, String candidate) {
    if (unknown.isEmpty() || candidate.isEmpty()) {
      return 0;
    }
    if (unknown.length() >= 3 && (candidate.contains(unknown) || unknown.contains(candidate))) {
      return 0.9;
    }
    if (unknown.charAt(0) == candidate.charAt(0)
        && unknown.charAt(unknown.length() - 1) == candidate.charAt(candidate.length() - 1)
        && isSubsequence(unknown, candidate) && unknown.length() >= 3) {
      return 0.85;
    }
    int distance = levenshtein(unknown, candidate);
    return 1.0 - (double) distance / Math.max(unknown.length(), candidate.length());
  }

  private static boolean isSubsequence(String shorter, String longer) {
    int i = 0;
    for (int j = 0; j < longer.length() && i < shorter.length(); j++) {
      if (shorter.charAt(i) == longer.charAt(j)) {
        i++;
      }
    }
    return i == shorter.length();
  }

  private static int levenshtein(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
