package com.xiezuo.decomposition;

import com.xiezuo.security.Viewer;
import com.xiezuo.workflow.JsonProblems;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The decomposition table of a plan over the API: read it, or replace the draft (coordinators). */
@RestController
@RequestMapping("/api/plans/{planId}/allocations")
public class AllocationApiController {

  public record TableView(List<IndicatorRow> indicators, Map<Long, Map<String, BigDecimal>> parts, boolean signed) {}

  private final Allocations allocations;

  public AllocationApiController(Allocations allocations) {
    this.allocations = allocations;
  }

  /**
   * Coordinators and leadership read the whole table; a unit reads only its own parts; supervisors read the table
   * once it is signed (before that, each unit's share is between that unit, the coordinators and leadership).
   */
  @GetMapping
  public TableView get(@PathVariable long planId, Authentication user) {
    known(planId);
    Viewer viewer = Viewer.of(user);
    boolean signed = allocations.isFinal(planId);
    Map<Long, Map<String, BigDecimal>> table = allocations.table(planId);
    if (viewer.coordinator() || viewer.leadership() || (viewer.supervisor() && signed)) {
      return new TableView(allocations.indicators(planId), table, signed);
    }
    if (viewer.supervisor()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "分解方案签批前，只有协调员、领导和各单位本身可以查看分解值");
    }
    Map<Long, Map<String, BigDecimal>> own = new LinkedHashMap<>();
    table.forEach((indicatorId, parts) -> parts.forEach((unitId, value) -> {
      if (viewer.memberOf(unitId)) {
        own.computeIfAbsent(indicatorId, id -> new LinkedHashMap<>()).put(unitId, value);
      }
    }));
    return new TableView(allocations.indicators(planId).stream().filter(row -> own.containsKey(row.id())).toList(),
        own, signed);
  }

  @PutMapping
  public TableView put(@PathVariable long planId, @RequestBody List<AllocationEntry> entries, Authentication user) {
    known(planId);
    allocations.save(planId, entries, user.getName());
    return get(planId, user);
  }

  private void known(long planId) {
    if (!allocations.planExists(planId)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + planId + " 的计划");
    }
  }

  /** A body that is not a list of entries, or a value that is not a number: which entry and field, in Chinese. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest().body(Map.of("message", "分解表未保存：" + JsonProblems.describe(e)
        + "。请求正文应为列表，如 [{\"indicatorId\": 1, \"unitId\": \"doumen\", \"value\": 1000000, \"unit\": \"元\"}]"));
  }

  @ExceptionHandler(AllocationProblemException.class)
  ResponseEntity<Map<String, Object>> refused(AllocationProblemException e) {
    return ResponseEntity.badRequest().body(Map.of("message", e.getMessage(), "problems", e.problems()));
  }
}
