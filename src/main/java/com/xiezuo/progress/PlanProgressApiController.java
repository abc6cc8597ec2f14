package com.xiezuo.progress;

import com.xiezuo.security.Viewer;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/** GET /api/plans/{id}: the plan with its tasks and the state of the unit tasks the user may see. */
@RestController
@RequestMapping("/api/plans")
public class PlanProgressApiController {

  private final PlanProgressQuery progress;

  public PlanProgressApiController(PlanProgressQuery progress) {
    this.progress = progress;
  }

  @GetMapping("/{id}")
  public PlanProgress get(@PathVariable long id, Authentication user) {
    return progress.of(id).map(plan -> plan.visibleTo(Viewer.of(user)))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + id + " 的计划"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> badId(MethodArgumentTypeMismatchException e) {
    return ResponseEntity.badRequest()
        .body(Map.of("message", "计划编号须为数字，收到“" + e.getValue() + "”", "problems", List.of()));
  }
}
