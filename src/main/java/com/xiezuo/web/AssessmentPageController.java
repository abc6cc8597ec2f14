package com.xiezuo.web;

import com.xiezuo.assessment.AdjustmentKind;
import com.xiezuo.assessment.AssessmentFiles;
import com.xiezuo.assessment.AssessmentProblemException;
import com.xiezuo.assessment.AssessmentStatus;
import com.xiezuo.assessment.AssessmentViews.Overview;
import com.xiezuo.assessment.AssessmentViews.Sheet;
import com.xiezuo.assessment.AssessmentViews;
import com.xiezuo.assessment.Assessments;
import com.xiezuo.security.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
 * Assessment pages: the ranking per class and each unit's score sheet, where assessors (coordinators) add points
 * with their reasons during the review. A published ranking is for everybody; a sheet for its unit and those who
 * oversee; anything before publication only for those who oversee.
 */
@Controller
public class AssessmentPageController {

  private final AssessmentViews views;
  private final Assessments assessments;

  public AssessmentPageController(AssessmentViews views, Assessments assessments) {
    this.views = views;
    this.assessments = assessments;
  }

  @GetMapping("/assessments")
  public String list(Authentication user, Model model) {
    var shown = views.latest(100).stream().filter(assessment -> Viewer.of(user).seesEveryUnit()
        || assessment.status() == AssessmentStatus.PUBLISHED).toList();
    model.addAttribute("assessments", shown);
    model.addAttribute("planTitles", views.planTitles(shown));
    return "assessments/list";
  }

  @GetMapping("/assessments/{id}")
  public String show(@PathVariable long id, Authentication user, Model model) {
    Overview overview = readable(id, user);
    model.addAttribute("overview", overview);
    model.addAttribute("seesAll", Viewer.of(user).seesEveryUnit());
    model.addAttribute("ownUnits", Viewer.of(user).groups());
    return "assessments/show";
  }

  /** The ranking and the score sheets the reader may see (their own unit's, or all for those who oversee). */
  @GetMapping("/assessments/{id}/xlsx")
  public ResponseEntity<byte[]> workbook(@PathVariable long id, Authentication user) {
    Overview overview = readable(id, user);
    Viewer viewer = Viewer.of(user);
    List<Sheet> sheets = Stream.concat(overview.districts().stream(), overview.others().stream())
        .filter(unit -> viewer.seesEveryUnit() || viewer.memberOf(unit.unitId()))
        .map(unit -> views.sheet(id, unit.unitId()).orElseThrow()).toList();
    return Downloads.of(AssessmentFiles.workbook(overview, sheets), Downloads.XLSX,
        "年度考核结果（第" + overview.assessment().version() + "版）.xlsx");
  }

  @GetMapping("/assessments/{id}/docx")
  public ResponseEntity<byte[]> document(@PathVariable long id, Authentication user) {
    Overview overview = readable(id, user);
    return Downloads.of(AssessmentFiles.document(overview, views.issuer(overview.assessment())), Downloads.DOCX,
        "年度考核结果通报（第" + overview.assessment().version() + "版）.docx");
  }

  @GetMapping("/assessments/{id}/units/{unitId}")
  public String sheet(@PathVariable long id, @PathVariable String unitId, Authentication user, Model model) {
    Viewer viewer = Viewer.of(user);
    Sheet sheet = views.sheet(id, unitId).filter(found -> viewer.seesEveryUnit()
        || viewer.memberOf(unitId) && found.assessment().status() == AssessmentStatus.PUBLISHED)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有该单位的考核评分表，或您无权查看"));
    model.addAttribute("sheet", sheet);
    model.addAttribute("seesAll", viewer.seesEveryUnit());
    model.addAttribute("canAdjust", viewer.coordinator() && sheet.assessment().status() == AssessmentStatus.REVIEW);
    model.addAttribute("kinds", AdjustmentKind.values());
    return "assessments/sheet";
  }

  @PostMapping("/assessments/{id}/units/{unitId}/adjustments")
  public String adjust(@PathVariable long id, @PathVariable String unitId, @RequestParam(required = false) String kind,
      @RequestParam(required = false) String points, @RequestParam(required = false) String reason,
      Authentication user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    if (views.sheet(id, unitId).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有该单位的考核评分表");
    }
    try {
      assessments.adjust(id, unitId, parseKind(kind), parsePoints(points), reason, user.getName());
      redirect.addFlashAttribute("notice", "已记录，并按指标体系重新计分。");
      return "redirect:/assessments/" + id + "/units/" + unitId;
    } catch (AssessmentProblemException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("problems", e.problems());
      model.addAttribute("typedPoints", points);
      model.addAttribute("typedReason", reason);
      return sheet(id, unitId, user, model);
    }
  }

  /** A published assessment is read by everybody; one not yet published only by those who oversee. */
  private Overview readable(long id, Authentication user) {
    return views.overview(id).filter(found -> Viewer.of(user).seesEveryUnit()
        || found.assessment().status() == AssessmentStatus.PUBLISHED).orElseThrow(() -> notFound(id));
  }

  private static AdjustmentKind parseKind(String typed) {
    for (AdjustmentKind kind : AdjustmentKind.values()) {
      if (kind.name().equals(typed)) {
        return kind;
      }
    }
    return null;
  }

  private static BigDecimal parsePoints(String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(typed.strip().replace('－', '-').replace('−', '-'));
    } catch (NumberFormatException notANumber) {
      throw new AssessmentProblemException(List.of("分值“" + typed + "”不是数字，例如 2 或 -1.5"));
    }
  }

  private static ResponseStatusException notFound(long id) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + id + " 的已发布考核结果");
  }
}
