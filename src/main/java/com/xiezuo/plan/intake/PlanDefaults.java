package com.xiezuo.plan.intake;

/** Plan details the user gave with the file; each one given wins over what the file itself says. */
public record PlanDefaults(Integer year, String title, String issuer, String docNumber) {

  public static PlanDefaults year(Integer year) {
    return new PlanDefaults(year, null, null, null);
  }

  static String firstGiven(String given, String fromFile) {
    return given != null && !given.isBlank() ? given.trim() : fromFile;
  }
}
