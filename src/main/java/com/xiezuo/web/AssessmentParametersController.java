package com.xiezuo.web;

import com.xiezuo.assessment.AssessmentParameter;
import com.xiezuo.assessment.AssessmentParameters;
import com.xiezuo.assessment.AssessmentProblemException;
import com.xiezuo.assessment.ParameterChanges;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.security.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The year's assessment parameters of a plan: everyone reads them, coordinators change them until it opens. */
@Controller
public class AssessmentParametersController {

  private final AssessmentParameters parameters;
  private final ParameterChanges changes;
  private final PlanRepository plans;

  public AssessmentParametersController(AssessmentParameters parameters, ParameterChanges changes,
      PlanRepository plans) {
    this.parameters = parameters;
    this.changes = changes;
    this.plans = plans;
  }

  @GetMapping("/plans/{id}/assessment/parameters")
  public String show(@PathVariable long id, Authentication user, Model model) {
    PlanSummary plan = plans.findSummary(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + id + " 的工作计划"));
    model.addAttribute("plan", plan);
    model.addAttribute("parameters", AssessmentParameter.values());
    model.addAttribute("values", parameters.of(id));
    model.addAttribute("canEdit", Viewer.of(user).coordinator() && changes.open(id));
    model.addAttribute("open", changes.open(id));
    return "assessments/parameters";
  }

  @PostMapping("/plans/{id}/assessment/parameters")
  public String change(@PathVariable long id, @RequestParam Map<String, String> typed, Authentication user,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    try {
      int changed = changes.change(id, typed, user.getName());
      redirect.addFlashAttribute("notice", changed == 0 ? "没有改动。" : "已保存 " + changed + " 项考核参数。");
      return "redirect:/plans/" + id + "/assessment/parameters";
    } catch (AssessmentProblemException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("problems", e.problems());
      model.addAttribute("typed", typed);
      return show(id, user, model);
    }
  }
}
