package com.xiezuo.web;

import com.xiezuo.decomposition.AllocationEntry;
import com.xiezuo.decomposition.AllocationProblemException;
import com.xiezuo.decomposition.Allocations;
import com.xiezuo.decomposition.IndicatorRow;
import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.directory.UnitKind;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.workflow.Quantities;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
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

  /** One row of the page: the indicator, its parts per column, and how the parts add up. */
  public record Row(IndicatorRow indicator, Map<String, BigDecimal> parts, String total, String sum, boolean balanced) {}

  @GetMapping("/plans/{id}/allocation")
  public String show(@PathVariable long id, @RequestParam(required = false) List<String> add, Model model) {
    PlanSummary plan = plans.findSummary(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + id + " 的计划"));
    Map<Long, Map<String, BigDecimal>> table = allocations.table(id);
    List<Unit> units = directory.findAll();
    Set<String> columnIds = new LinkedHashSet<>();
    units.stream().filter(unit -> unit.kind() == UnitKind.DISTRICT).forEach(unit -> columnIds.add(unit.id()));
    table.values().forEach(parts -> columnIds.addAll(parts.keySet()));
    if (add != null) {
      columnIds.addAll(add);
    }
    List<Unit> columns = units.stream().filter(unit -> columnIds.contains(unit.id())).toList();
    List<Row> rows = new ArrayList<>();
    for (IndicatorRow indicator : allocations.indicators(id)) {
      Map<String, BigDecimal> parts = table.getOrDefault(indicator.id(), Map.of());
      BigDecimal sum = parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      rows.add(new Row(indicator, parts, Quantities.format(indicator.total(), indicator.unit()),
          parts.isEmpty() ? "未分解" : indicator.isSplit() ? Quantities.format(sum, indicator.unit()) : "各单位同一目标",
          !indicator.isSplit() || parts.isEmpty() || sum.compareTo(indicator.total()) == 0));
    }
    model.addAttribute("plan", plan);
    model.addAttribute("rows", rows);
    model.addAttribute("columns", columns);
    model.addAttribute("others", units.stream().filter(unit -> !columnIds.contains(unit.id())).toList());
    model.addAttribute("signed", allocations.isFinal(id));
    model.addAttribute("problems", allocations.check(id, BigDecimal.ZERO));
    return "plans/allocation";
  }

  @PostMapping("/plans/{id}/allocation")
  public String save(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
    List<AllocationEntry> entries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<String, String> cells = new LinkedHashMap<>(form);
    for (Map.Entry<String, String> cell : cells.entrySet()) {
      if (!cell.getKey().startsWith(CELL) || cell.getValue().isBlank()) {
        continue;
      }
      String[] key = cell.getKey().substring(CELL.length()).split("_", 2);
      try {
        entries.add(new AllocationEntry(Long.parseLong(key[0]), key[1], new BigDecimal(cell.getValue().trim()), null));
      } catch (NumberFormatException e) {
        problems.add("“" + cell.getValue() + "”不是数字（" + key[1] + "）");
      }
    }
    if (problems.isEmpty()) {
      try {
        allocations.save(id, entries);
        redirect.addFlashAttribute("saved", "分解表已保存（" + entries.size() + " 个分解值）。");
      } catch (AllocationProblemException e) {
        problems.addAll(e.problems());
      }
    }
    redirect.addFlashAttribute("saveProblems", problems);
    return "redirect:/plans/" + id + "/allocation";
  }
}
