package com.xiezuo.web;

import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.plan.PlanDetail;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.progress.PlanProgress;
import com.xiezuo.progress.PlanProgressQuery;
import com.xiezuo.security.Viewer;
import com.xiezuo.supervision.CardColor;
import com.xiezuo.supervision.FindingReason;
import com.xiezuo.supervision.RectificationPaths;
import com.xiezuo.supervision.RectificationRecords.Rectification;
import com.xiezuo.supervision.Rectifications;
import com.xiezuo.supervision.RoundKind;
import com.xiezuo.supervision.RoundReview;
import com.xiezuo.supervision.SupervisionCards;
import com.xiezuo.supervision.SupervisionProblemException;
import com.xiezuo.supervision.SupervisionRoundRecords.Card;
import com.xiezuo.supervision.SupervisionRoundRecords.Round;
import com.xiezuo.supervision.SupervisionRoundRecords.StoredFinding;
import com.xiezuo.supervision.SupervisionRounds;
import com.xiezuo.supervision.bulletin.Bulletins;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Supervision pages: the rounds of every plan, and a round's findings as a table filterable by unit and reason, where
 * a supervisor dismisses a finding with a reason or adds one; supervisors and leaders order a round on demand.
 */
@Controller
public class SupervisionPageController {

  /** One row of the findings table, with the names a reader needs. */
  public record FindingRow(StoredFinding stored, String unitName, String taskTitle) {}

  /** A unit task's card in the round, with the names a reader needs. */
  public record CardRow(Card card, String reason, String unitName, String taskLabel, boolean manualRed) {}

  /** A unit task a supervisor may add a finding to. */
  public record TaskChoice(long assignmentId, String label) {}

  private final SupervisionRounds rounds;
  private final PlanRepository plans;
  private final PlanProgressQuery progress;
  private final UnitDirectory directory;
  private final SupervisionCards cards;
  private final Rectifications rectifications;
  private final RoundReview review;
  private final Bulletins bulletins;

  public SupervisionPageController(SupervisionRounds rounds, RoundReview review, PlanRepository plans,
      PlanProgressQuery progress, UnitDirectory directory, SupervisionCards cards, Rectifications rectifications,
      Bulletins bulletins) {
    this.review = review;
    this.bulletins = bulletins;
    this.cards = cards;
    this.rectifications = rectifications;
    this.rounds = rounds;
    this.plans = plans;
    this.progress = progress;
    this.directory = directory;
  }

  @GetMapping("/supervision")
  public String list(Model model) {
    Map<PlanSummary, List<Round>> byPlan = new LinkedHashMap<>();
    for (PlanSummary plan : plans.findAll()) {
      byPlan.put(plan, rounds.rounds(plan.id()));
    }
    model.addAttribute("plans", byPlan);
    model.addAttribute("units", directory.findAll().stream().filter(unit -> !unit.retired()).toList());
    return "supervision/list";
  }

  @PostMapping("/supervision/rounds")
  public String order(@RequestParam(required = false) Long planId,
      @RequestParam(name = "units", required = false) List<String> units, Authentication user,
      RedirectAttributes redirect) {
    PlanSummary plan = planId == null ? null : plans.findSummary(planId).orElse(null);
    if (plan == null) {
      redirect.addFlashAttribute("problems", List.of("请选择要督查的工作计划"));
      return "redirect:/supervision";
    }
    List<String> scope = units == null ? List.of() : units.stream().filter(id -> !id.isBlank()).distinct().toList();
    List<String> unknown = scope.stream().filter(id -> directory.find(id).isEmpty()).toList();
    if (!unknown.isEmpty()) {
      redirect.addFlashAttribute("problems", List.of("单位名录中没有这些单位：" + String.join("、", unknown)));
      return "redirect:/supervision";
    }
    Round round = rounds.start(plan.id(), RoundKind.ON_DEMAND, scope, user.getName());
    redirect.addFlashAttribute("notice", "已发起第 " + round.number() + " 轮专项督查，督查人员在任务中心收到核查任务。");
    return "redirect:/supervision/rounds/" + round.id();
  }

  @GetMapping("/supervision/rounds/{id}")
  public String round(@PathVariable long id, @RequestParam(required = false) String unit,
      @RequestParam(required = false) String reason, Authentication user, Model model) {
    Round round = rounds.round(id).orElseThrow(() -> notFound(id));
    PlanProgress plan = progress.of(round.planId()).orElseThrow(() -> notFound(id));
    Map<String, String> unitNames = directory.findAll().stream().collect(Collectors.toMap(Unit::id, Unit::name));
    Map<String, String> titles = plan.tasks().stream().map(PlanProgress.TaskProgress::task)
        .collect(Collectors.toMap(PlanDetail.Task::number, PlanDetail.Task::title, (a, b) -> a));
    List<FindingRow> all = rounds.findings(id).stream().map(stored -> new FindingRow(stored,
        unitNames.getOrDefault(stored.finding().unitId(), stored.finding().unitId()),
        titles.getOrDefault(stored.finding().taskNumber(), ""))).toList();
    FindingReason chosenReason = parseReason(reason);
    List<FindingRow> shown = all.stream()
        .filter(row -> unit == null || unit.isBlank() || row.stored().finding().unitId().equals(unit))
        .filter(row -> chosenReason == null || row.stored().finding().reason() == chosenReason).toList();
    Map<FindingReason, Long> counts = all.stream().filter(row -> !row.stored().isDismissed()).collect(
        Collectors.groupingBy(row -> row.stored().finding().reason(), () -> new EnumMap<>(FindingReason.class),
            Collectors.counting()));
    Map<String, String> unitsWithFindings = new TreeMap<>();
    all.forEach(row -> unitsWithFindings.put(row.stored().finding().unitId(), row.unitName()));
    model.addAttribute("round", round);
    model.addAttribute("bulletin", bulletins.ofRound(round.id()).orElse(null));
    model.addAttribute("plan", plan.plan());
    model.addAttribute("rows", shown);
    model.addAttribute("total", all.size());
    model.addAttribute("active", all.stream().filter(row -> !row.stored().isDismissed()).count());
    model.addAttribute("counts", counts);
    model.addAttribute("reasons", FindingReason.values());
    model.addAttribute("unitOptions", unitsWithFindings);
    model.addAttribute("unit", unit == null ? "" : unit);
    model.addAttribute("reason", chosenReason == null ? "" : chosenReason.name());
    model.addAttribute("canEdit", round.isOpen() && Viewer.of(user).supervisor());
    Map<Long, String> taskLabels = new HashMap<>();
    plan.rows().forEach(row -> taskLabels.put(row.unitTask().assignmentId(), row.task().number() + " " + row.task().title()));
    Map<Long, String> standingReasons = new HashMap<>();
    all.stream().filter(row -> !row.stored().isDismissed()).forEach(row -> standingReasons.merge(
        row.stored().finding().assignmentId(), row.stored().finding().reason().label(),
        (a, b) -> a.contains(b) ? a : a + "、" + b));
    List<CardRow> cardRows = cards.ofRound(id).values().stream()
        .map(card -> new CardRow(card, card.raisedByHand() && standingReasons.containsKey(card.assignmentId())
                ? card.describe() + "；另：" + standingReasons.get(card.assignmentId()) : card.describe(),
            unitNames.getOrDefault(card.unitId(), card.unitId()), taskLabels.getOrDefault(card.assignmentId(), ""),
            cards.manualRedOf(round.planId(), card.assignmentId()).isPresent()))
        .sorted(Comparator.comparing((CardRow row) -> row.card().color()).thenComparing(CardRow::taskLabel))
        .toList();
    model.addAttribute("rectifications", rectifications.ofRound(id));
    model.addAttribute("unitNamesById", unitNames);
    model.addAttribute("cardRows", cardRows.stream().filter(row -> row.card().color() != CardColor.GREEN).toList());
    model.addAttribute("cardCounts", cardRows.stream().collect(Collectors.groupingBy(row -> row.card().color(),
        () -> new EnumMap<>(CardColor.class), Collectors.counting())));
    model.addAttribute("choices", plan.rows().filter(row -> row.unitTask().isActive())
        .filter(row -> round.scopeUnits().isEmpty() || round.scopeUnits().contains(row.unitTask().unitId()))
        .map(row -> new TaskChoice(row.unitTask().assignmentId(), "任务 " + row.task().number() + " "
            + row.task().title() + " · " + unitNames.getOrDefault(row.unitTask().unitId(), row.unitTask().unitId())))
        .toList());
    return "supervision/round";
  }

  @PostMapping("/supervision/rounds/{id}/findings/{findingId}/dismiss")
  public String dismiss(@PathVariable long id, @PathVariable long findingId,
      @RequestParam(required = false) String reason, @RequestParam(required = false) String filterUnit,
      @RequestParam(required = false) String filterReason, Authentication user, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    // back to the filtered table the supervisor was working through
    String back = UriComponentsBuilder.fromPath("/supervision/rounds/" + id)
        .queryParamIfPresent("unit", Optional.ofNullable(filterUnit).filter(value -> !value.isBlank()))
        .queryParamIfPresent("reason", Optional.ofNullable(filterReason).filter(value -> !value.isBlank()))
        .encode().build().toUriString();
    return attempt(id, back, () -> {
      review.dismiss(id, findingId, reason, user.getName());
      return "已排除该条发现，理由已记录。";
    }, Map.of(), user, model, response, redirect);
  }

  @PostMapping("/supervision/rounds/{id}/findings")
  public String add(@PathVariable long id, @RequestParam(required = false) String assignmentId,
      @RequestParam(required = false) String detail, Authentication user, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    return attempt(id, () -> {
      review.addFinding(id, parseId(assignmentId), detail, user.getName());
      return "已补充一条督查发现。";
    }, typed("typedDetail", detail), user, model, response, redirect);
  }

  @PostMapping("/supervision/rounds/{id}/cards/red")
  public String raiseRed(@PathVariable long id, @RequestParam(required = false) String assignmentId,
      @RequestParam(required = false) String reason, Authentication user, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    return attempt(id, () -> {
      review.raiseRedCard(id, parseId(assignmentId), reason, user.getName());
      return "已亮红牌，理由已记录；撤销前该任务保持红牌。";
    }, typed("typedCardReason", reason), user, model, response, redirect);
  }

  @PostMapping("/supervision/rounds/{id}/cards/clear")
  public String clearRed(@PathVariable long id, @RequestParam(required = false) String assignmentId,
      @RequestParam(required = false) String reason, Authentication user, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    return attempt(id, () -> review.clearRedCard(id, parseId(assignmentId), reason, user.getName()) == CardColor.RED
        ? "已撤销督查人员亮出的红牌；该任务仍有逾期事项，按记录仍为红牌。"
        : "已撤销红牌，降为黄牌；下轮保持正常转为绿牌。", Map.of(), user, model, response, redirect);
  }

  /** Runs a supervisor's action: back to the round with its notice, or the round again with every problem, 400. */
  /** A rectification notice from findings ticked on the round page; refused whole, the page comes back with 400. */
  @PostMapping("/supervision/rounds/{id}/rectifications")
  public String issue(@PathVariable long id,
      @RequestParam(name = "findingIds", required = false) List<String> findingIds,
      @RequestParam(required = false) String problem, @RequestParam(required = false) String requirement,
      @RequestParam(required = false) String dueDate, Authentication user, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      Rectification issued = rectifications.issue(id, ids(findingIds), problem, requirement, dueDate, user.getName());
      redirect.addFlashAttribute("notice", "整改通知已下发，单位在任务中心收到整改任务并收到邮件。");
      return "redirect:" + RectificationPaths.page(issued.id());
    } catch (SupervisionProblemException e) {
      model.addAttribute("typedRequirement", requirement);
      model.addAttribute("typedProblem", problem);
      model.addAttribute("typedDueDate", dueDate);
      return refused(id, e, user, model, response);
    }
  }

  private static List<Long> ids(List<String> typed) {
    if (typed == null) {
      return List.of();
    }
    return typed.stream().flatMap(value -> Arrays.stream(value.split(","))).map(String::strip)
        .filter(value -> value.matches("\\d{1,18}")).map(Long::valueOf).toList();
  }

  private String attempt(long id, Supplier<String> action, Map<String, String> typed, Authentication user,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    return attempt(id, "/supervision/rounds/" + id, action, typed, user, model, response, redirect);
  }

  private String attempt(long id, String back, Supplier<String> action, Map<String, String> typed,
      Authentication user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    try {
      redirect.addFlashAttribute("notice", action.get());
      return "redirect:" + back;
    } catch (SupervisionProblemException e) {
      model.addAllAttributes(typed);
      return refused(id, e, user, model, response);
    }
  }

  private static Map<String, String> typed(String name, String value) {
    return value == null ? Map.of() : Map.of(name, value);
  }

  private String refused(long id, SupervisionProblemException e, Authentication user, Model model,
      HttpServletResponse response) {
    if (rounds.round(id).isEmpty()) {
      throw notFound(id);
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("problems", e.problems());
    return round(id, null, null, user, model);
  }

  private static Long parseId(String typed) {
    try {
      return typed == null || typed.isBlank() ? null : Long.valueOf(typed.strip());
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  private static FindingReason parseReason(String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    for (FindingReason reason : FindingReason.values()) {
      if (reason.name().equals(typed)) {
        return reason;
      }
    }
    return null;
  }

  private static ResponseStatusException notFound(long id) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + id + " 的督查轮次");
  }
}
