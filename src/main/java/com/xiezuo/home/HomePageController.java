package com.xiezuo.home;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.progress.TaskBucket;
import com.xiezuo.security.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what waits for the user, the user's units' tasks, and the plans' standing for those who see all. */
@Controller
public class HomePageController {

  private final HomeQuery home;
  private final DashboardQuery dashboards;
  private final PlanRepository plans;
  private final ObjectMapper mapper;

  public HomePageController(HomeQuery home, DashboardQuery dashboards, PlanRepository plans, ObjectMapper mapper) {
    this.home = home;
    this.dashboards = dashboards;
    this.plans = plans;
    this.mapper = mapper;
  }

  @GetMapping("/")
  public String home(Authentication user, Model model) {
    Viewer viewer = Viewer.of(user);
    model.addAttribute("home", home.of(viewer));
    model.addAttribute("viewer", viewer);
    // those who answer for the whole plan open on its dashboard
    PlanDashboard dashboard = viewer.seesEveryUnit() ? DashboardController.current(plans.findAll())
        .flatMap(plan -> dashboards.of(plan.id(), viewer)).orElse(null) : null;
    model.addAttribute("dashboard", dashboard);
    if (dashboard != null) {
      model.addAttribute("buckets", TaskBucket.values());
      model.addAttribute("charts", DashboardCharts.json(mapper, dashboard));
    }
    return "home";
  }
}
