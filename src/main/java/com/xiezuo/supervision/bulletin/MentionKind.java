package com.xiezuo.supervision.bulletin;

/** A unit named in a bulletin: commended (通报表扬) or criticised (通报批评). */
public enum MentionKind {
  PRAISE("通报表扬"),
  CRITICISM("通报批评");

  private final String label;

  MentionKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
