package com.xiezuo.supervision;

import static com.xiezuo.workflow.ProcessVariables.AT_RISK_SUMMARY;
import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;
import static com.xiezuo.workflow.ProcessVariables.SUPERVISION_FINDINGS;

import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.workflow.Deadlines;
import com.xiezuo.workflow.FormCheck;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * First version of a supervision round: the supervisor sees the unit tasks at risk (overdue, or due within 14 days
 * and not done) and records findings. Rectification notices and bulletins come with the supervision issue.
 */
@Configuration
public class SupervisionRound {

  static final int DUE_SOON_DAYS = 14;
  static final int MAX_LINES = 60;

  @Bean
  ExecutionListener supervisionRoundStartListener(JdbcClient jdbc, UnitDirectory directory) {
    return execution -> AT_RISK_SUMMARY.set(execution, atRisk(jdbc, directory, PLAN_ID.get(execution)));
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

  static String atRisk(JdbcClient jdbc, UnitDirectory directory, long planId) {
    Map<String, String> names = directory.findAll().stream().collect(Collectors.toMap(Unit::id, Unit::name));
    LocalDate today = Deadlines.today();
    List<String> lines = new ArrayList<>();
    jdbc.sql("""
        select t.task_number, t.title, t.deadline, a.unit_id, a.role from xz_unit_assignment a
        join xz_plan_task t on t.id = a.plan_task_id
        where a.plan_id = ? and a.status = 'ACTIVE' and t.deadline <= ? order by t.deadline, t.seq, a.seq""")
        .params(planId, java.sql.Date.valueOf(today.plusDays(DUE_SOON_DAYS)))
        .query(rs -> {
          LocalDate deadline = rs.getDate("deadline").toLocalDate();
          long days = ChronoUnit.DAYS.between(today, deadline);
          String state = days < 0 ? "已逾期 " + (-days) + " 天" : days == 0 ? "今天到期" : days + " 天后到期";
          lines.add("任务 " + rs.getString("task_number") + "《" + rs.getString("title") + "》 "
              + names.getOrDefault(rs.getString("unit_id"), rs.getString("unit_id"))
              + ("LEAD".equals(rs.getString("role")) ? "（牵头）" : "") + "：" + state + "（" + deadline + "）");
        });
    if (lines.isEmpty()) {
      return "截至 " + today + "，没有逾期或 " + DUE_SOON_DAYS + " 天内到期的未办结任务。";
    }
    String head = "截至 " + today + "，逾期或 " + DUE_SOON_DAYS + " 天内到期的未办结任务共 " + lines.size() + " 项：\n";
    return head + String.join("\n", lines.subList(0, Math.min(MAX_LINES, lines.size())))
        + (lines.size() > MAX_LINES ? "\n……（其余 " + (lines.size() - MAX_LINES) + " 项见监控中心）" : "");
  }
}
