package com.xiezuo.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The year's assessment parameters: what each component is worth, what each shortcoming deducts, the caps and the
 * grade lines. Names are the DMN's variable names; a coordinator sets the values per plan before the assessment
 * opens, and every result keeps the values it was scored with.
 */
public enum AssessmentParameter {
  CO_TASK_WEIGHT("coTaskWeight", "配合任务权重（牵头任务计 1）", "0.5", "0", "1"),
  COMPLETION_POINTS("completionPoints", "任务完成情况分值", "40", "0", "100"),
  ON_TIME_POINTS("onTimePoints", "按时完成情况分值", "20", "0", "100"),
  LATE_TASK_DEDUCTION("lateTaskDeduction", "每项逾期或超期完成扣分", "4", "0", "100"),
  INDICATOR_POINTS("indicatorPoints", "协议指标完成情况分值", "20", "0", "100"),
  REPORTING_POINTS("reportingPoints", "信息报送分值", "10", "0", "100"),
  MISSING_REPORT_DEDUCTION("missingReportDeduction", "每期缺报扣分", "1", "0", "100"),
  EMPTY_REPORT_DEDUCTION("emptyReportDeduction", "每期空报扣分", "0.5", "0", "100"),
  LATE_REPORT_DEDUCTION("lateReportDeduction", "每期迟报扣分", "0.5", "0", "100"),
  EMPTY_REPORT_CHARS("emptyReportChars", "进展报告少于多少字算空报", "20", "0", "1000"),
  SUPERVISION_POINTS("supervisionPoints", "督查整改分值", "10", "0", "100"),
  RECTIFICATION_OVERDUE_DEDUCTION("rectificationOverdueDeduction", "每份整改通知逾期扣分", "2", "0", "100"),
  RED_CARD_DEDUCTION("redCardDeduction", "每张红牌扣分", "2", "0", "100"),
  YELLOW_PAIR_DEDUCTION("yellowPairDeduction", "每两张黄牌扣分", "1", "0", "100"),
  STRETCH_BONUS("stretchBonus", "每达到一项力争目标加分", "1", "0", "100"),
  PRAISE_BONUS("praiseBonus", "每次通报表扬加分", "1", "0", "100"),
  PRAISE_CAP("praiseCap", "通报表扬加分上限", "3", "0", "100"),
  INNOVATION_CAP("innovationCap", "工作创新加分上限", "10", "0", "100"),
  ADJUSTMENT_CAP("adjustmentCap", "评审调整累计上限（正负）", "10", "0", "100"),
  CRITICISM_DEDUCTION("criticismDeduction", "每次通报批评扣分", "2", "0", "100"),
  GRADE_GOOD("gradeGood", "“好”的分数线", "90", "0", "200"),
  GRADE_FAIRLY_GOOD("gradeFairlyGood", "“较好”的分数线", "80", "0", "200"),
  GRADE_PASS("gradePass", "“一般”的分数线（低于为“较差”）", "60", "0", "200");

  /** The five components' points; they make the full marks (100) before bonuses and deductions. */
  public static final List<AssessmentParameter> COMPONENTS = List.of(COMPLETION_POINTS, ON_TIME_POINTS,
      INDICATOR_POINTS, REPORTING_POINTS, SUPERVISION_POINTS);

  private final String variable;
  private final String label;
  private final BigDecimal defaultValue;
  private final BigDecimal min;
  private final BigDecimal max;

  AssessmentParameter(String variable, String label, String defaultValue, String min, String max) {
    this.variable = variable;
    this.label = label;
    this.defaultValue = new BigDecimal(defaultValue);
    this.min = new BigDecimal(min);
    this.max = new BigDecimal(max);
  }

  public String variable() {
    return variable;
  }

  public String label() {
    return label;
  }

  public BigDecimal defaultValue() {
    return defaultValue;
  }

  public BigDecimal min() {
    return min;
  }

  public BigDecimal max() {
    return max;
  }

  /** A result's stored parameters ("variable=value; …") in words: "配合任务权重（牵头任务计 1）0.5；…". */
  public static String describe(String stored) {
    if (stored == null || stored.isBlank()) {
      return "";
    }
    List<String> described = new ArrayList<>();
    for (String pair : stored.split(";\\s*")) {
      String name = pair.substring(0, Math.max(0, pair.indexOf('=')));
      String label = Arrays.stream(values()).filter(parameter -> parameter.variable.equals(name))
          .map(AssessmentParameter::label).findFirst().orElse(name);
      described.add(label + " " + pair.substring(pair.indexOf('=') + 1));
    }
    return String.join("；", described);
  }

  /** A count (of characters), not a number of points. */
  public boolean whole() {
    return this == EMPTY_REPORT_CHARS;
  }
}
