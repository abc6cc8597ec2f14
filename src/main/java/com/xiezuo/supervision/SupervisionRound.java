package com.xiezuo.supervision;

import static com.xiezuo.workflow.ProcessVariables.AT_RISK_SUMMARY;
import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;
import static com.xiezuo.workflow.ProcessVariables.SUPERVISION_FINDINGS;

import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.progress.PlanProgress;
import com.xiezuo.progress.PlanProgressQuery;
import com.xiezuo.workflow.Deadlines;
import com.xiezuo.workflow.FormCheck;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * First version of a supervision round: the supervisor sees the unit tasks at risk (overdue, or due within 14 days
 * and not done) and records findings. Rectification notices and bulletins come with the supervision issue.
 */
@Configuration
public class SupervisionRound {

  static final int DUE_SOON_DAYS = 14;
  static final int MAX_LINES = 60;

  @Bean
  ExecutionListener supervisionRoundStartListener(PlanProgressQuery progress, UnitDirectory directory) {
    return execution -> AT_RISK_SUMMARY.set(execution,
        atRisk(progress.of(PLAN_ID.get(execution)).orElseThrow(), directory));
  }

  @Bean
  TaskListener supervisionReviewCheck() {
    return task -> {
      String findings = SUPERVISION_FINDINGS.get(task);
      new FormCheck(task)
          .require(findings != null && !findings.isBlank(), "supervisionFindings", "请填写本轮督查发现")
          .maxLength(SUPERVISION_FINDINGS, 5000, "督查发现").done();
    };
  }

  static String atRisk(PlanProgress plan, UnitDirectory directory) {
    Map<String, String> names = directory.findAll().stream().collect(Collectors.toMap(Unit::id, Unit::name));
    LocalDate today = Deadlines.today();
    LocalDate horizon = today.plusDays(DUE_SOON_DAYS);
    List<String> lines = plan.rows()
        .filter(row -> row.unitTask().isActive() && !row.task().deadline().isAfter(horizon))
        .sorted(Comparator.comparing(row -> row.task().deadline()))
        .map(row -> {
          LocalDate deadline = row.task().deadline();
          long days = ChronoUnit.DAYS.between(today, deadline);
          String state = days < 0 ? "已逾期 " + (-days) + " 天" : days == 0 ? "今天到期" : days + " 天后到期";
          String unit = row.unitTask().unitId();
          return "任务 " + row.task().number() + "《" + row.task().title() + "》 " + names.getOrDefault(unit, unit)
              + (row.unitTask().isLead() ? "（牵头）" : "") + "：" + state + "（" + deadline + "）";
        })
        .toList();
    if (lines.isEmpty()) {
      return "截至 " + today + "，没有逾期或 " + DUE_SOON_DAYS + " 天内到期的未办结任务。";
    }
    String head = "截至 " + today + "，逾期或 " + DUE_SOON_DAYS + " 天内到期的未办结任务共 " + lines.size() + " 项：\n";
    return head + String.join("\n", lines.subList(0, Math.min(MAX_LINES, lines.size())))
        + (lines.size() > MAX_LINES ? "\n……（其余 " + (lines.size() - MAX_LINES) + " 项见监控中心）" : "");
  }
}
