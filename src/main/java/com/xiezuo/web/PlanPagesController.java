package com.xiezuo.web;

import com.xiezuo.directory.DirectorySnapshot;
import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.directory.UnitKind;
import com.xiezuo.directory.UnitRef;
import com.xiezuo.plan.ChecklistWorkbook;
import com.xiezuo.plan.ImportProblem;
import com.xiezuo.plan.PlanDetail;
import com.xiezuo.plan.PlanImportException;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.plan.change.ChangeProposal;
import com.xiezuo.plan.change.ChangeType;
import com.xiezuo.plan.change.PlanChangeService;
import com.xiezuo.plan.intake.IntakeException;
import com.xiezuo.plan.intake.IntakeLimits;
import com.xiezuo.plan.intake.IntakeProblem;
import com.xiezuo.plan.intake.NoticeIntake;
import com.xiezuo.plan.parse.NoticeParseException;
import com.xiezuo.plan.parse.ParsedPlan;
import com.xiezuo.progress.PlanProgress;
import com.xiezuo.progress.PlanProgressQuery;
import com.xiezuo.security.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Plan intake for coordinators: paste the notice (or upload it, or the checklist), review the parsed tasks in an editable
 * table, submit; the submitted plan starts annualPlan (coordinator review, then leadership approval).
 */
@Controller
public class PlanPagesController {

  private final NoticeIntake intake;
  private final PlanImportService importer;
  private final PlanRepository plans;
  private final UnitDirectory directory;
  private final PlanChangeService changes;
  private final PlanProgressQuery progress;

  public PlanPagesController(NoticeIntake intake, PlanImportService importer, PlanRepository plans,
      UnitDirectory directory, PlanChangeService changes, PlanProgressQuery progress) {
    this.progress = progress;
    this.intake = intake;
    this.importer = importer;
    this.plans = plans;
    this.directory = directory;
    this.changes = changes;
  }

  @GetMapping("/plans")
  public String list(Model model) {
    model.addAttribute("plans", plans.findAll());
    return "plans/list";
  }

  @GetMapping("/plans/new")
  public String newPlan(Model model) {
    return "plans/new";
  }

  @PostMapping("/plans/review")
  public String reviewNotice(@RequestParam String notice, @RequestParam(required = false) Integer year, Model model,
      HttpServletResponse response) {
    try {
      return review(intake.read(null, notice.getBytes(StandardCharsets.UTF_8), year), model);
    } catch (NoticeParseException | IntakeException e) {
      model.addAttribute("notice", notice);
      return refused(e, year, model, response);
    }
  }

  /** A notice (.docx, .pdf, .txt) or a checklist (.xlsx, .xls), told apart by its content. */
  @PostMapping({"/plans/review-file", "/plans/review-xlsx"})
  public String reviewFile(@RequestParam("file") MultipartFile file, @RequestParam(required = false) Integer year,
      Model model, HttpServletResponse response) throws IOException {
    String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "上传的文件"
        : file.getOriginalFilename();
    try {
      if (file.getSize() > IntakeLimits.MAX_FILE_BYTES) {
        throw IntakeException.tooLarge("文件“" + name + "”过大（" + file.getSize() / 1024 / 1024 + " MB）：上限为 "
            + IntakeLimits.MAX_FILE_BYTES / 1024 / 1024 + " MB，请删去图片等附带内容后再上传");
      }
      return review(intake.read(name, file.getBytes(), year), model);
    } catch (NoticeParseException | IntakeException e) {
      return refused(e, year, model, response);
    }
  }

  /** The intake page again with what was wrong; nothing was stored. */
  private static String refused(RuntimeException e, Integer year, Model model, HttpServletResponse response) {
    response.setStatus(e instanceof IntakeException refusal ? refusal.status() : HttpStatus.BAD_REQUEST.value());
    model.addAttribute("error", e.getMessage());
    if (e instanceof IntakeException refusal && refusal.problems().size() > 1) {
      model.addAttribute("problems", refusal.problems().stream().map(IntakeProblem::toString).toList());
    }
    model.addAttribute("year", year);
    return "plans/new";
  }

  /** The review page for what was read; its notes (the sheet read, deadlines set to the year's end) above it. */
  private String review(NoticeIntake.Result read, Model model) {
    model.addAttribute("pageNotes", read.notes());
    return review(read.plan(), read.rows(), model);
  }

  private String review(ParsedPlan plan, Map<String, Integer> rows, Model model) {
    model.addAttribute("plan", plan);
    model.addAttribute("problems", importer.check(plan, rows).stream().map(ImportProblem::toString).toList());
    model.addAttribute("directory", Map.of("units", directory.findAll().stream().filter(unit -> !unit.retired()).toList(),
        "groups", directory.groups(), "kinds", Arrays.stream(UnitKind.values())
            .map(kind -> Map.of("name", kind.name(), "label", kind.label())).toList(),
        "suggestions", suggestions(plan),
        "retired", directory.findAll().stream().filter(Unit::retired)
            .flatMap(unit -> Stream.concat(Stream.of(unit.name()), unit.aliases().stream())
                .map(name -> Map.of("name", name, "id", unit.id()))).toList()));
    return "plans/review";
  }

  /** Printed name (compacted) → close matches in the directory, for every name the directory does not know. */
  private Map<String, List<String>> suggestions(ParsedPlan plan) {
    DirectorySnapshot snapshot = directory.snapshot();
    Map<String, List<String>> suggestions = new LinkedHashMap<>();
    plan.tasks().forEach(task -> Stream.concat(Stream.ofNullable(task.leadUnit()), task.coUnits().stream())
        .map(snapshot::resolve).filter(ref -> ref.kind() == UnitRef.Kind.UNKNOWN)
        .forEach(ref -> suggestions.put(DirectorySnapshot.compact(ref.printedName()), ref.suggestions())));
    return suggestions;
  }

  /** The reviewed plan as JSON from the review page; answers {id, url} or {message, problems}. */
  @PostMapping(path = "/plans", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  public ResponseEntity<Map<String, Object>> submit(@RequestBody ParsedPlan plan,
      @RequestParam(defaultValue = "false") boolean newVersion, Principal user) {
    try {
      PlanSummary summary = importer.importPlan(plan,
          new PlanImportService.Options(PlanImportService.Source.NOTICE, user.getName(), newVersion, null));
      return ResponseEntity.status(HttpStatus.CREATED)
          .body(Map.of("id", summary.id(), "url", "/plans/" + summary.id()));
    } catch (PlanImportException e) {
      return ResponseEntity.status(e.isConflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST)
          .body(Map.of("message", e.getMessage(), "conflict", e.isConflict(), "problems", e.problems()));
    }
  }

  /** Problems the plan would be refused for, without storing anything. */
  @PostMapping(path = "/plans/check", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  public List<ImportProblem> check(@RequestBody ParsedPlan plan) {
    return importer.check(plan, Map.of());
  }

  @GetMapping("/plans/{id}")
  public String show(@PathVariable long id, Authentication user, Model model) {
    PlanProgress detail = progress.of(id).map(plan -> plan.visibleTo(Viewer.of(user)))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + id + " 的计划"));
    model.addAttribute("detail", detail);
    model.addAttribute("changes", changes.ofPlan(id));
    model.addAttribute("unitNames", directory.findAll().stream()
        .collect(java.util.stream.Collectors.toMap(unit -> unit.id(), unit -> unit.name())));
    model.addAttribute("changeable", detail.plan().status() == com.xiezuo.plan.PlanStatus.APPROVED
        || detail.plan().status() == com.xiezuo.plan.PlanStatus.IN_PROGRESS);
    return "plans/show";
  }

  /** A coordinator proposes a change of one task; leadership decides in Tasklist. */
  @PostMapping("/plans/{id}/changes")
  public String proposeChange(@PathVariable long id, @RequestParam String taskNumber, @RequestParam ChangeType type,
      @RequestParam String reason, @RequestParam(required = false) java.time.LocalDate newDeadline,
      @RequestParam(required = false) String newTitle, @RequestParam(required = false) String newContent,
      Principal user, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    try {
      changes.propose(id, new ChangeProposal(taskNumber, type, reason, newDeadline, newTitle, newContent), user.getName());
      redirect.addFlashAttribute("changeMessage", "任务 " + taskNumber + " 的" + type.label() + "申请已提交领导审批。");
    } catch (PlanImportException e) {
      redirect.addFlashAttribute("changeError", "任务 " + taskNumber + " 的变更申请未提交：" + e.problems().get(0).message());
    }
    return "redirect:/plans/" + id;
  }

  @GetMapping("/plans/{id}/export.xlsx")
  public ResponseEntity<byte[]> export(@PathVariable long id) {
    PlanDetail plan = detail(id);
    return ChecklistWorkbook.download(plan);
  }

  private PlanDetail detail(long id) {
    return plans.find(id, directory.snapshot())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + id + " 的计划"));
  }
}
