package com.xiezuo.web;

import com.xiezuo.assessment.AssessmentParameter;
import com.xiezuo.assessment.AssessmentParameters;
import com.xiezuo.assessment.AssessmentProblemException;
import com.xiezuo.assessment.AssessmentSchedule;
import com.xiezuo.assessment.ParameterChanges;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.security.Viewer;
import com.xiezuo.workflow.Deadlines;
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

/**
 * The year's assessment parameters and date of a plan: everyone reads them; coordinators change the parameters until
 * it opens, and may open it before its date.
 */
@Controller
public class AssessmentParametersController {

  private final AssessmentParameters parameters;
  private final ParameterChanges changes;
  private final PlanRepository plans;
  private final AssessmentSchedule schedule;

  public AssessmentParametersController(AssessmentParameters parameters, ParameterChanges changes,
      PlanRepository plans, AssessmentSchedule schedule) {
    this.schedule = schedule;
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
    boolean opening = schedule.opening(id);
    model.addAttribute("canEdit", Viewer.of(user).coordinator() && changes.open(id) && !opening);
    model.addAttribute("open", changes.open(id) && !opening);
    model.addAttribute("opening", opening);
    model.addAttribute("opensAt", schedule.due(id).map(due -> Deadlines.minute(due.toInstant())).orElse(null));
    model.addAttribute("canOpen", Viewer.of(user).coordinator() && schedule.due(id).isPresent() && !opening);
    return "assessments/parameters";
  }

  /** Opens the assessment now rather than on its date; the units' self-assessment tasks follow in moments. */
  @PostMapping("/plans/{id}/assessment/open")
  public String openNow(@PathVariable long id, Authentication user, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      schedule.openNow(id, user.getName());
      redirect.addFlashAttribute("notice", "年度考核正在开启：各单位将在 Tasklist 收到“报送年度自评”任务，考核进度见“年度考核”页面。");
      return "redirect:/plans/" + id + "/assessment/parameters";
    } catch (AssessmentProblemException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("problems", e.problems());
      return show(id, user, model);
    }
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
