package com.xiezuo.plan.parse;

import java.util.List;

/** The parsed-plan JSON (schema/parsed-plan.schema.json): what the notice parser produces and the importer accepts. */
public record ParsedPlan(String title, Integer year, String issuer, String docNumber, List<ParsedTask> tasks) {

  /** A city plan has about thirty tasks, a province's a few hundred: more is not one plan notice. */
  public static final int MAX_TASKS = 500;

  public ParsedPlan {
    tasks = tasks == null ? List.of() : List.copyOf(tasks);
  }
}
