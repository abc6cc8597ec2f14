package com.xiezuo.workflow;

/** Order of the idempotent start-up steps (ApplicationRunners) that prepare a fresh or existing database. */
public final class StartupOrder {

  public static final int DIRECTORY = 10;
  public static final int IDENTITY = 20;
  public static final int ACCESS = 30;
  public static final int FILTERS = 40;
  public static final int DEMO_USERS = 50;
  public static final int DEMO_PLAN = 60;

  private StartupOrder() {}
}
