package com.xiezuo.supervision;

/** Where a rectification is read and its evidence uploaded (unit staff and those who oversee). */
public final class RectificationPaths {

  public static final String LIST = "/rectifications";

  private RectificationPaths() {}

  public static String page(long id) {
    return LIST + "/" + id;
  }
}
