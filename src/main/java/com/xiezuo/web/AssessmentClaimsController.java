package com.xiezuo.web;

import com.xiezuo.assessment.AssessmentProblemException;
import com.xiezuo.assessment.AssessmentRecords.AssessedUnit;
import com.xiezuo.assessment.AssessmentStatus;
import com.xiezuo.assessment.AssessmentViews;
import com.xiezuo.assessment.AssessmentViews.Overview;
import com.xiezuo.assessment.InnovationClaims;
import com.xiezuo.assessment.SelfAssessmentStatus;
import com.xiezuo.security.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
 * A unit's innovation claims (工作创新申报) during its self-assessment: what was new, with evidence files from its own
 * tasks. The unit's staff claim and withdraw until they submit the self-assessment; those who oversee read.
 */
@Controller
public class AssessmentClaimsController {

  private final AssessmentViews views;
  private final InnovationClaims claims;

  public AssessmentClaimsController(AssessmentViews views, InnovationClaims claims) {
    this.views = views;
    this.claims = claims;
  }

  @GetMapping("/assessments/{id}/claims")
  public String page(@PathVariable long id, @RequestParam(required = false) String unit, Authentication user,
      Model model) {
    Overview overview = views.overview(id).orElseThrow(() -> notFound());
    Viewer viewer = Viewer.of(user);
    List<AssessedUnit> all = Stream.concat(overview.districts().stream(), overview.others().stream()).toList();
    model.addAttribute("overview", overview);
    if (unit == null && viewer.seesEveryUnit() && all.stream().noneMatch(found -> viewer.memberOf(found.unitId()))) {
      model.addAttribute("units", all);
      return "assessments/claims-units";
    }
    AssessedUnit shown = unitFor(overview, unit, viewer);
    model.addAttribute("unit", shown);
    model.addAttribute("claims", claims.of(id, shown.unitId()));
    model.addAttribute("citable", claims.citable(id, shown.unitId()));
    model.addAttribute("withdrawnEvidence", claims.withdrawnEvidence(id));
    model.addAttribute("canClaim", viewer.memberOf(shown.unitId())
        && overview.assessment().status() == AssessmentStatus.SELF_ASSESSMENT
        && shown.selfStatus() == SelfAssessmentStatus.PENDING);
    return "assessments/claims";
  }

  @PostMapping("/assessments/{id}/claims")
  public String claim(@PathVariable long id, @RequestParam(required = false) String unit,
      @RequestParam(required = false) String title, @RequestParam(required = false) String description,
      @RequestParam(name = "evidence", required = false) List<String> evidence, Authentication user, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    AssessedUnit shown = ownUnit(id, unit, user);
    try {
      claims.claim(id, shown.unitId(), title, description, ids(evidence), user.getName());
      redirect.addFlashAttribute("notice", "已申报“" + title.strip() + "”。提交自评前仍可撤回或补充。");
      return "redirect:/assessments/" + id + "/claims?unit=" + shown.unitId();
    } catch (AssessmentProblemException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("problems", e.problems());
      model.addAttribute("typedTitle", title);
      model.addAttribute("typedDescription", description);
      return page(id, shown.unitId(), user, model);
    }
  }

  @PostMapping("/assessments/{id}/claims/{claimId}/withdraw")
  public String withdraw(@PathVariable long id, @PathVariable long claimId, @RequestParam(required = false) String unit,
      Authentication user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    AssessedUnit shown = ownUnit(id, unit, user);
    try {
      claims.withdraw(id, shown.unitId(), claimId, user.getName());
      redirect.addFlashAttribute("notice", "已撤回该项申报。");
      return "redirect:/assessments/" + id + "/claims?unit=" + shown.unitId();
    } catch (AssessmentProblemException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("problems", e.problems());
      model.addAttribute("problemsHeading", "未撤回：");
      return page(id, shown.unitId(), user, model);
    }
  }

  /** The unit the reader works for (or the one asked for, when they oversee or belong to several). */
  private static AssessedUnit unitFor(Overview overview, String asked, Viewer viewer) {
    List<AssessedUnit> readable = Stream.concat(overview.districts().stream(), overview.others().stream())
        .filter(unit -> viewer.seesEveryUnit() || viewer.memberOf(unit.unitId())).toList();
    return readable.stream().filter(unit -> asked == null ? viewer.memberOf(unit.unitId())
        || viewer.seesEveryUnit() : unit.unitId().equals(asked)).findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "您所在的单位不在本次考核范围内，或无权查看该单位的申报"));
  }

  private AssessedUnit ownUnit(long id, String asked, Authentication user) {
    Viewer viewer = Viewer.of(user);
    Overview overview = views.overview(id).orElseThrow(() -> notFound());
    AssessedUnit unit = unitFor(overview, asked, viewer);
    if (!viewer.memberOf(unit.unitId())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有本单位人员可以申报或撤回本单位的工作创新");
    }
    return unit;
  }

  private static List<Long> ids(List<String> typed) {
    List<Long> ids = new ArrayList<>();
    for (String value : typed == null ? List.<String>of() : typed) {
      try {
        ids.add(Long.parseLong(value.strip()));
      } catch (NumberFormatException notANumber) {
        throw new AssessmentProblemException("佐证材料编号“" + value + "”无效，请在列表中勾选");
      }
    }
    return ids;
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "没有该考核");
  }
}
