package com.xiezuo.supervision.bulletin;

import com.xiezuo.supervision.bulletin.BulletinFigures.IndicatorFigure;
import com.xiezuo.supervision.bulletin.BulletinFigures.UnitFigures;
import com.xiezuo.workflow.Quantities;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The bulletin's two annexed tables as rows of cells, the same for the page, the Word file and the spreadsheet: the
 * units' tasks, indicators, notices and cards (districts first, then the other units, then the total), and each
 * unit's indicators against its target.
 */
public final class BulletinTables {

  public static final List<String> UNIT_HEADER = List.of("序号", "单位", "任务数", "已完成", "正常推进", "存在风险", "逾期",
      "指标数", "指标达标", "整改通知", "整改销号", "红牌", "黄牌");

  public static final List<String> INDICATOR_HEADER = List.of("序号", "单位", "任务", "指标", "目标", "台账", "完成率", "达标");

  /** A row of the units' table: a group heading, a unit, or the total; {@code numbers} are the count columns. */
  public record UnitRow(String kind, String number, String name, List<Integer> numbers) {

    public boolean isGroup() {
      return "group".equals(kind);
    }

    public boolean isTotal() {
      return "total".equals(kind);
    }
  }

  private BulletinTables() {}

  public static List<UnitRow> unitRows(BulletinFigures figures) {
    List<UnitRow> rows = new ArrayList<>();
    int number = 1;
    for (List<UnitFigures> group : List.of(figures.districts(), figures.others())) {
      if (group.isEmpty()) {
        continue;
      }
      rows.add(new UnitRow("group", "", group.get(0).district() ? "各区（功能区）" : "市直单位及其他", List.of()));
      for (UnitFigures unit : group) {
        rows.add(new UnitRow("unit", String.valueOf(number++), unit.unitName(), numbers(unit)));
      }
    }
    List<Integer> total = new ArrayList<>();
    for (int column = 0; column < UNIT_HEADER.size() - 2; column++) {
      int index = column;
      total.add(figures.units().stream().mapToInt(unit -> numbers(unit).get(index)).sum());
    }
    rows.add(new UnitRow("total", "", "合计", total));
    return rows;
  }

  public static List<Integer> numbers(UnitFigures unit) {
    return List.of(unit.tasks(), unit.done(), unit.onTrack(), unit.atRisk(), unit.overdue(), unit.indicators(),
        unit.indicatorsMet(), unit.rectificationsIssued(), unit.rectificationsClosed(), unit.redCards(),
        unit.yellowCards());
  }

  /** One indicator row as printed: target and ledger with their measure, the rate with one decimal. */
  public static List<String> indicatorCells(int number, IndicatorFigure indicator) {
    BigDecimal rate = indicator.rate();
    return List.of(String.valueOf(number), indicator.unitName(), indicator.taskNumber(), indicator.label(),
        Quantities.format(indicator.target(), indicator.measure()),
        Quantities.format(indicator.actual(), indicator.measure()), rate == null ? "—" : rate.toPlainString() + "%",
        indicator.met() ? "是" : "否");
  }
}
