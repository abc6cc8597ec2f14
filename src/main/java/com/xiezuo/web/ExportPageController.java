package com.xiezuo.web;

import com.xiezuo.archive.ArchiveRecords;
import com.xiezuo.archive.ArchiveStatus;
import com.xiezuo.archive.PlanArchives;
import com.xiezuo.archive.PlanExports;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.security.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The plan's downloads: ledger and completion table (.xlsx), progress report (.docx), each with what the user may
 * see; and the year-end archive (归档包), requested by a coordinator, built in the background, its progress shown.
 */
@Controller
public class ExportPageController {

  static final MediaType ZIP = MediaType.parseMediaType("application/zip");

  private final PlanExports exports;
  private final PlanArchives archives;
  private final ArchiveRecords records;
  private final PlanRepository plans;

  public ExportPageController(PlanExports exports, PlanArchives archives, ArchiveRecords records,
      PlanRepository plans) {
    this.exports = exports;
    this.archives = archives;
    this.records = records;
    this.plans = plans;
  }

  @GetMapping("/plans/{id}/exports/ledger.xlsx")
  public ResponseEntity<byte[]> ledger(@PathVariable long id, Authentication user) {
    return Downloads.of(found(id, exports.ledger(id, Viewer.of(user))), Downloads.XLSX,
        title(id) + "台账.xlsx");
  }

  @GetMapping("/plans/{id}/exports/rates.xlsx")
  public ResponseEntity<byte[]> rates(@PathVariable long id, Authentication user) {
    return Downloads.of(found(id, exports.rates(id, Viewer.of(user))), Downloads.XLSX,
        title(id) + "各单位完成情况.xlsx");
  }

  @GetMapping("/plans/{id}/exports/progress.docx")
  public ResponseEntity<byte[]> progress(@PathVariable long id, Authentication user) {
    return Downloads.of(found(id, exports.progressReport(id, Viewer.of(user))), Downloads.DOCX,
        title(id) + "进展情况报告.docx");
  }

  @GetMapping("/plans/{id}/archive")
  public String archive(@PathVariable long id, Model model, HttpServletResponse response) {
    PlanSummary plan = plans.findSummary(id).orElseThrow(() -> noPlan(id));
    var all = records.ofPlan(id);
    boolean running = all.stream().anyMatch(ArchiveRecords.Archive::running);
    if (running) {
      // the page follows the build: the browser reloads it every few seconds until it is done
      response.setHeader("Refresh", "3");
    }
    model.addAttribute("plan", plan);
    model.addAttribute("archives", all);
    model.addAttribute("running", running);
    return "plans/archive";
  }

  @PostMapping("/plans/{id}/archive")
  public String request(@PathVariable long id, Authentication user, RedirectAttributes redirect,
      HttpServletResponse response, Model model) {
    plans.findSummary(id).orElseThrow(() -> noPlan(id));
    try {
      archives.request(id, user.getName());
      redirect.addFlashAttribute("message", "已开始生成归档包，完成后可在此下载。");
      return "redirect:/plans/" + id + "/archive";
    } catch (PlanArchives.ArchiveRefusedException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("error", e.getMessage());
      return archive(id, model, response);
    }
  }

  @GetMapping("/archives/{archiveId}/download")
  public ResponseEntity<StreamingResponseBody> download(@PathVariable long archiveId) {
    ArchiveRecords.Archive archive = records.find(archiveId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + archiveId + " 的归档包"));
    if (archive.status() != ArchiveStatus.DONE) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "归档包" + archive.status().label() + "，尚不能下载");
    }
    String name = title(archive.planId()) + "归档包（" + archive.id() + "）.zip";
    return Downloads.streamed(out -> records.copy(archiveId, out), ZIP, archive.sizeBytes(), name);
  }

  private String title(long planId) {
    return plans.findSummary(planId).map(plan -> plan.year() + "年" + plan.title().replaceAll("[\\\\/:*?\"<>|]", ""))
        .orElseThrow(() -> noPlan(planId));
  }

  private static byte[] found(long id, Optional<byte[]> file) {
    return file.orElseThrow(() -> noPlan(id));
  }

  private static ResponseStatusException noPlan(long id) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + id + " 的计划");
  }
}
