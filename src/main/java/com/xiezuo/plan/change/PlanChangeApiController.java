package com.xiezuo.plan.change;

import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Task changes over the API: propose (coordinators), list with their state. */
@RestController
@RequestMapping("/api/plans/{planId}/changes")
public class PlanChangeApiController {

  private final PlanChangeService changes;

  public PlanChangeApiController(PlanChangeService changes) {
    this.changes = changes;
  }

  @GetMapping
  public List<PlanChange> list(@PathVariable long planId) {
    return changes.ofPlan(planId);
  }

  @PostMapping
  public ResponseEntity<PlanChange> propose(@PathVariable long planId, @RequestBody ChangeProposal proposal,
      Principal user) {
    return ResponseEntity.status(HttpStatus.CREATED).body(changes.propose(planId, proposal, user.getName()));
  }
}
