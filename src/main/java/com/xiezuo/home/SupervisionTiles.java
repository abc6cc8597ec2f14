package com.xiezuo.home;

import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.supervision.CardColor;
import com.xiezuo.supervision.Rectifications;
import com.xiezuo.supervision.SupervisionCards;
import com.xiezuo.supervision.SupervisionRoundRecords.Card;
import com.xiezuo.supervision.SupervisionRoundRecords.Round;
import com.xiezuo.supervision.SupervisionRounds;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The dashboard's supervision tiles and the records behind each: the latest round's findings and cards, the plan's
 * rectification notices. A tile's number and its list come from the same read.
 */
@Component
public class SupervisionTiles {

  private final SupervisionRounds rounds;
  private final SupervisionCards cards;
  private final Rectifications rectifications;
  private final UnitAssignments assignments;
  private final UnitDirectory directory;

  SupervisionTiles(SupervisionRounds rounds, SupervisionCards cards, Rectifications rectifications,
      UnitAssignments assignments, UnitDirectory directory) {
    this.rounds = rounds;
    this.cards = cards;
    this.rectifications = rectifications;
    this.assignments = assignments;
    this.directory = directory;
  }

  /** A supervision record behind a number on the dashboard: what, which unit, which unit task, and where to read it. */
  public record RecordLine(String what, String unitName, String taskNumber, String detail, String link) {}

  /** What the supervision tiles count, by kind: findings and cards of the latest round, the plan's notices. */
  public enum SupervisionList {
    FINDINGS("督查问题"), RED("红牌"), YELLOW("黄牌"), GREEN("绿牌"), OPEN("整改未销号"), OVERDUE("其中整改逾期"),
    CLOSED("整改已销号");

    private final String label;

    SupervisionList(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The records one supervision tile counts; the tile's number is this list's length. */
  public List<RecordLine> list(long planId, SupervisionList which) {
    Map<String, String> names = directory.findAll().stream().collect(Collectors.toMap(Unit::id, Unit::name));
    Map<Long, String> numbers = assignments.ofPlan(planId).stream()
        .collect(Collectors.toMap(UnitAssignment::id, UnitAssignment::taskNumber));
    return switch (which) {
      case FINDINGS -> latestRound(planId).map(round -> rounds.findings(round.id()).stream()
          .filter(finding -> !finding.isDismissed())
          .map(finding -> new RecordLine(finding.finding().reason().label(),
              names.getOrDefault(finding.finding().unitId(), finding.finding().unitId()), finding.finding().taskNumber(),
              finding.finding().detail(), "/execution/" + finding.finding().assignmentId())).toList())
          .orElse(List.of());
      case RED, YELLOW, GREEN -> latestRound(planId).map(round -> cards.ofRound(round.id()).values().stream()
          .filter(card -> card.color().name().equals(which.name()))
          .map(card -> new RecordLine(card.color().label(), names.getOrDefault(card.unitId(), card.unitId()),
              numbers.getOrDefault(card.assignmentId(), ""), card.reason(),
              "/execution/" + card.assignmentId())).toList())
          .orElse(List.of());
      case OPEN, OVERDUE, CLOSED -> rectifications.ofPlan(planId).stream()
          .filter(notice -> which == SupervisionList.OPEN ? notice.isOpen()
              : which == SupervisionList.OVERDUE ? notice.isOpen() && notice.overdue() : !notice.isOpen())
          .map(notice -> new RecordLine(notice.statusLabel(), names.getOrDefault(notice.unitId(), notice.unitId()),
              numbers.getOrDefault(notice.assignmentId(), ""), notice.problem(),
              "/rectifications/" + notice.id())).toList();
    };
  }

  private Optional<Round> latestRound(long planId) {
    return rounds.rounds(planId).stream().max(Comparator.comparingInt(Round::number));
  }

  PlanDashboard.Supervision summary(long planId) {
    List<Round> all = rounds.rounds(planId);
    var notices = rectifications.ofPlan(planId);
    int open = (int) notices.stream().filter(notice -> notice.isOpen()).count();
    int overdue = (int) notices.stream().filter(notice -> notice.isOpen() && notice.overdue()).count();
    if (all.isEmpty()) {
      return notices.isEmpty() ? null
          : new PlanDashboard.Supervision(0, 0, null, "", 0, 0, 0, 0, open, overdue, notices.size() - open);
    }
    Round latest = latestRound(planId).orElseThrow();
    int findings = (int) rounds.findings(latest.id()).stream().filter(finding -> !finding.isDismissed()).count();
    Map<CardColor, Long> colours = cards.ofRound(latest.id()).values().stream()
        .collect(Collectors.groupingBy(Card::color, Collectors.counting()));
    return new PlanDashboard.Supervision(latest.id(), latest.number(), latest.asOf(), latest.statusLabel(), findings,
        colours.getOrDefault(CardColor.RED, 0L).intValue(), colours.getOrDefault(CardColor.YELLOW, 0L).intValue(),
        colours.getOrDefault(CardColor.GREEN, 0L).intValue(), open, overdue, notices.size() - open);
  }
}
