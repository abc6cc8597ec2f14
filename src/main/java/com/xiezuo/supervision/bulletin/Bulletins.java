package com.xiezuo.supervision.bulletin;

import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.supervision.FindingReason;
import com.xiezuo.supervision.SupervisionProblemException;
import com.xiezuo.supervision.SupervisionRoundRecords.Round;
import com.xiezuo.supervision.SupervisionRounds;
import com.xiezuo.supervision.bulletin.BulletinFigures.UnitFigures;
import com.xiezuo.supervision.bulletin.BulletinRecords.Stored;
import com.xiezuo.supervision.bulletin.BulletinRecords.Text;
import com.xiezuo.workflow.Deadlines;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A round's bulletin from draft to publication: the system drafts it with the round's figures, a supervisor edits
 * its text and chooses whom to commend and criticise, its figures are counted again when it goes to leadership,
 * and it is published once a leader signs it. Only a draft or a returned bulletin can be changed.
 */
@Service
public class Bulletins {

  static final int TITLE_MAX = 200;
  static final int RECIPIENTS_MAX = 500;
  static final int BODY_MAX = 20000;
  static final int REQUIREMENTS_MAX = 5000;
  static final int ISSUER_MAX = 200;
  static final int FACTS_MAX = 1000;
  static final String FALLBACK_ISSUER = "东西部协作工作领导小组办公室";

  private final BulletinRecords records;
  private final BulletinCount count;
  private final SupervisionRounds rounds;
  private final PlanRepository plans;
  private final String issuer;

  public Bulletins(BulletinRecords records, BulletinCount count, SupervisionRounds rounds, PlanRepository plans,
      @Value("${xiezuo.supervision.bulletin-issuer:}") String issuer) {
    this.records = records;
    this.count = count;
    this.rounds = rounds;
    this.plans = plans;
    this.issuer = issuer;
  }

  /** The round's bulletin, drafted from its record; a round has one, so drafting again returns it. */
  @Transactional
  public long draft(long roundId) {
    Optional<Stored> existing = records.ofRound(roundId);
    if (existing.isPresent()) {
      return existing.get().id();
    }
    Round round = rounds.round(roundId).orElseThrow();
    PlanSummary plan = plans.findSummary(round.planId()).orElseThrow();
    BulletinFigures figures = count.of(round);
    String signedBy = !issuer.isBlank() ? issuer
        : plan.issuer() != null && !plan.issuer().isBlank() ? plan.issuer() : FALLBACK_ISSUER;
    Text text = BulletinDraft.draft(plan.title(), plan.year(), round, figures, standingFindings(round), signedBy);
    Instant now = Deadlines.now().toInstant();
    long id = records.insert(roundId, round.planId(), text, now);
    records.saveFigures(id, figures, now);
    records.addEvent(id, BulletinEventKind.DRAFTED, null, null, now);
    return id;
  }

  public Optional<Bulletin> find(long id) {
    return records.find(id).map(this::assemble);
  }

  public Optional<Bulletin> ofRound(long roundId) {
    return records.ofRound(roundId).map(this::assemble);
  }

  public List<Bulletin> published(int limit) {
    return records.published(limit).stream().map(this::assemble).toList();
  }

  public List<Bulletin> latest(int limit) {
    return records.latest(limit).stream().map(this::assemble).toList();
  }

  /** The supervisor's text, checked whole: every part present and within its length. */
  @Transactional
  public void edit(long id, Text typed, String user) {
    Stored stored = editable(id);
    List<String> problems = new ArrayList<>();
    Text text = new Text(part(typed.title(), "标题", TITLE_MAX, problems),
        part(typed.recipients(), "主送单位", RECIPIENTS_MAX, problems), part(typed.body(), "正文", BODY_MAX, problems),
        part(typed.requirements(), "下步工作要求", REQUIREMENTS_MAX, problems),
        part(typed.issuer(), "落款单位", ISSUER_MAX, problems));
    if (!problems.isEmpty()) {
      throw new SupervisionProblemException(problems);
    }
    records.saveText(stored.id(), text, user, Deadlines.now().toInstant());
  }

  /** Commends or criticises one of the bulletin's units, with the facts that merit it. */
  @Transactional
  public void mention(long id, String unitId, MentionKind kind, String facts, String user) {
    Stored stored = editable(id);
    List<String> problems = new ArrayList<>();
    BulletinFigures figures = records.figures(stored.id());
    if (unitId == null || figures.units().stream().noneMatch(unit -> unit.unitId().equals(unitId))) {
      problems.add("请选择本轮通报涉及的单位");
    }
    if (kind == null) {
      problems.add("请选择通报表扬或通报批评");
    }
    String checked = part(facts, "事实依据", FACTS_MAX, problems);
    if (problems.isEmpty()) {
      records.mentions(stored.id()).stream().filter(mention -> mention.unitId().equals(unitId)).findFirst()
          .ifPresent(mention -> problems.add(mention.kind() == kind ? "该单位已列入" + kind.label()
              : "该单位已列入" + mention.kind().label() + "，同一份通报不能既表扬又批评同一单位；如需改变，请先移出"));
    }
    if (!problems.isEmpty()) {
      throw new SupervisionProblemException(problems);
    }
    records.addMention(stored.id(), unitId, kind, checked, user, Deadlines.now().toInstant());
  }

  @Transactional
  public void removeMention(long id, long mentionId) {
    Stored stored = editable(id);
    if (!records.removeMention(stored.id(), mentionId)) {
      throw new SupervisionProblemException("本通报没有这条表扬或批评");
    }
  }

  /** Counts the figures again from today's record (notices closed since the draft, tasks finished). */
  @Transactional
  public void refresh(long id, String user) {
    Stored stored = editable(id);
    recount(stored, BulletinEventKind.REFRESHED, user);
  }

  /** The supervisor sends it to leadership: its figures are counted again, so a leader signs today's numbers. */
  @Transactional
  public Bulletin submit(long id, String user) {
    Stored stored = editable(id);
    recount(stored, BulletinEventKind.SUBMITTED, user);
    records.setStatus(stored.id(), BulletinStatus.SUBMITTED);
    return find(stored.id()).orElseThrow();
  }

  /** A leader's decision: approved (published next) or returned to the supervisor with the comment. */
  @Transactional
  public void sign(long id, boolean approved, String comment, String user) {
    Stored stored = records.find(id).orElseThrow();
    if (stored.status() != BulletinStatus.SUBMITTED) {
      throw new SupervisionProblemException("该通报不在待领导审签状态（" + stored.status().label() + "）");
    }
    Instant now = Deadlines.now().toInstant();
    records.addEvent(id, approved ? BulletinEventKind.APPROVED : BulletinEventKind.RETURNED, user, comment, now);
    if (!approved) {
      records.setStatus(id, BulletinStatus.RETURNED);
    }
  }

  @Transactional
  public void publish(long id) {
    Stored stored = records.find(id).orElseThrow();
    if (stored.status() == BulletinStatus.PUBLISHED) {
      return;
    }
    records.publish(id, stored.planId(), Deadlines.today());
    records.addEvent(id, BulletinEventKind.PUBLISHED, null, null, Deadlines.now().toInstant());
  }

  /** What a leader reads in the signing task: the figures in one sentence. */
  public static String summary(Bulletin bulletin) {
    BulletinFigures figures = bulletin.figures();
    return figures.units().size() + " 个单位、" + figures.total(UnitFigures::tasks) + " 项单位任务：已完成 "
        + figures.total(UnitFigures::done) + " 项，正常推进 " + figures.total(UnitFigures::onTrack) + " 项，存在风险 "
        + figures.total(UnitFigures::atRisk) + " 项，逾期 " + figures.total(UnitFigures::overdue) + " 项；红牌 "
        + figures.total(UnitFigures::redCards) + " 张、黄牌 " + figures.total(UnitFigures::yellowCards) + " 张；整改通知 "
        + figures.total(UnitFigures::rectificationsIssued) + " 份、已销号 "
        + figures.total(UnitFigures::rectificationsClosed) + " 份；通报表扬 "
        + bulletin.mentionsOf(MentionKind.PRAISE).size() + " 个单位、通报批评 "
        + bulletin.mentionsOf(MentionKind.CRITICISM).size() + " 个单位。";
  }

  /** The units the record suggests commending or criticising, with the facts it would state. */
  public static List<Map.Entry<UnitFigures, String>> suggestions(Bulletin bulletin, MentionKind kind) {
    List<Map.Entry<UnitFigures, String>> suggested = new ArrayList<>();
    for (UnitFigures unit : bulletin.figures().units()) {
      String facts = kind == MentionKind.PRAISE ? BulletinDraft.praise(unit) : BulletinDraft.criticism(unit);
      if (facts != null) {
        suggested.add(Map.entry(unit, facts));
      }
    }
    return suggested;
  }

  private void recount(Stored stored, BulletinEventKind kind, String user) {
    Instant now = Deadlines.now().toInstant();
    records.saveFigures(stored.id(), count.of(rounds.round(stored.roundId()).orElseThrow()), now);
    records.addEvent(stored.id(), kind, user, null, now);
  }

  private Stored editable(long id) {
    Stored stored = records.find(id).orElseThrow(() -> new SupervisionProblemException("没有编号为 " + id + " 的通报"));
    if (!stored.status().isEditable()) {
      throw new SupervisionProblemException("该通报" + stored.status().label() + "，不能再修改");
    }
    return stored;
  }

  private List<Map.Entry<String, FindingReason>> standingFindings(Round round) {
    return rounds.findings(round.id()).stream().filter(stored -> !stored.isDismissed())
        .map(stored -> Map.entry(stored.finding().unitId(), stored.finding().reason())).toList();
  }

  private Bulletin assemble(Stored stored) {
    Round round = rounds.round(stored.roundId()).orElseThrow();
    PlanSummary plan = plans.findSummary(stored.planId()).orElseThrow();
    return new Bulletin(stored, round, plan.title(), plan.year(), records.figures(stored.id()),
        records.mentions(stored.id()), records.events(stored.id()));
  }

  private static String part(String typed, String label, int max, List<String> problems) {
    String value = typed == null ? "" : typed.strip();
    if (value.isEmpty()) {
      problems.add("请填写" + label);
    } else if (value.length() > max) {
      problems.add(label + "不能超过 " + max + " 字（现为 " + value.length() + " 字）");
    }
    return value;
  }
}
