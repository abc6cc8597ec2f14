package com.xiezuo.web;

import com.xiezuo.decomposition.AllocationEntry;
import com.xiezuo.decomposition.Allocations;
import com.xiezuo.decomposition.IndicatorRow;
import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.workflow.Quantities;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/** The decomposition table: agreement indicators × districts/units, filled in by the coordinator. */
@Controller
public class AllocationPageController {

  static final String CELL = "cell_";

  private final Allocations allocations;
  private final PlanRepository plans;
  private final UnitDirectory directory;

  public AllocationPageController(Allocations allocations, PlanRepository plans, UnitDirectory directory) {
    this.allocations = allocations;
    this.plans = plans;
    this.directory = directory;
  }

  /** One row of the page: the indicator, what each column shows for typing, and how the parts stand. */
  public record Row(IndicatorRow indicator, Map<String, String> cells, String total, String sum, boolean balanced,
      String kindLabel, Set<String> responsible) {}

  @GetMapping("/plans/{id}/allocation")
  public String show(@PathVariable long id, @RequestParam(required = false) List<String> add, Model model) {
    return page(id, add, null, model);
  }

  /**
   * The table as stored, or — after a refused save — as typed, so nothing typed is lost; the columns are the units
   * responsible for a task with indicators, every unit with a value, and the units the coordinator added.
   */
  private String page(long id, List<String> add, Map<String, String> typed, Model model) {
    PlanSummary plan = plans.findSummary(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + id + " 的计划"));
    Map<Long, Map<String, BigDecimal>> table = allocations.table(id);
    List<Unit> units = directory.findAll().stream().filter(unit -> !unit.retired()).toList();
    Set<String> columnIds = new LinkedHashSet<>();
    Map<String, Set<String>> responsible = allocations.responsibleUnits(id);
    List<IndicatorRow> indicators = allocations.indicators(id);
    indicators.forEach(indicator -> columnIds.addAll(responsible.getOrDefault(indicator.taskNumber(), Set.of())));
    table.values().forEach(parts -> columnIds.addAll(parts.keySet()));
    if (add != null) {
      columnIds.addAll(add);
    }
    if (typed != null) {
      typed.keySet().stream().filter(key -> key.startsWith(CELL)).map(key -> key.substring(CELL.length()).split("_", 2))
          .filter(key -> key.length == 2).forEach(key -> columnIds.add(key[1]));
    }
    List<Unit> columns = units.stream().filter(unit -> columnIds.contains(unit.id())).toList();
    List<Row> rows = new ArrayList<>();
    for (IndicatorRow indicator : indicators) {
      Map<String, BigDecimal> parts = table.getOrDefault(indicator.id(), Map.of());
      Map<String, String> cells = new LinkedHashMap<>();
      for (Unit column : columns) {
        String key = CELL + indicator.id() + "_" + column.id();
        cells.put(column.id(), typed != null ? typed.getOrDefault(key, "")
            : Quantities.typed(parts.get(column.id()), indicator.unit()));
      }
      BigDecimal sum = parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      rows.add(new Row(indicator, cells, Quantities.format(indicator.total(), indicator.unit()),
          parts.isEmpty() ? "未分解" : indicator.isSplit() ? Quantities.format(sum, indicator.unit()) : "各单位分别达到",
          !indicator.isSplit() || parts.isEmpty() || sum.compareTo(indicator.total()) == 0,
          indicator.isRatio() ? "比例：各单位同一目标" : indicator.isEach() ? "各单位分别至少达到" : "分解：各单位合计等于总量",
          responsible.getOrDefault(indicator.taskNumber(), Set.of())));
    }
    model.addAttribute("plan", plan);
    model.addAttribute("rows", rows);
    model.addAttribute("columns", columns);
    model.addAttribute("others", units.stream().filter(unit -> !columnIds.contains(unit.id())).toList());
    model.addAttribute("signed", allocations.isFinal(id));
    model.addAttribute("problems", allocations.check(id, BigDecimal.ZERO));
    return "plans/allocation";
  }

  /** Saves the table whole, or shows every problem at once with the values as typed (400). */
  @PostMapping("/plans/{id}/allocation")
  public String save(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
      HttpServletResponse response, RedirectAttributes redirect, Authentication user) {
    if (!allocations.planExists(id)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + id + " 的计划");
    }
    Map<Long, IndicatorRow> indicators = allocations.indicators(id).stream()
        .collect(Collectors.toMap(IndicatorRow::id, row -> row));
    Map<String, String> names = allocations.unitNames();
    List<AllocationEntry> entries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> cell : form.entrySet()) {
      if (!cell.getKey().startsWith(CELL) || cell.getValue().isBlank()) {
        continue;
      }
      String[] key = cell.getKey().substring(CELL.length()).split("_", 2);
      IndicatorRow indicator = key.length == 2 ? indicators.get(parseId(key[0])) : null;
      if (indicator == null) {
        problems.add("表格中有一列不属于该计划的指标（" + cell.getKey() + "），请刷新页面后重新填写");
        continue;
      }
      try {
        entries.add(new AllocationEntry(indicator.id(), key[1], Quantities.parse(cell.getValue(), indicator.unit()),
            indicator.unit()));
      } catch (NumberFormatException e) {
        problems.add("指标“" + indicator.label() + "”，" + names.getOrDefault(key[1], key[1]) + "：" + e.getMessage());
      }
    }
    problems.addAll(allocations.validate(id, entries));
    if (!problems.isEmpty()) {
      model.addAttribute("saveProblems", problems);
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      String view = page(id, null, form, model);
      // what submitting would still meet, for the table as typed
      model.addAttribute("problems", allocations.check(id, entries, BigDecimal.ZERO));
      return view;
    }
    allocations.save(id, entries, user.getName());
    redirect.addFlashAttribute("saved", "分解表已保存（" + entries.size() + " 个分解值）。");
    return "redirect:/plans/" + id + "/allocation";
  }

  private static long parseId(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
