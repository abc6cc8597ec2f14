package com.xiezuo.plan.parse;

import java.util.List;

/**
 * How sure intake is of one task it read: {@code confidence} from 0 to 1, and in {@code attention} why a
 * coordinator should look (no units found, no deadline stated, units the directory does not know).
 */
public record TaskReview(double confidence, List<String> attention) {

  public TaskReview {
    attention = attention == null ? List.of() : List.copyOf(attention);
  }

  public boolean flagged() {
    return !attention.isEmpty();
  }
}
