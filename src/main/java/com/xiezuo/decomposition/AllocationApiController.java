package com.xiezuo.decomposition;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The decomposition table of a plan over the API: read it, or replace the draft (coordinators). */
@RestController
@RequestMapping("/api/plans/{planId}/allocations")
public class AllocationApiController {

  public record TableView(List<IndicatorRow> indicators, Map<Long, Map<String, BigDecimal>> parts, boolean signed) {}

  private final Allocations allocations;

  public AllocationApiController(Allocations allocations) {
    this.allocations = allocations;
  }

  @GetMapping
  public TableView get(@PathVariable long planId) {
    return new TableView(allocations.indicators(planId), allocations.table(planId), allocations.isFinal(planId));
  }

  @PutMapping
  public TableView put(@PathVariable long planId, @RequestBody List<AllocationEntry> entries) {
    allocations.save(planId, entries);
    return get(planId);
  }

  @ExceptionHandler(AllocationProblemException.class)
  ResponseEntity<Map<String, Object>> refused(AllocationProblemException e) {
    return ResponseEntity.badRequest().body(Map.of("message", e.getMessage(), "problems", e.problems()));
  }
}
