package com.xiezuo.supervision.bulletin;

import com.xiezuo.security.Viewer;
import com.xiezuo.supervision.bulletin.BulletinFigures.IndicatorFigure;
import com.xiezuo.supervision.bulletin.BulletinFigures.UnitFigures;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * A round's bulletin as JSON: its parts, the figures it states per unit with their totals, the indicators and the
 * units commended and criticised. Published bulletins for everybody; one not yet published for those who oversee.
 */
@RestController
public class BulletinApiController {

  public record MentionView(String unitId, String unitName, MentionKind kind, String kindLabel, String facts) {}

  public record BulletinView(long id, long roundId, int roundNumber, long planId, String status, String statusLabel,
      Integer issueNumber, String title, String recipients, String body, String requirements, String issuer,
      LocalDate publishedOn, Instant figuresAsOf, Map<String, Integer> totals, List<UnitFigures> units,
      List<IndicatorFigure> indicators, List<MentionView> mentions) {}

  private final Bulletins bulletins;

  public BulletinApiController(Bulletins bulletins) {
    this.bulletins = bulletins;
  }

  @GetMapping("/api/supervision/rounds/{roundId}/bulletin")
  public BulletinView ofRound(@PathVariable long roundId, Authentication user) {
    return bulletins.ofRound(roundId).filter(bulletin -> bulletin.isPublished() || Viewer.of(user).seesEveryUnit())
        .map(BulletinApiController::view)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "第 " + roundId + " 号督查轮次没有已发布的通报"));
  }

  @GetMapping("/api/bulletins")
  public List<BulletinView> published() {
    return bulletins.published(300).stream().map(BulletinApiController::view).toList();
  }

  static BulletinView view(Bulletin bulletin) {
    BulletinFigures figures = bulletin.figures();
    Map<String, Integer> totals = new LinkedHashMap<>();
    totals.put("units", figures.units().size());
    totals.put("tasks", figures.total(UnitFigures::tasks));
    totals.put("done", figures.total(UnitFigures::done));
    totals.put("onTrack", figures.total(UnitFigures::onTrack));
    totals.put("atRisk", figures.total(UnitFigures::atRisk));
    totals.put("overdue", figures.total(UnitFigures::overdue));
    totals.put("indicators", figures.total(UnitFigures::indicators));
    totals.put("indicatorsMet", figures.total(UnitFigures::indicatorsMet));
    totals.put("rectificationsIssued", figures.total(UnitFigures::rectificationsIssued));
    totals.put("rectificationsClosed", figures.total(UnitFigures::rectificationsClosed));
    totals.put("redCards", figures.total(UnitFigures::redCards));
    totals.put("yellowCards", figures.total(UnitFigures::yellowCards));
    totals.put("praised", bulletin.mentionsOf(MentionKind.PRAISE).size());
    totals.put("criticised", bulletin.mentionsOf(MentionKind.CRITICISM).size());
    var stored = bulletin.stored();
    return new BulletinView(stored.id(), stored.roundId(), bulletin.round().number(), stored.planId(),
        stored.status().name(), stored.status().label(), stored.issueNumber(), stored.text().title(),
        stored.text().recipients(), stored.text().body(), stored.text().requirements(), stored.text().issuer(),
        stored.publishedOn(), stored.figuresAsOf(), totals, figures.units(), figures.indicators(),
        bulletin.mentions().stream().map(mention -> new MentionView(mention.unitId(),
            bulletin.unitName(mention.unitId()), mention.kind(), mention.kind().label(), mention.facts())).toList());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> badId(MethodArgumentTypeMismatchException e) {
    return ResponseEntity.badRequest()
        .body(Map.of("message", "编号须为数字，收到“" + e.getValue() + "”", "problems", List.of()));
  }
}
