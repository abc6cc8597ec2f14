package com.xiezuo.supervision;

import com.xiezuo.execution.AssignmentStatus;
import com.xiezuo.execution.PlanExecutionFacts.AssignmentFacts;
import com.xiezuo.plan.PlanDetail;
import com.xiezuo.reminder.ReminderSettings;
import com.xiezuo.supervision.SupervisionRoundRecords.Card;
import com.xiezuo.supervision.SupervisionRoundRecords.Round;
import com.xiezuo.workflow.Deadlines;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The cards of a round's unit tasks ({@link CardRule}), decided when the round opens, again when one of its findings
 * is dismissed, and the red cards supervisors raise and clear by hand. Every decision is a row: a unit task's card
 * history is what was decided round by round.
 */
@Component
public class SupervisionCards {

  static final int REASON_MAX = 500;

  private final SupervisionRoundRecords records;
  private final ReminderSettings reminderSettings;

  public SupervisionCards(SupervisionRoundRecords records, ReminderSettings reminderSettings) {
    this.records = records;
    this.reminderSettings = reminderSettings;
  }

  /** The cards of the open unit tasks a round looks at, from its findings. */
  void decideAll(Round round, Map<Long, PlanDetail.Task> tasks, List<AssignmentFacts> facts, List<Finding> findings) {
    List<Card> history = records.cardsOfPlan(round.planId());
    for (AssignmentFacts fact : facts) {
      if (fact.assignment().status() != AssignmentStatus.ACTIVE) {
        continue;
      }
      long id = fact.assignment().id();
      CardRule.Decision decision = CardRule.decide(previous(history, round.id(), id), manualRed(history, id),
          findings.stream().filter(finding -> finding.assignmentId() == id).toList(),
          near(tasks.get(fact.assignment().planTaskId()), round.asOf()));
      records.insertCard(round.id(), id, fact.assignment().unitId(), decision.color(), false, false, decision.reason(),
          null, Deadlines.now().toInstant());
    }
  }

  /** After a finding of the round was dismissed or added ({@code why}): the unit task's card is decided again. */
  void redecide(Round round, long assignmentId, LocalDate deadline, String why) {
    List<Card> history = records.cardsOfPlan(round.planId());
    if (history.stream().noneMatch(card -> card.roundId() == round.id() && card.assignmentId() == assignmentId)) {
      return;
    }
    CardRule.Decision decision = CardRule.decide(previous(history, round.id(), assignmentId),
        manualRed(history, assignmentId), standing(round.id(), assignmentId), near(deadline, round.asOf()));
    String unitId = history.stream().filter(card -> card.assignmentId() == assignmentId).findFirst().orElseThrow()
        .unitId();
    records.insertCard(round.id(), assignmentId, unitId, decision.color(), false, false,
        why + "后重新评定：" + decision.reason(), null, Deadlines.now().toInstant());
  }

  /** A supervisor's red card for a task badly behind (严重滞后); it stays red until cleared by hand. */
  void raiseRed(Round round, long assignmentId, String unitId, String reason, String user) {
    records.insertCard(round.id(), assignmentId, unitId, CardColor.RED, true, false, reason, user,
        Deadlines.now().toInstant());
  }

  /**
   * Clears a red card raised by hand; the record decides the colour again, and like any red card it steps down to
   * yellow first (it stays red while the task is overdue). Returns the colour it now has.
   */
  CardColor clearRed(Round round, long assignmentId, String unitId, String reason, LocalDate deadline, String user) {
    CardRule.Decision decision = CardRule.decide(CardColor.RED, null, standing(round.id(), assignmentId),
        near(deadline, round.asOf()));
    records.insertCard(round.id(), assignmentId, unitId, decision.color(), true, true,
        "撤销督查人员亮出的红牌（" + reason + "），按记录评定：" + decision.reason(), user, Deadlines.now().toInstant());
    return decision.color();
  }

  /** The red card raised by hand on a unit task and not cleared since, if any: its reason. */
  public Optional<String> manualRedOf(long planId, long assignmentId) {
    return Optional.ofNullable(manualRed(records.cardsOfPlan(planId), assignmentId));
  }

  /** Each unit task's card in the round: its latest row there. */
  public Map<Long, Card> ofRound(long roundId) {
    Map<Long, Card> current = new LinkedHashMap<>();
    records.cardsOfRound(roundId).forEach(card -> current.put(card.assignmentId(), card));
    return current;
  }

  /** A unit task's cards round by round (the latest decision of each round), oldest first. */
  public List<Card> historyOf(long planId, long assignmentId) {
    Map<Long, Card> byRound = new LinkedHashMap<>();
    records.cardsOfPlan(planId).stream().filter(card -> card.assignmentId() == assignmentId)
        .forEach(card -> byRound.put(card.roundId(), card));
    return List.copyOf(byRound.values());
  }

  private List<Finding> standing(long roundId, long assignmentId) {
    return records.findings(roundId).stream().filter(stored -> !stored.isDismissed())
        .map(SupervisionRoundRecords.StoredFinding::finding)
        .filter(finding -> finding.assignmentId() == assignmentId).toList();
  }

  private static CardColor previous(List<Card> history, long roundId, long assignmentId) {
    CardColor previous = null;
    for (Card card : history) {
      if (card.assignmentId() == assignmentId && card.roundId() != roundId) {
        previous = card.color();
      }
    }
    return previous;
  }

  private static String manualRed(List<Card> history, long assignmentId) {
    Card last = null;
    for (Card card : history) {
      if (card.assignmentId() == assignmentId && card.manual()) {
        last = card;
      }
    }
    return last != null && last.raisedByHand() ? last.reason() : null;
  }

  private LocalDate near(PlanDetail.Task task, LocalDate asOf) {
    return task == null ? null : near(task.deadline(), asOf);
  }

  private LocalDate near(LocalDate deadline, LocalDate asOf) {
    return deadline != null && reminderSettings.isInWindow(deadline, asOf) ? deadline : null;
  }
}
