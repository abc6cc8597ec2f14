package com.xiezuo.supervision.bulletin;

import com.xiezuo.supervision.FindingReason;
import com.xiezuo.supervision.SupervisionRoundRecords.Round;
import com.xiezuo.supervision.bulletin.BulletinFigures.IndicatorFigure;
import com.xiezuo.supervision.bulletin.BulletinFigures.UnitFigures;
import com.xiezuo.supervision.bulletin.BulletinRecords.Text;
import com.xiezuo.workflow.Quantities;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The system's draft of a round's bulletin, worded as a supervision office words one: an opening, the overall
 * picture, the indicators, the problems by kind and unit, and what units must do next. The supervisor edits it.
 */
final class BulletinDraft {

  static final String DEFAULT_REQUIREMENTS = "各责任单位要对照本通报指出的问题，逐项建立整改台账，明确责任人和完成时限；"
      + "收到整改通知的单位须在规定时限内报送整改情况和佐证材料。下一轮督查将逐项跟踪复核，对整改不力、逾期未销号的单位"
      + "予以通报批评，并纳入年度考核。";

  private BulletinDraft() {}

  /** The draft's parts. {@code findings} are the round's standing findings as (unit id, reason). */
  static Text draft(String planTitle, int planYear, Round round, BulletinFigures figures,
      List<Map.Entry<String, FindingReason>> findings, String issuer) {
    String title = "关于" + planYear + "年东西部协作工作第" + round.number() + "轮" + round.kind().label() + "情况的通报";
    return new Text(title, recipients(figures), body(planTitle, round, figures, findings), DEFAULT_REQUIREMENTS,
        issuer);
  }

  static String recipients(BulletinFigures figures) {
    if (figures.units().size() <= 3) {
      return figures.units().stream().map(UnitFigures::unitName).collect(Collectors.joining("、"));
    }
    List<String> parts = new ArrayList<>();
    if (!figures.districts().isEmpty()) {
      parts.add("各区（功能区）");
    }
    if (!figures.others().isEmpty()) {
      parts.add("市直有关单位");
    }
    return String.join("，", parts);
  }

  private static String body(String planTitle, Round round, BulletinFigures figures,
      List<Map.Entry<String, FindingReason>> findings) {
    int tasks = figures.total(UnitFigures::tasks);
    String scope = round.scopeUnits().isEmpty() ? "全部 " + figures.units().size() + " 个责任单位"
        : "指定的 " + figures.units().size() + " 个单位";
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("为推动《" + planTitle + "》各项任务落地见效，按照经常性督促检查和定期通报制度要求，" + chineseDate(round.asOf())
        + "开展第" + round.number() + "轮" + round.kind().label() + "，对" + scope + "承担的 " + tasks
        + " 项单位任务逐项核查。现将有关情况通报如下。");
    paragraphs.add("一、总体情况");
    Map<FindingReason, Long> byReason = new EnumMap<>(FindingReason.class);
    findings.forEach(finding -> byReason.merge(finding.getValue(), 1L, Long::sum));
    String reasons = byReason.isEmpty() ? "" : "（" + byReason.entrySet().stream()
        .map(entry -> entry.getKey().label() + " " + entry.getValue() + " 项").collect(Collectors.joining("，")) + "）";
    paragraphs.add("截至" + chineseDate(round.asOf()) + "，" + tasks + " 项单位任务中，已完成 "
        + figures.total(UnitFigures::done) + " 项，正常推进 " + figures.total(UnitFigures::onTrack) + " 项，存在风险 "
        + figures.total(UnitFigures::atRisk) + " 项，逾期 " + figures.total(UnitFigures::overdue) + " 项。本轮核查发现问题 "
        + findings.size() + " 项" + reasons + "，亮红牌 " + figures.total(UnitFigures::redCards) + " 张、黄牌 "
        + figures.total(UnitFigures::yellowCards) + " 张；下发整改通知 " + figures.total(UnitFigures::rectificationsIssued)
        + " 份，已销号 " + figures.total(UnitFigures::rectificationsClosed) + " 份。");
    paragraphs.add("二、协议指标完成情况");
    paragraphs.add(indicators(figures));
    paragraphs.add("三、存在的主要问题");
    paragraphs.add(problems(figures, findings));
    return String.join("\n", paragraphs);
  }

  private static String indicators(BulletinFigures figures) {
    Map<String, List<IndicatorFigure>> byLabel = new LinkedHashMap<>();
    figures.indicators().forEach(indicator -> byLabel.computeIfAbsent(indicator.label() + "\u0000"
        + indicator.measure(), key -> new ArrayList<>()).add(indicator));
    if (byLabel.isEmpty()) {
      return "本轮督查范围内没有分解到单位的协议指标。";
    }
    List<String> lines = new ArrayList<>();
    for (List<IndicatorFigure> group : byLabel.values()) {
      IndicatorFigure first = group.get(0);
      long met = group.stream().filter(IndicatorFigure::met).count();
      if ("%".equals(first.measure())) {
        lines.add(first.label() + "：" + group.size() + " 个单位中 " + met + " 个达到目标");
        continue;
      }
      BigDecimal target = group.stream().map(IndicatorFigure::target).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal actual = group.stream().map(IndicatorFigure::actual).reduce(BigDecimal.ZERO, BigDecimal::add);
      String rate = target.signum() == 0 ? "" : "，完成 " + actual.multiply(BigDecimal.valueOf(100))
          .divide(target, 1, RoundingMode.HALF_UP).toPlainString() + "%";
      lines.add(first.label() + "：目标 " + Quantities.format(target, first.measure()) + "，台账 "
          + Quantities.format(actual, first.measure()) + rate + "，" + group.size() + " 个单位中 " + met + " 个已达目标");
    }
    return String.join("；", lines) + "。";
  }

  private static String problems(BulletinFigures figures, List<Map.Entry<String, FindingReason>> findings) {
    if (findings.isEmpty()) {
      return "本轮督查未发现逾期、未报进展、低于序时进度或节点未完成的任务。";
    }
    Map<String, String> names = figures.units().stream()
        .collect(Collectors.toMap(UnitFigures::unitId, UnitFigures::unitName, (a, b) -> a));
    Map<FindingReason, Map<String, Long>> byReason = new EnumMap<>(FindingReason.class);
    findings.forEach(finding -> byReason.computeIfAbsent(finding.getValue(), reason -> new LinkedHashMap<>())
        .merge(finding.getKey(), 1L, Long::sum));
    return byReason.entrySet().stream().map(entry -> entry.getKey().label() + "的有：" + entry.getValue().entrySet()
        .stream().map(unit -> names.getOrDefault(unit.getKey(), unit.getKey())
            + (unit.getValue() > 1 ? "（" + unit.getValue() + " 项）" : ""))
        .collect(Collectors.joining("、"))).collect(Collectors.joining("；")) + "。";
  }

  /** What the record says for commending a unit, or null when it does not qualify. */
  static String praise(UnitFigures unit) {
    if (unit.tasks() == 0 || unit.overdue() > 0 || unit.atRisk() > 0 || unit.redCards() > 0) {
      return null;
    }
    String indicators = unit.indicators() == 0 ? ""
        : "，" + unit.indicators() + " 项指标中 " + unit.indicatorsMet() + " 项已达目标";
    String tasks = unit.done() == unit.tasks() ? "承担的 " + unit.tasks() + " 项单位任务已全部完成"
        : unit.done() == 0 ? "承担的 " + unit.tasks() + " 项单位任务均按计划推进"
        : "承担的 " + unit.tasks() + " 项单位任务已完成 " + unit.done() + " 项，其余 " + unit.onTrack() + " 项均按计划推进";
    return tasks + indicators + "，本轮未发现问题";
  }

  /** What the record says for criticising a unit, or null when it does not qualify. */
  static String criticism(UnitFigures unit) {
    if (unit.overdue() == 0 && unit.redCards() == 0) {
      return null;
    }
    List<String> facts = new ArrayList<>();
    if (unit.overdue() > 0) {
      facts.add(unit.overdue() + " 项单位任务逾期未完成");
    }
    if (unit.redCards() > 0) {
      facts.add("被亮红牌 " + unit.redCards() + " 张");
    }
    int open = unit.rectificationsIssued() - unit.rectificationsClosed();
    if (open > 0) {
      facts.add(open + " 份整改通知尚未销号");
    }
    return String.join("，", facts);
  }

  /** 2026年12月1日: a date as a 通报 prints it. */
  static String chineseDate(LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  /** The next outline number after the body's own (一、二、三、 → 四、). */
  static String nextHeading(String body, int after) {
    long used = body.lines().filter(line -> line.strip().matches("^[一二三四五六七八九十]{1,3}、.*")).count();
    return numeral((int) used + 1 + after) + "、";
  }

  private static String numeral(int n) {
    String digits = "一二三四五六七八九";
    if (n <= 9) {
      return String.valueOf(digits.charAt(n - 1));
    }
    String tens = n >= 20 ? String.valueOf(digits.charAt(n / 10 - 1)) : "";
    return tens + "十" + (n % 10 == 0 ? "" : digits.charAt(n % 10 - 1));
  }
}
