package com.xiezuo.supervision;

import com.xiezuo.plan.PlanRepository;
import com.xiezuo.security.Viewer;
import com.xiezuo.supervision.RectificationRecords.Rectification;
import com.xiezuo.supervision.SupervisionRoundRecords.Card;
import com.xiezuo.supervision.SupervisionRoundRecords.Round;
import com.xiezuo.supervision.SupervisionRoundRecords.StoredFinding;
import com.xiezuo.workflow.CommandRefusedException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/**
 * The rounds of a plan and each round's findings, cards and rectifications as JSON, for those who oversee (the
 * figures a bulletin states are these). Unit staff read their own rectifications on their pages, not the rounds.
 */
@RestController
public class SupervisionApiController {

  /** A round with its counts: findings standing by reason, cards by colour, notices issued and closed. */
  public record RoundSummary(long id, int number, String kind, String kindLabel, LocalDate asOf, String status,
      String statusLabel, boolean late, List<String> scopeUnits, int findings, int dismissed,
      Map<FindingReason, Long> findingsByReason, Map<CardColor, Long> cards, int rectificationsIssued,
      int rectificationsClosed) {}

  public record FindingView(long id, long assignmentId, String unitId, String taskNumber, FindingReason reason,
      String reasonLabel, String detail, BigDecimal expected, BigDecimal actual, LocalDate referenceDate,
      String addedBy, boolean dismissed, String dismissedReason, String dismissedBy) {}

  public record CardView(long assignmentId, String unitId, CardColor color, String colorLabel, String reason,
      boolean raisedByHand) {}

  public record RectificationView(long id, String unitId, long assignmentId, LocalDate dueDate, String status,
      String statusLabel, boolean overdue) {}

  public record RoundDetail(RoundSummary round, List<FindingView> findings, List<CardView> cards,
      List<RectificationView> rectifications) {}

  private final SupervisionRounds rounds;
  private final SupervisionCards cards;
  private final Rectifications rectifications;
  private final PlanRepository plans;

  public SupervisionApiController(SupervisionRounds rounds, SupervisionCards cards, Rectifications rectifications,
      PlanRepository plans) {
    this.rounds = rounds;
    this.plans = plans;
    this.cards = cards;
    this.rectifications = rectifications;
  }

  @GetMapping("/api/plans/{planId}/supervision/rounds")
  public List<RoundSummary> rounds(@PathVariable long planId, Authentication user) {
    overseer(user);
    if (plans.findSummary(planId).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + planId + " 的计划");
    }
    return rounds.rounds(planId).stream().map(this::summary).toList();
  }

  @GetMapping("/api/supervision/rounds/{id}")
  public RoundDetail round(@PathVariable long id, Authentication user) {
    overseer(user);
    Round round = rounds.round(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + id + " 的督查轮次"));
    List<FindingView> findings = rounds.findings(id).stream().map(SupervisionApiController::finding).toList();
    List<CardView> cardViews = cards.ofRound(id).values().stream().map(card -> new CardView(card.assignmentId(),
        card.unitId(), card.color(), card.color().label(), card.describe(), card.raisedByHand())).toList();
    List<RectificationView> notices = rectifications.ofRound(id).stream().map(SupervisionApiController::notice)
        .toList();
    return new RoundDetail(summary(round), findings, cardViews, notices);
  }

  private RoundSummary summary(Round round) {
    List<StoredFinding> findings = rounds.findings(round.id());
    Map<FindingReason, Long> byReason = findings.stream().filter(stored -> !stored.isDismissed()).collect(
        Collectors.groupingBy(stored -> stored.finding().reason(), () -> new EnumMap<>(FindingReason.class),
            Collectors.counting()));
    Map<CardColor, Long> byColor = cards.ofRound(round.id()).values().stream().collect(Collectors.groupingBy(
        Card::color, () -> new EnumMap<>(CardColor.class), Collectors.counting()));
    List<Rectification> notices = rectifications.ofRound(round.id());
    int dismissed = (int) findings.stream().filter(StoredFinding::isDismissed).count();
    return new RoundSummary(round.id(), round.number(), round.kind().name(), round.kind().label(), round.asOf(),
        round.status(), round.statusLabel(), round.late(), round.scopeUnits(), findings.size() - dismissed, dismissed,
        byReason, byColor, notices.size(), (int) notices.stream().filter(notice -> !notice.isOpen()).count());
  }

  private static FindingView finding(StoredFinding stored) {
    Finding finding = stored.finding();
    return new FindingView(stored.id(), finding.assignmentId(), finding.unitId(), finding.taskNumber(),
        finding.reason(), finding.reason().label(), finding.detail(), finding.expected(), finding.actual(),
        finding.referenceDate(), stored.addedBy(), stored.isDismissed(), stored.dismissedReason(),
        stored.dismissedBy());
  }

  private static RectificationView notice(Rectification notice) {
    return new RectificationView(notice.id(), notice.unitId(), notice.assignmentId(), notice.dueDate(),
        notice.status().name(), notice.statusLabel(), notice.overdue());
  }

  private static void overseer(Authentication user) {
    if (!Viewer.of(user).seesEveryUnit()) {
      throw new CommandRefusedException("督查轮次只对督查人员、协调员和领导开放；本单位的整改通知请在“整改通知”页面查看");
    }
  }

  @ExceptionHandler(CommandRefusedException.class)
  ResponseEntity<Map<String, Object>> refused(CommandRefusedException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", e.getMessage(), "problems", List.of()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> badId(MethodArgumentTypeMismatchException e) {
    return ResponseEntity.badRequest()
        .body(Map.of("message", "编号须为数字，收到“" + e.getValue() + "”", "problems", List.of()));
  }
}
