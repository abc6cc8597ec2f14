package com.xiezuo.supervision.bulletin;

import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.execution.AssignmentStatus;
import com.xiezuo.execution.PlanExecutionFacts.AssignmentFacts;
import com.xiezuo.execution.PlanExecutionFacts;
import com.xiezuo.supervision.CardColor;
import com.xiezuo.supervision.FindingReason;
import com.xiezuo.supervision.RectificationRecords.Rectification;
import com.xiezuo.supervision.RectificationStatus;
import com.xiezuo.supervision.Rectifications;
import com.xiezuo.supervision.SupervisionCards;
import com.xiezuo.supervision.SupervisionRoundRecords.Card;
import com.xiezuo.supervision.SupervisionRoundRecords.Round;
import com.xiezuo.supervision.SupervisionRoundRecords.StoredFinding;
import com.xiezuo.supervision.SupervisionRounds;
import com.xiezuo.supervision.bulletin.BulletinFigures.IndicatorFigure;
import com.xiezuo.supervision.bulletin.BulletinFigures.UnitFigures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Counts a round's figures from the record: its findings and cards, its notices, and the units' tasks and ledgers;
 * districts first, then the other units, each in the directory's order.
 */
@Component
public class BulletinCount {

  private final SupervisionRounds rounds;
  private final SupervisionCards cards;
  private final Rectifications rectifications;
  private final PlanExecutionFacts executionFacts;
  private final UnitDirectory directory;

  public BulletinCount(SupervisionRounds rounds, SupervisionCards cards, Rectifications rectifications,
      PlanExecutionFacts executionFacts, UnitDirectory directory) {
    this.rounds = rounds;
    this.cards = cards;
    this.rectifications = rectifications;
    this.executionFacts = executionFacts;
    this.directory = directory;
  }

  public BulletinFigures of(Round round) {
    List<AssignmentFacts> facts = executionFacts.ofPlan(round.planId()).stream()
        .filter(fact -> fact.assignment().status() != AssignmentStatus.CANCELLED)
        .filter(fact -> round.scopeUnits().isEmpty() || round.scopeUnits().contains(fact.assignment().unitId()))
        .toList();
    Map<Long, Set<FindingReason>> standing = new HashMap<>();
    for (StoredFinding stored : rounds.findings(round.id())) {
      if (!stored.isDismissed()) {
        standing.computeIfAbsent(stored.finding().assignmentId(), id -> new java.util.HashSet<>())
            .add(stored.finding().reason());
      }
    }
    Map<Long, Card> roundCards = cards.ofRound(round.id());
    Map<String, List<Rectification>> notices = rectifications.ofRound(round.id()).stream()
        .collect(Collectors.groupingBy(Rectification::unitId));
    List<Unit> directoryOrder = directory.districtsFirst();
    Map<String, Unit> known = directoryOrder.stream().collect(Collectors.toMap(Unit::id, Function.identity()));
    Map<String, List<AssignmentFacts>> byUnit = new LinkedHashMap<>();
    directoryOrder.forEach(unit -> facts.stream().filter(fact -> fact.assignment().unitId().equals(unit.id()))
        .forEach(fact -> byUnit.computeIfAbsent(unit.id(), id -> new ArrayList<>()).add(fact)));
    facts.stream().filter(fact -> !known.containsKey(fact.assignment().unitId()))
        .forEach(fact -> byUnit.computeIfAbsent(fact.assignment().unitId(), id -> new ArrayList<>()).add(fact));

    List<UnitFigures> units = new ArrayList<>();
    List<IndicatorFigure> indicators = new ArrayList<>();
    byUnit.forEach((unitId, own) -> {
      Unit unit = known.get(unitId);
      String name = unit == null ? unitId : unit.name();
      int done = 0;
      int onTrack = 0;
      int atRisk = 0;
      int overdue = 0;
      int red = 0;
      int yellow = 0;
      int met = 0;
      int counted = 0;
      for (AssignmentFacts fact : own) {
        long id = fact.assignment().id();
        Set<FindingReason> reasons = standing.getOrDefault(id, Set.of());
        Card card = roundCards.get(id);
        CardColor color = card == null ? CardColor.GREEN : card.color();
        red += color == CardColor.RED ? 1 : 0;
        yellow += color == CardColor.YELLOW ? 1 : 0;
        if (fact.assignment().status() == AssignmentStatus.COMPLETED) {
          done++;
        } else if (reasons.contains(FindingReason.OVERDUE)) {
          overdue++;
        } else if (!reasons.isEmpty() || color != CardColor.GREEN) {
          atRisk++;
        } else {
          onTrack++;
        }
        for (PlanExecutionFacts.Indicator indicator : fact.indicators()) {
          IndicatorFigure figure = new IndicatorFigure(unitId, name, fact.assignment().taskNumber(),
              indicator.indicator().label(), indicator.indicator().unit(), indicator.indicator().comparator(),
              indicator.target(), indicator.standing());
          indicators.add(figure);
          counted++;
          met += figure.met() ? 1 : 0;
        }
      }
      List<Rectification> unitNotices = notices.getOrDefault(unitId, List.of());
      int closed = (int) unitNotices.stream().filter(notice -> notice.status() == RectificationStatus.CLOSED).count();
      units.add(new UnitFigures(unitId, name, unit != null && unit.isDistrict(), own.size(), done, onTrack, atRisk,
          overdue, counted, met, unitNotices.size(), closed, red, yellow));
    });
    return new BulletinFigures(List.copyOf(units), List.copyOf(indicators));
  }
}
