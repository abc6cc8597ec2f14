package com.xiezuo.web;

import com.xiezuo.assessment.AdjustmentKind;
import com.xiezuo.assessment.AssessmentCorrections;
import com.xiezuo.assessment.AssessmentFiles;
import com.xiezuo.assessment.AssessmentNotice;
import com.xiezuo.assessment.AssessmentParameter;
import com.xiezuo.assessment.AssessmentParameters;
import com.xiezuo.assessment.AssessmentProblemException;
import com.xiezuo.assessment.AssessmentRecords.Assessment;
import com.xiezuo.assessment.AssessmentStatus;
import com.xiezuo.assessment.AssessmentViews.Overview;
import com.xiezuo.assessment.AssessmentViews.Sheet;
import com.xiezuo.assessment.AssessmentViews;
import com.xiezuo.assessment.AssessorPoints;
import com.xiezuo.assessment.InnovationClaims;
import com.xiezuo.security.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.dao.DuplicateKeyException;
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
 * Assessment pages: the ranking per class, the printable 通报, the versions, and each unit's score sheet, where
 * assessors add points with their reasons during the review. A published ranking (a corrected one too) is for
 * everybody; a sheet for its unit and those who oversee; anything before publication only for those who oversee.
 * Coordinators open a correction of the latest published version.
 */
@Controller
public class AssessmentPageController {

  private final AssessmentViews views;
  private final AssessorPoints points;
  private final AssessmentCorrections corrections;
  private final InnovationClaims claims;
  private final AssessmentParameters parameters;

  public AssessmentPageController(AssessmentViews views, AssessorPoints points, AssessmentCorrections corrections,
      InnovationClaims claims, AssessmentParameters parameters) {
    this.parameters = parameters;
    this.views = views;
    this.points = points;
    this.corrections = corrections;
    this.claims = claims;
  }

  @GetMapping("/assessments")
  public String list(Authentication user, Model model) {
    Viewer viewer = Viewer.of(user);
    var shown = views.latest(100).stream().filter(assessment -> viewer.seesEveryUnit()
        || assessment.status().published()).toList();
    model.addAttribute("assessments", shown);
    model.addAttribute("planTitles", views.planTitles(shown));
    model.addAttribute("selfAssessments", views.selfAssessing(viewer.groups()));
    return "assessments/list";
  }

  @GetMapping("/assessments/{id}")
  public String show(@PathVariable long id, Authentication user, Model model) {
    Overview overview = readable(id, user);
    Viewer viewer = Viewer.of(user);
    model.addAttribute("overview", overview);
    model.addAttribute("seesAll", viewer.seesEveryUnit());
    model.addAttribute("ownUnits", viewer.groups());
    model.addAttribute("versions", views.versions(overview.assessment().planId()).stream()
        .filter(version -> viewer.seesEveryUnit() || version.status().published()).toList());
    model.addAttribute("canCorrect", viewer.coordinator() && overview.assessment().status() == AssessmentStatus.PUBLISHED
        && views.versions(overview.assessment().planId()).get(0).id() == id);
    return "assessments/show";
  }

  /** The assessment 通报 with the ranking tables, laid out for A4. */
  @GetMapping("/assessments/{id}/print")
  public String print(@PathVariable long id, Authentication user, Model model) {
    Overview overview = readable(id, user);
    model.addAttribute("overview", overview);
    model.addAttribute("letter", AssessmentNotice.of(overview, views.issuer(overview.assessment())));
    return "assessments/print";
  }

  @PostMapping("/assessments/{id}/corrections")
  public String correct(@PathVariable long id, @RequestParam(required = false) String reason, Authentication user,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    readable(id, user);
    try {
      Assessment correction = corrections.open(id, reason, user.getName());
      redirect.addFlashAttribute("notice", "已生成第 " + correction.version() + " 版并重新计分，已交考核评审组评审，领导审定后发布；"
          + "发布前第 " + (correction.version() - 1) + " 版仍然有效。");
      return "redirect:/assessments/" + correction.id();
    } catch (AssessmentProblemException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("problems", e.problems());
      model.addAttribute("typedReason", reason);
      return show(id, user, model);
    } catch (DuplicateKeyException raced) {
      // two coordinators at the same moment: the other one's correction stands (version numbers are unique)
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      model.addAttribute("problems", List.of("另一位协调员刚刚提出了更正，请刷新页面查看最新版本"));
      model.addAttribute("typedReason", reason);
      return show(id, user, model);
    }
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
        || viewer.memberOf(unitId) && found.assessment().status().published())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有该单位的考核评分表，或您无权查看"));
    model.addAttribute("sheet", sheet);
    model.addAttribute("seesAll", viewer.seesEveryUnit());
    model.addAttribute("canAdjust", viewer.assessor() && sheet.assessment().status() == AssessmentStatus.REVIEW);
    model.addAttribute("kinds", AdjustmentKind.values());
    model.addAttribute("claims", claims.of(id, unitId));
    model.addAttribute("awardable", claims.awardable(id, unitId));
    model.addAttribute("awardableIds", claims.awardable(id, unitId).stream().map(claim -> claim.id()).toList());
    var caps = parameters.of(sheet.assessment().planId());
    model.addAttribute("adjustmentCap", caps.get(AssessmentParameter.ADJUSTMENT_CAP).stripTrailingZeros().toPlainString());
    model.addAttribute("innovationCap", caps.get(AssessmentParameter.INNOVATION_CAP).stripTrailingZeros().toPlainString());
    model.addAttribute("withdrawnEvidence", claims.withdrawnEvidence(id));
    return "assessments/sheet";
  }

  @PostMapping("/assessments/{id}/units/{unitId}/adjustments")
  public String adjust(@PathVariable long id, @PathVariable String unitId, @RequestParam(required = false) String kind,
      @RequestParam(name = "points", required = false) String typedPoints,
      @RequestParam(required = false) String reason, @RequestParam(required = false) String claim,
      Authentication user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    if (views.sheet(id, unitId).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有该单位的考核评分表");
    }
    try {
      points.give(id, unitId, parseKind(kind), parsePoints(typedPoints), reason, parseClaim(claim), user.getName());
      redirect.addFlashAttribute("notice", "已记录，并按指标体系重新计分。");
      return "redirect:/assessments/" + id + "/units/" + unitId;
    } catch (AssessmentProblemException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("problems", e.problems());
      model.addAttribute("typedPoints", typedPoints);
      model.addAttribute("typedReason", reason);
      model.addAttribute("typedKind", kind);
      return sheet(id, unitId, user, model);
    }
  }

  @PostMapping("/assessments/{id}/units/{unitId}/adjustments/{adjustmentId}/withdraw")
  public String withdraw(@PathVariable long id, @PathVariable String unitId, @PathVariable long adjustmentId,
      @RequestParam(required = false) String reason, Authentication user, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    if (views.sheet(id, unitId).filter(sheet -> sheet.adjustments().stream()
        .anyMatch(made -> made.id() == adjustmentId)).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "该单位没有这项评审分");
    }
    try {
      points.withdraw(id, adjustmentId, reason, user.getName());
      redirect.addFlashAttribute("notice", "已撤销，并按指标体系重新计分（撤销记录保留）。");
      return "redirect:/assessments/" + id + "/units/" + unitId;
    } catch (AssessmentProblemException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("problems", e.problems());
      return sheet(id, unitId, user, model);
    }
  }

  /** A published assessment is read by everybody; one not yet published only by those who oversee. */
  private Overview readable(long id, Authentication user) {
    return views.overview(id).filter(found -> Viewer.of(user).seesEveryUnit()
        || found.assessment().status().published()).orElseThrow(() -> notFound(id));
  }

  private static AdjustmentKind parseKind(String typed) {
    for (AdjustmentKind kind : AdjustmentKind.values()) {
      if (kind.name().equals(typed)) {
        return kind;
      }
    }
    return null;
  }

  private static Long parseClaim(String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(typed.strip());
    } catch (NumberFormatException notANumber) {
      throw new AssessmentProblemException(List.of("申报事项“" + typed + "”无效，请在列表中选择"));
    }
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
