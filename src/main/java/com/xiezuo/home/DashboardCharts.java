package com.xiezuo.home;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.xiezuo.progress.TaskBucket;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures the dashboard's charts draw, with the link behind every bar and slice: plain lists of labels, numbers
 * and addresses (the page's script only draws them; it computes nothing).
 */
final class DashboardCharts {

  private DashboardCharts() {}

  static String json(ObjectMapper mapper, PlanDashboard d) {
    try {
      return mapper.writeValueAsString(of(d));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> of(PlanDashboard d) {
    String base = "/dashboard/plans/" + d.plan().id();
    Map<String, Object> charts = new LinkedHashMap<>();
    List<Map<String, Object>> states = new ArrayList<>();
    for (TaskBucket bucket : List.of(TaskBucket.GREEN, TaskBucket.YELLOW, TaskBucket.RED,
        TaskBucket.DONE, TaskBucket.CANCELLED)) {
      states.add(Map.of("name", bucket.label(), "value", d.counts().get(bucket), "key", bucket.name(),
          "link", base + "/tasks?bucket=" + bucket.name()));
    }
    charts.put("states", states);
    charts.put("months", d.completion().stream().map(PlanDashboard.Month::label).toList());
    charts.put("due", d.completion().stream().map(PlanDashboard.Month::due).toList());
    charts.put("done", d.completion().stream().map(month -> month.done() < 0 ? null : month.done()).toList());
    charts.put("doneLink", base + "/tasks?bucket=" + TaskBucket.DONE.name());
    charts.put("overdueUnits", d.overdueByUnit().stream().map(PlanDashboard.UnitCount::unitName).toList());
    charts.put("overdueCounts", d.overdueByUnit().stream().map(PlanDashboard.UnitCount::count).toList());
    charts.put("overdueLinks", d.overdueByUnit().stream()
        .map(unit -> base + "/tasks?bucket=RED&unit=" + unit.unitId()).toList());
    List<Map<String, Object>> indicators = new ArrayList<>();
    for (PlanDashboard.IndicatorBar bar : d.indicators()) {
      Map<String, Object> chart = new LinkedHashMap<>();
      chart.put("id", bar.indicatorId());
      chart.put("units", bar.shares().stream().map(PlanDashboard.UnitShare::unitName).toList());
      chart.put("targets", bar.shares().stream().map(share -> number(share.target())).toList());
      chart.put("achieved", bar.shares().stream().map(share -> number(share.achieved())).toList());
      chart.put("links", bar.shares().stream()
          .map(share -> base + "/indicators/" + bar.indicatorId() + "?unit=" + share.unitId()).toList());
      chart.put("unit", bar.unit() == null ? "" : bar.unit());
      indicators.add(chart);
    }
    charts.put("indicators", indicators);
    return charts;
  }

  private static Double number(BigDecimal value) {
    return value == null ? null : value.doubleValue();
  }
}
