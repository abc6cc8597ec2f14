package com.xiezuo.supervision;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a unit task's card is decided when a round opens (and again when a finding is dismissed or added by hand):
 * <ol>
 *   <li>a red card a supervisor raised by hand stays until cleared;</li>
 *   <li>red when overdue, or a rectification is overdue;</li>
 *   <li>yellow when any other finding stands;</li>
 *   <li>a red card of the previous round whose reasons are gone steps down to yellow, not straight to green;</li>
 *   <li>yellow near the deadline (in the reminder window);</li>
 *   <li>green otherwise — so a task turns green one round after it caught up.</li>
 * </ol>
 */
public final class CardRule {

  public record Decision(CardColor color, String reason) {}

  static final String MANUAL_RED = "督查人员亮红牌：";

  static final Set<FindingReason> RED_REASONS = EnumSet.of(FindingReason.OVERDUE, FindingReason.RECTIFICATION_OVERDUE);

  private CardRule() {}

  public static Decision decide(CardColor previous, String manualRedReason, List<Finding> findings,
      LocalDate nearDeadline) {
    if (manualRedReason != null) {
      return new Decision(CardColor.RED, MANUAL_RED + manualRedReason);
    }
    List<Finding> red = findings.stream().filter(finding -> RED_REASONS.contains(finding.reason())).toList();
    if (!red.isEmpty()) {
      return new Decision(CardColor.RED, labels(red));
    }
    if (!findings.isEmpty()) {
      return new Decision(CardColor.YELLOW, labels(findings));
    }
    if (previous == CardColor.RED) {
      return new Decision(CardColor.YELLOW, "上轮红牌，逾期事项已消除，降为黄牌；下轮保持正常转为绿牌");
    }
    if (nearDeadline != null) {
      return new Decision(CardColor.YELLOW, "临近截止日期（" + nearDeadline + "）");
    }
    return new Decision(CardColor.GREEN, "按计划推进");
  }

  private static String labels(List<Finding> findings) {
    return findings.stream().map(finding -> finding.reason().label()).distinct().collect(Collectors.joining("、"));
  }
}
