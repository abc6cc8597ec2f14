package com.xiezuo.workflow;

/** Process definition keys, fixed by design.md. */
public final class ProcessKeys {

  public static final String ANNUAL_PLAN = "annualPlan";
  public static final String INDICATOR_DECOMPOSITION = "indicatorDecomposition";
  public static final String UNIT_TASK = "unitTask";
  public static final String SUPERVISION_ROUND = "supervisionRound";
  public static final String ANNUAL_ASSESSMENT = "annualAssessment";

  private ProcessKeys() {}
}
