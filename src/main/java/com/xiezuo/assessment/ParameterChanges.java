package com.xiezuo.assessment;

import com.xiezuo.plan.PlanRepository;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coordinator's change of the year's parameters, checked whole (each value a number in its range, the grade lines
 * in order) and only until the plan's assessment opens; after that the scores keep the values they were made with.
 */
@Service
public class ParameterChanges {

  static final BigDecimal FULL_MARKS = new BigDecimal("100");

  private final AssessmentParameters parameters;
  private final AssessmentRecords records;
  private final PlanRepository plans;
  private final AssessmentSchedule schedule;

  public ParameterChanges(AssessmentParameters parameters, AssessmentRecords records, PlanRepository plans,
      AssessmentSchedule schedule) {
    this.schedule = schedule;
    this.parameters = parameters;
    this.records = records;
    this.plans = plans;
  }

  /** Whether the parameters may still change: no assessment of the plan has opened. */
  public boolean open(long planId) {
    return records.ofPlan(planId).isEmpty();
  }

  /** Saves the typed values (by variable name); returns how many changed. */
  @Transactional
  public int change(long planId, Map<String, String> typed, String user) {
    if (plans.findSummary(planId).isEmpty()) {
      throw new AssessmentProblemException("没有编号为 " + planId + " 的工作计划");
    }
    if (!open(planId) || schedule.opening(planId)) {
      throw new AssessmentProblemException("本计划的年度考核已经开启，考核参数不能再修改（已计的分保留计分时的参数）");
    }
    Map<AssessmentParameter, BigDecimal> current = parameters.of(planId);
    Map<AssessmentParameter, BigDecimal> wanted = new EnumMap<>(current);
    List<String> problems = new ArrayList<>();
    for (AssessmentParameter parameter : AssessmentParameter.values()) {
      String value = typed.get(parameter.variable());
      if (value == null || value.isBlank()) {
        continue;
      }
      try {
        BigDecimal number = new BigDecimal(value.strip());
        if (number.compareTo(parameter.min()) < 0 || number.compareTo(parameter.max()) > 0
            || number.stripTrailingZeros().scale() > (parameter.whole() ? 0 : 2)) {
          problems.add("“" + parameter.label() + "”应在 " + parameter.min() + " 到 " + parameter.max()
              + " 之间，" + (parameter.whole() ? "为整数" : "最多两位小数") + "（收到“" + value.strip() + "”）");
        } else {
          wanted.put(parameter, number.stripTrailingZeros());
        }
      } catch (NumberFormatException notANumber) {
        problems.add("“" + parameter.label() + "”的值“" + value.strip() + "”不是数字");
      }
    }
    BigDecimal good = wanted.get(AssessmentParameter.GRADE_GOOD);
    BigDecimal fairlyGood = wanted.get(AssessmentParameter.GRADE_FAIRLY_GOOD);
    BigDecimal pass = wanted.get(AssessmentParameter.GRADE_PASS);
    if (problems.isEmpty() && !(good.compareTo(fairlyGood) > 0 && fairlyGood.compareTo(pass) > 0)) {
      problems.add("等次分数线应依次降低：“好”高于“较好”，“较好”高于“一般”");
    }
    BigDecimal full = AssessmentParameter.COMPONENTS.stream().map(wanted::get).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (problems.isEmpty() && full.compareTo(FULL_MARKS) != 0) {
      problems.add("任务完成、按时完成、协议指标、信息报送、督查整改五项分值合计应为 100（现为 "
          + full.stripTrailingZeros().toPlainString() + "）");
    }
    if (!problems.isEmpty()) {
      throw new AssessmentProblemException(problems);
    }
    int changed = 0;
    for (AssessmentParameter parameter : AssessmentParameter.values()) {
      if (wanted.get(parameter).compareTo(current.get(parameter)) != 0) {
        parameters.set(planId, parameter, wanted.get(parameter), user);
        changed++;
      }
    }
    return changed;
  }
}
