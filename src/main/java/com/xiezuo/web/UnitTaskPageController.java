package com.xiezuo.web;

import com.xiezuo.decomposition.IndicatorRow;
import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.execution.AssignmentStatus;
import com.xiezuo.execution.Evidence;
import com.xiezuo.execution.IndicatorTargets;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitTaskAccess;
import com.xiezuo.execution.UnitTaskActions;
import com.xiezuo.execution.UnitTaskData;
import com.xiezuo.execution.UnitTaskFigures;
import com.xiezuo.mail.MailKind;
import com.xiezuo.mail.MailOutbox;
import com.xiezuo.plan.PlanMilestone;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.progress.StatusLight;
import com.xiezuo.reminder.ReminderSettings;
import com.xiezuo.workflow.Deadlines;
import com.xiezuo.workflow.Quantities;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page of one unit's task: figures, ledger (台账), evidence, milestones, reports, instructions, urging. */
@Controller
public class UnitTaskPageController {

  private final UnitTaskActions actions;
  private final UnitTaskAccess access;
  private final UnitTaskData data;
  private final UnitTaskFigures figures;
  private final Evidence evidence;
  private final PlanRepository plans;
  private final UnitDirectory directory;
  private final MailOutbox outbox;
  private final ReminderSettings reminders;
  private final TaskService taskService;
  private final IndicatorTargets indicatorTargets;

  public UnitTaskPageController(UnitTaskActions actions, UnitTaskAccess access, UnitTaskData data,
      UnitTaskFigures figures, Evidence evidence, PlanRepository plans, UnitDirectory directory, MailOutbox outbox,
      ReminderSettings reminders, TaskService taskService, IndicatorTargets indicatorTargets) {
    this.taskService = taskService;
    this.indicatorTargets = indicatorTargets;
    this.actions = actions;
    this.access = access;
    this.data = data;
    this.figures = figures;
    this.evidence = evidence;
    this.plans = plans;
    this.directory = directory;
    this.outbox = outbox;
    this.reminders = reminders;
  }

  @GetMapping("/execution/{id}")
  public String show(@PathVariable long id, Authentication user, Model model) {
    UnitAssignment assignment = actions.find(id);
    UnitTaskAccess.Rights rights = access.of(user, assignment);
    UnitTaskAccess.require(rights.view(), "查看该单位任务");
    var ref = plans.findTask(assignment.planTaskId(), directory.snapshot()).orElseThrow();
    Map<String, String> names = directory.findAll().stream().collect(Collectors.toMap(Unit::id, Unit::name));
    List<IndicatorRow> indicators = figures.indicatorsOf(assignment);
    Map<Long, BigDecimal> totals = figures.standing(assignment);
    Map<Long, String> indicatorNames = new LinkedHashMap<>();
    Map<Long, String> indicatorTotals = new LinkedHashMap<>();
    for (IndicatorRow indicator : indicators) {
      indicatorNames.put(indicator.id(), indicator.label() + "（" + indicator.unit() + "）");
      indicatorTotals.put(indicator.id(), UnitTaskFigures.standingLabel(indicator) + " "
          + Quantities.format(totals.getOrDefault(indicator.id(), BigDecimal.ZERO), indicator.unit()));
    }
    StatusLight light = StatusLight.of(assignment.status().name(), assignment.overdue(), ref.task().deadline(),
        Deadlines.today(), reminders);
    model.addAttribute("assignment", assignment);
    model.addAttribute("plan", ref.plan());
    model.addAttribute("task", ref.task());
    model.addAttribute("unitName", names.getOrDefault(assignment.unitId(), assignment.unitId()));
    model.addAttribute("light", light);
    model.addAttribute("rights", rights);
    model.addAttribute("indicators", indicators);
    model.addAttribute("indicatorNames", indicatorNames);
    Map<Long, String> indicatorUnits = new LinkedHashMap<>();
    indicators.forEach(indicator -> indicatorUnits.put(indicator.id(), indicator.unit()));
    model.addAttribute("indicatorUnits", indicatorUnits);
    model.addAttribute("indicatorTotals", indicatorTotals);
    model.addAttribute("ledger", data.ledger(assignment.id()));
    model.addAttribute("corrections", data.ledgerCorrections(assignment.id()));
    model.addAttribute("ownTargets", ownTargets(assignment, indicators));
    model.addAttribute("open", assignment.status() == AssignmentStatus.ACTIVE);
    model.addAttribute("evidence", evidence.of(assignment.id()));
    model.addAttribute("milestones", plans.milestonesOfTask(assignment.planTaskId()).stream()
        .map(m -> new MilestoneView(m, data.milestoneDone(assignment.id(), m.id()))).toList());
    model.addAttribute("reports", data.reports(assignment.id()));
    model.addAttribute("instructions", data.instructions(assignment.id()));
    model.addAttribute("following", data.follows(assignment.id(), user.getName()));
    model.addAttribute("contributions", assignment.isLead() ? figures.coUnitContributions(assignment, names) : null);
    model.addAttribute("urges", outbox.latest(50, assignment.businessKey()).stream()
        .filter(mail -> mail.kind() == MailKind.URGE).toList());
    model.addAttribute("maxUploadMb", evidence.maxBytes() / 1024 / 1024);
    model.addAttribute("today", Deadlines.today());
    model.addAttribute("openTask", openTask(assignment));
    return "execution/task";
  }

  public record MilestoneView(PlanMilestone milestone, boolean done) {}

  /** An amount as typed on the page ("1.2亿", "3000万", "55"), in the indicator's unit. */
  private BigDecimal amount(UnitAssignment assignment, long indicatorId, String typed) {
    String unit = figures.indicatorsOf(assignment).stream().filter(indicator -> indicator.id() == indicatorId)
        .map(IndicatorRow::unit).findFirst().orElse("");
    BigDecimal value = Quantities.parse(typed, unit);
    if (value == null) {
      throw new NumberFormatException("不能为空");
    }
    return value;
  }

  /** What this unit answers for, said as its forms say it. */
  private Map<Long, String> ownTargets(UnitAssignment assignment, List<IndicatorRow> indicators) {
    Map<Long, String> targets = new LinkedHashMap<>();
    for (IndicatorRow indicator : indicators) {
      targets.put(indicator.id(), indicatorTargets.of(indicator.id(), indicator.comparator(), indicator.total(),
          indicator.unit(), indicator.stretch(), assignment));
    }
    return targets;
  }

  /** The step the unit task waits in, to open it in Tasklist directly; null once nothing is open. */
  private Task openTask(UnitAssignment assignment) {
    if (assignment.processInstanceId() == null) {
      return null;
    }
    return taskService.createTaskQuery().processInstanceId(assignment.processInstanceId()).orderByTaskCreateTime()
        .asc().list().stream().findFirst().orElse(null);
  }

  @PostMapping("/execution/{id}/ledger")
  public String ledger(@PathVariable long id, @RequestParam long indicatorId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @RequestParam String amount,
      @RequestParam(required = false) String note, Authentication user, RedirectAttributes redirect) {
    UnitAssignment assignment = actions.find(id);
    UnitTaskAccess.require(access.of(user, assignment).work(), "登记本任务台账");
    try {
      actions.addLedgerEntry(assignment, indicatorId, date, amount(assignment, indicatorId, amount), note,
          user.getName());
      redirect.addFlashAttribute("message", "台账已登记。");
    } catch (NumberFormatException e) {
      redirect.addFlashAttribute("error", "台账数量" + e.getMessage());
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/execution/" + id;
  }

  @PostMapping("/execution/{id}/ledger/{entryId}/correct")
  public String correctLedger(@PathVariable long id, @PathVariable long entryId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @RequestParam String amount,
      @RequestParam(required = false) String note, @RequestParam(required = false) String reason, Authentication user,
      RedirectAttributes redirect) {
    UnitAssignment assignment = actions.find(id);
    UnitTaskAccess.require(access.of(user, assignment).work(), "更正本任务台账");
    try {
      long indicatorId = data.ledgerEntry(entryId).map(UnitTaskData.LedgerEntry::indicatorId).orElse(-1L);
      actions.correctLedgerEntry(assignment, entryId, date, amount(assignment, indicatorId, amount), note, reason,
          user.getName());
      redirect.addFlashAttribute("message", "台账已更正，原记录保留在更正记录中。");
    } catch (NumberFormatException e) {
      redirect.addFlashAttribute("error", "台账数量" + e.getMessage());
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/execution/" + id;
  }

  @PostMapping("/execution/{id}/evidence/{fileId}/withdraw")
  public String withdrawEvidence(@PathVariable long id, @PathVariable long fileId,
      @RequestParam(required = false) String reason, Authentication user, RedirectAttributes redirect) {
    UnitAssignment assignment = actions.find(id);
    UnitTaskAccess.require(access.of(user, assignment).work(), "撤回本任务的佐证材料");
    Evidence.File file = evidence.of(assignment.id()).stream().filter(f -> f.id() == fileId).findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "本任务没有编号为 " + fileId + " 的佐证材料"));
    try {
      actions.withdrawEvidence(assignment, file, reason, user.getName());
      redirect.addFlashAttribute("message", "佐证材料“" + file.fileName() + "”已撤回（仍保留在撤回记录中）。");
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/execution/" + id;
  }

  @PostMapping("/execution/{id}/evidence")
  public String upload(@PathVariable long id, @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) String description, Authentication user, RedirectAttributes redirect)
      throws IOException {
    UnitAssignment assignment = actions.find(id);
    UnitTaskAccess.require(access.of(user, assignment).work(), "为本任务上传佐证材料");
    try {
      evidence.store(assignment.id(), file.getOriginalFilename(), file.getBytes(), description, user.getName());
      redirect.addFlashAttribute("message", "佐证材料“" + file.getOriginalFilename() + "”已上传。");
    } catch (Evidence.EvidenceRefusedException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/execution/" + id;
  }

  /** Always a download, with the type read from the bytes: a file is never rendered or run in the browser. */
  @GetMapping("/execution/evidence/{fileId}")
  public ResponseEntity<byte[]> download(@PathVariable long fileId, Authentication user) {
    Evidence.Content content = evidence.load(fileId).orElseThrow(() -> new org.springframework.web.server
        .ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "没有该佐证材料"));
    UnitTaskAccess.require(access.of(user, actions.find(content.file().assignmentId())).view(), "下载该佐证材料");
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(content.file().contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(content.file().fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(content.bytes());
  }

  @PostMapping("/execution/{id}/milestones/{milestoneId}")
  public String milestone(@PathVariable long id, @PathVariable long milestoneId, Authentication user,
      RedirectAttributes redirect) {
    UnitAssignment assignment = actions.find(id);
    UnitTaskAccess.require(access.of(user, assignment).work(), "标记本任务节点");
    if (plans.milestonesOfTask(assignment.planTaskId()).stream().noneMatch(m -> m.id() == milestoneId)) {
      redirect.addFlashAttribute("error", "该节点不属于本任务");
    } else {
      data.markMilestone(assignment.id(), milestoneId, user.getName());
      redirect.addFlashAttribute("message", "节点已标记完成。");
    }
    return "redirect:/execution/" + id;
  }

  @PostMapping("/execution/{id}/instructions")
  public String instruct(@PathVariable long id, @RequestParam String text, Authentication user,
      RedirectAttributes redirect) {
    UnitAssignment assignment = actions.find(id);
    UnitTaskAccess.require(access.of(user, assignment).instruct(), "作出批示");
    try {
      actions.instruct(assignment, text, user.getName());
      redirect.addFlashAttribute("message", "批示已发出，已记入任务。");
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/execution/" + id;
  }

  @PostMapping("/execution/{id}/follow")
  public String follow(@PathVariable long id, @RequestParam boolean follow, Authentication user) {
    UnitAssignment assignment = actions.find(id);
    UnitTaskAccess.require(access.of(user, assignment).follow(), "关注该任务");
    data.follow(assignment.id(), user.getName(), follow);
    return "redirect:/execution/" + id;
  }

  @PostMapping("/execution/{id}/urge")
  public String urge(@PathVariable long id, @RequestParam(required = false) String message, Authentication user,
      RedirectAttributes redirect) {
    UnitAssignment assignment = actions.find(id);
    UnitTaskAccess.require(access.of(user, assignment).urge(), "催办");
    try {
      boolean sent = actions.urge(assignment, message, user.getName());
      redirect.addFlashAttribute("message", sent ? "已向该单位发出催办。" : "催办已记录；邮件服务器暂不可用，系统将自动重发催办邮件。");
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/execution/" + id;
  }

  @GetMapping("/execution/followed")
  public String followed(Authentication user, Model model) {
    model.addAttribute("assignments", data.followed(user.getName()).stream().map(actions::find).toList());
    model.addAttribute("unitNames", directory.findAll().stream().collect(Collectors.toMap(Unit::id, Unit::name)));
    return "execution/followed";
  }
}
