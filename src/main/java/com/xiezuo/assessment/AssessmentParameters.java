package com.xiezuo.assessment;

import com.xiezuo.workflow.Deadlines;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A plan's assessment parameters ({@code xz_assessment_parameter}): the defaults unless a coordinator set one. */
@Repository
public class AssessmentParameters {

  private final JdbcClient jdbc;

  public AssessmentParameters(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Map<AssessmentParameter, BigDecimal> of(long planId) {
    Map<AssessmentParameter, BigDecimal> values = new EnumMap<>(AssessmentParameter.class);
    for (AssessmentParameter parameter : AssessmentParameter.values()) {
      values.put(parameter, parameter.defaultValue());
    }
    jdbc.sql("select name, parameter_value from xz_assessment_parameter where plan_id = ?").param(planId).query(rs -> {
      for (AssessmentParameter parameter : AssessmentParameter.values()) {
        if (parameter.variable().equals(rs.getString("name"))) {
          values.put(parameter, rs.getBigDecimal("parameter_value").stripTrailingZeros());
        }
      }
    });
    return values;
  }

  public void set(long planId, AssessmentParameter parameter, BigDecimal value, String user) {
    Timestamp now = Timestamp.from(Deadlines.now().toInstant());
    if (jdbc.sql("""
        update xz_assessment_parameter set parameter_value = ?, changed_by = ?, changed_at = ?
        where plan_id = ? and name = ?""").params(value, user, now, planId, parameter.variable()).update() == 0) {
      jdbc.sql("""
          insert into xz_assessment_parameter (plan_id, name, parameter_value, changed_by, changed_at)
          values (?, ?, ?, ?, ?)""").params(planId, parameter.variable(), value, user, now).update();
    }
  }
}
