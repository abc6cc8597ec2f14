package com.xiezuo.plan.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives every task row its number. Rows without any 序号 are numbered 1, 2, … in order. A 序号 merged down over
 * several rows, or left blank below a numbered row, makes sub-items: 3(1), 3(2). Rows without 序号 under a section
 * row "1 | 组织领导" are its items 1.1, 1.2. Numbers that restart in every section are prefixed by the section's
 * ordinal (2.1), as the notice parser numbers them.
 */
final class TaskNumbering {

  private TaskNumbering() {}

  static List<String> numbers(List<TaskRow> rows, List<IntakeProblem> problems) {
    List<String> numbers = new ArrayList<>();
    if (rows.stream().noneMatch(TaskRow::hasNumber)) {
      for (int i = 0; i < rows.size(); i++) {
        numbers.add(String.valueOf(i + 1));
      }
      return numbers;
    }
    List<List<Integer>> groups = new ArrayList<>();
    List<String> bases = new ArrayList<>();
    List<Boolean> childrenOfSection = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      TaskRow row = rows.get(i);
      TaskRow previous = i == 0 ? null : rows.get(i - 1);
      boolean sameMerge = previous != null && row.numberGroup() >= 0 && row.numberGroup() == previous.numberGroup();
      boolean continues = previous != null && !row.hasNumber() && previous.sectionOrdinal() == row.sectionOrdinal();
      if (sameMerge || (continues && !groups.isEmpty())) {
        groups.get(groups.size() - 1).add(i);
      } else if (row.hasNumber()) {
        groups.add(new ArrayList<>(List.of(i)));
        bases.add(row.number());
        childrenOfSection.add(false);
      } else if (row.sectionNumber() != null) {
        groups.add(new ArrayList<>(List.of(i)));
        bases.add(row.sectionNumber());
        childrenOfSection.add(true);
      } else {
        problems.add(IntakeProblem.atRow(Grid.rowNumber(row.row()), "序号",
            "这一行没有序号，上方也没有可沿用的序号：请填写序号（其他行都有序号）"));
        groups.add(new ArrayList<>(List.of(i)));
        bases.add("");
        childrenOfSection.add(false);
      }
    }
    String[] assigned = new String[rows.size()];
    for (int g = 0; g < groups.size(); g++) {
      List<Integer> group = groups.get(g);
      for (int j = 0; j < group.size(); j++) {
        String base = bases.get(g);
        assigned[group.get(j)] = childrenOfSection.get(g) ? base + "." + (j + 1)
            : group.size() == 1 ? base : base + "(" + (j + 1) + ")";
      }
    }
    return prefixRestartedSections(rows, List.of(assigned));
  }

  /** "1, 2 | 1, 2" in two sections becomes "1.1, 1.2 | 2.1, 2.2"; anything else stays as it is. */
  private static List<String> prefixRestartedSections(List<TaskRow> rows, List<String> numbers) {
    if (new HashSet<>(numbers).size() == numbers.size() || rows.stream().anyMatch(row -> row.sectionOrdinal() == 0)) {
      return numbers;
    }
    Map<Integer, Set<String>> perSection = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      if (!perSection.computeIfAbsent(rows.get(i).sectionOrdinal(), s -> new HashSet<>()).add(numbers.get(i))) {
        return numbers;
      }
    }
    List<String> prefixed = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      prefixed.add(rows.get(i).sectionOrdinal() + "." + numbers.get(i));
    }
    return prefixed;
  }

  /** Rows sharing a number: each after the first is named with the row it repeats. */
  static Map<String, Integer> firstRows(List<TaskRow> rows, List<String> numbers, List<IntakeProblem> doubts) {
    Map<String, Integer> first = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      int row = Grid.rowNumber(rows.get(i).row());
      Integer earlier = first.putIfAbsent(numbers.get(i), row);
      if (earlier != null) {
        doubts.add(new IntakeProblem(numbers.get(i), row, "序号", "序号与第 " + earlier + " 行重复"));
      }
    }
    return first;
  }
}
