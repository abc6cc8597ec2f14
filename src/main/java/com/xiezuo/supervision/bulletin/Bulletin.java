package com.xiezuo.supervision.bulletin;

import com.xiezuo.supervision.SupervisionRoundRecords.Round;
import com.xiezuo.supervision.bulletin.BulletinFigures.UnitFigures;
import com.xiezuo.supervision.bulletin.BulletinRecords.Event;
import com.xiezuo.supervision.bulletin.BulletinRecords.Mention;
import com.xiezuo.supervision.bulletin.BulletinRecords.Stored;
import com.xiezuo.workflow.Deadlines;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A bulletin with everything it prints: its text, the units commended and criticised, its figures and its history.
 * {@link #paragraphs()} is the document's order, which the page, the Word file and the spreadsheet all follow.
 */
public record Bulletin(Stored stored, Round round, String planTitle, int planYear, BulletinFigures figures,
    List<Mention> mentions, List<Event> events) {

  /** A line of the document: an outline heading (一、…) or a paragraph of text. */
  public record Paragraph(boolean heading, String text) {}

  public long id() {
    return stored.id();
  }

  public BulletinStatus status() {
    return stored.status();
  }

  public boolean isPublished() {
    return stored.status() == BulletinStatus.PUBLISHED;
  }

  /** The body, then commendations, criticisms and the requirements under the outline numbers that follow it. */
  public List<Paragraph> paragraphs() {
    List<Paragraph> paragraphs = new ArrayList<>();
    String body = stored.text().body();
    body.lines().map(String::strip).filter(line -> !line.isEmpty())
        .forEach(line -> paragraphs.add(new Paragraph(line.matches("^[一二三四五六七八九十]{1,3}、.*"), line)));
    int added = 0;
    for (MentionKind kind : MentionKind.values()) {
      List<Mention> ofKind = mentions.stream().filter(mention -> mention.kind() == kind).toList();
      if (ofKind.isEmpty()) {
        continue;
      }
      paragraphs.add(new Paragraph(true, BulletinDraft.nextHeading(body, added++) + kind.label()));
      ofKind.forEach(mention -> paragraphs.add(new Paragraph(false, unitName(mention.unitId()) + "：" + mention.facts()
          + (mention.facts().endsWith("。") ? "" : "。"))));
    }
    paragraphs.add(new Paragraph(true, BulletinDraft.nextHeading(body, added) + "下步工作要求"));
    stored.text().requirements().lines().map(String::strip).filter(line -> !line.isEmpty())
        .forEach(line -> paragraphs.add(new Paragraph(false, line)));
    return paragraphs;
  }

  public List<Mention> mentionsOf(MentionKind kind) {
    return mentions.stream().filter(mention -> mention.kind() == kind).toList();
  }

  /** The date printed under the 落款: the day it was published, or today's for a draft. */
  public String dateLine() {
    LocalDate on = stored.publishedOn() == null ? Deadlines.today() : stored.publishedOn();
    return BulletinDraft.chineseDate(on);
  }

  /** 第 N 期 once published. */
  public String issueLabel() {
    return stored.issueNumber() == null ? "（未发布）" : "第 " + stored.issueNumber() + " 期";
  }

  public String unitName(String unitId) {
    return figures.units().stream().filter(unit -> unit.unitId().equals(unitId)).map(UnitFigures::unitName)
        .findFirst().orElse(unitId);
  }

  /** Whether a leader returned it: the latest return's comment, shown to the supervisor while revising. */
  public String lastReturnComment() {
    String comment = null;
    for (Event event : events) {
      if (event.kind() == BulletinEventKind.RETURNED) {
        comment = event.comment();
      } else if (event.kind() == BulletinEventKind.SUBMITTED) {
        comment = null;
      }
    }
    return comment;
  }
}
