package com.xiezuo.home;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.xiezuo.execution.PlanExecutionFacts;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.PlanStatus;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.progress.PlanProgress;
import com.xiezuo.progress.TaskBucket;
import com.xiezuo.security.Viewer;
import com.xiezuo.workflow.Deadlines;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The dashboards (工作看板): a plan at a glance with charts, the list behind every number, a unit's 本单位任务一览 and
 * the ledger behind an indicator's bar. Unit staff see their own units' figures; the other roles every unit's.
 */
@Controller
public class DashboardController {

  private final DashboardQuery dashboards;
  private final UnitOverviews overviews;
  private final SupervisionTiles supervisionTiles;
  private final PlanRepository plans;
  private final PlanExecutionFacts facts;
  private final ObjectMapper mapper;

  public DashboardController(DashboardQuery dashboards, UnitOverviews overviews, SupervisionTiles supervisionTiles,
      PlanRepository plans, PlanExecutionFacts facts, ObjectMapper mapper) {
    this.overviews = overviews;
    this.supervisionTiles = supervisionTiles;
    this.mapper = mapper;
    this.dashboards = dashboards;
    this.plans = plans;
    this.facts = facts;
  }

  /** The plan being worked on (the newest approved or in progress), else the newest; none yet says so. */
  @GetMapping("/dashboard")
  public String current(Model model) {
    Optional<PlanSummary> current = current(plans.findAll());
    if (current.isEmpty()) {
      model.addAttribute("plans", List.of());
      return "dashboard/none";
    }
    return "redirect:/dashboard/plans/" + current.get().id();
  }

  static Optional<PlanSummary> current(List<PlanSummary> all) {
    Comparator<PlanSummary> newest = Comparator.comparingInt(PlanSummary::year).thenComparingLong(PlanSummary::id);
    return all.stream().filter(plan -> plan.status() == PlanStatus.IN_PROGRESS || plan.status() == PlanStatus.APPROVED)
        .max(newest).or(() -> all.stream().max(newest));
  }

  @GetMapping("/dashboard/plans/{id}")
  public String plan(@PathVariable long id, Authentication user, Model model) {
    Viewer viewer = Viewer.of(user);
    PlanDashboard dashboard = dashboards.of(id, viewer).orElseThrow(() -> noPlan(id));
    model.addAttribute("d", dashboard);
    model.addAttribute("charts", DashboardCharts.json(mapper, dashboard));
    model.addAttribute("plans", plans.findAll());
    model.addAttribute("buckets", TaskBucket.values());
    model.addAttribute("ownUnits", dashboards.unitNames().entrySet().stream()
        .filter(unit -> viewer.memberOf(unit.getKey())).toList());
    return "dashboard/plan";
  }

  @GetMapping("/dashboard/plans/{id}/tasks")
  public String tasks(@PathVariable long id, @RequestParam(defaultValue = "ALL") String bucket,
      @RequestParam(required = false) String unit, Authentication user, Model model) {
    TaskBucket which = bucket(bucket);
    PlanProgress plan = dashboards.visible(id, Viewer.of(user)).orElseThrow(() -> noPlan(id));
    Map<String, String> names = dashboards.unitNames();
    LocalDate today = Deadlines.today();
    model.addAttribute("plan", plan.plan());
    model.addAttribute("bucket", which);
    model.addAttribute("unitName", unit == null ? null : names.getOrDefault(unit, unit));
    model.addAttribute("lines", dashboards.lines(plan.rows().toList(), row -> which.holds(row, today)
        && (unit == null || unit.isBlank() || row.unitTask().unitId().equals(unit)), names));
    return "dashboard/tasks";
  }

  /** The records behind a supervision tile; for the roles that see every unit, as the tiles are. */
  @GetMapping("/dashboard/plans/{id}/supervision")
  public String supervision(@PathVariable long id, @RequestParam(defaultValue = "FINDINGS") String kind,
      Authentication user, Model model) {
    if (!Viewer.of(user).seesEveryUnit()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "督查记录只有协调、督查、领导和考核人员可以查看");
    }
    SupervisionTiles.SupervisionList which;
    try {
      which = SupervisionTiles.SupervisionList.valueOf(kind);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "没有“" + (kind.length() > 40 ? kind.substring(0, 40)
          : kind) + "”这一类督查记录");
    }
    model.addAttribute("plan", plans.findSummary(id).orElseThrow(() -> noPlan(id)));
    model.addAttribute("kind", which);
    model.addAttribute("lines", supervisionTiles.list(id, which));
    return "dashboard/supervision";
  }

  @GetMapping("/dashboard/plans/{id}/units/{unitId}")
  public String unit(@PathVariable long id, @PathVariable String unitId, Authentication user, Model model) {
    Viewer viewer = Viewer.of(user);
    if (!viewer.seesEveryUnit() && !viewer.memberOf(unitId)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只能查看本单位的任务一览");
    }
    model.addAttribute("u", overviews.of(id, unitId, viewer).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + id + " 的计划，或单位名录中没有“" + unitId + "”")));
    return "dashboard/unit";
  }

  @GetMapping("/dashboard/plans/{id}/indicators/{indicatorId}")
  public String ledger(@PathVariable long id, @PathVariable long indicatorId,
      @RequestParam(required = false) String unit, Authentication user, Model model) {
    Viewer viewer = Viewer.of(user);
    PlanDashboard dashboard = dashboards.of(id, viewer).orElseThrow(() -> noPlan(id));
    PlanDashboard.IndicatorBar bar = dashboard.indicators().stream().filter(row -> row.indicatorId() == indicatorId)
        .findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            "本计划没有您可查看的编号为 " + indicatorId + " 的指标"));
    Map<String, String> names = dashboards.unitNames();
    model.addAttribute("plan", dashboard.plan());
    model.addAttribute("bar", bar);
    model.addAttribute("unitName", unit == null ? null : names.getOrDefault(unit, unit));
    model.addAttribute("names", names);
    model.addAttribute("entries", facts.ledgerOf(id).stream().filter(entry -> entry.indicatorId() == indicatorId)
        .filter(entry -> viewer.seesEveryUnit() || viewer.memberOf(entry.unitId()))
        .filter(entry -> unit == null || unit.isBlank() || entry.unitId().equals(unit)).toList());
    return "dashboard/ledger";
  }

  private static TaskBucket bucket(String text) {
    try {
      return TaskBucket.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "没有“" + (text.length() > 40 ? text.substring(0, 40)
          : text) + "”这一类任务；可选：ALL、DONE、GREEN、YELLOW、RED、CANCELLED、DUE30");
    }
  }

  private static ResponseStatusException noPlan(long id) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + id + " 的计划");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ModelAndView badNumber(MethodArgumentTypeMismatchException e) {
    ModelAndView page = new ModelAndView("error", HttpStatus.BAD_REQUEST);
    page.addObject("status", HttpStatus.BAD_REQUEST.value());
    page.addObject("message", "编号须为数字，收到“" + e.getValue() + "”");
    return page;
  }
}
