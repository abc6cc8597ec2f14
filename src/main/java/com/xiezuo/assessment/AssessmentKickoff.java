package com.xiezuo.assessment;

import static com.xiezuo.workflow.ProcessVariables.ASSESSMENT_CONFIRMED;
import static com.xiezuo.workflow.ProcessVariables.ASSESSMENT_NOTE;
import static com.xiezuo.workflow.ProcessVariables.EXECUTION_SUMMARY;
import static com.xiezuo.workflow.ProcessVariables.PLAN_ID;

import com.xiezuo.workflow.FormCheck;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * First version of the annual assessment: the coordinator sees the year's execution figures and opens the
 * assessment. Scoring by DMN, assessor review and the ranking come with the assessment issue.
 */
@Configuration
public class AssessmentKickoff {

  @Bean
  ExecutionListener assessmentStartListener(JdbcClient jdbc) {
    return execution -> EXECUTION_SUMMARY.set(execution, summary(jdbc, PLAN_ID.get(execution)));
  }

  @Bean
  TaskListener assessmentKickoffCheck() {
    return task -> new FormCheck(task)
        .require(Boolean.TRUE.equals(ASSESSMENT_CONFIRMED.get(task)), "assessmentConfirmed", "请确认已核对执行情况")
        .maxLength(ASSESSMENT_NOTE, 5000, "考核安排").done();
  }

  static String summary(JdbcClient jdbc, long planId) {
    return jdbc.sql("""
        select count(*) as total,
               sum(case when status = 'COMPLETED' then 1 else 0 end) as completed,
               sum(case when status = 'ACTIVE' then 1 else 0 end) as open,
               sum(case when status = 'CANCELLED' then 1 else 0 end) as cancelled,
               sum(case when overdue then 1 else 0 end) as overdue
        from xz_unit_assignment where plan_id = ?""").param(planId)
        .query((rs, n) -> "单位任务共 " + rs.getInt("total") + " 项：已办结 " + rs.getInt("completed") + " 项，未办结 "
            + rs.getInt("open") + " 项，已取消 " + rs.getInt("cancelled") + " 项；曾逾期 " + rs.getInt("overdue") + " 项。")
        .single();
  }
}
