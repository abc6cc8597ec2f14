package com.xiezuo.execution;

import com.xiezuo.audit.AuditAction;
import com.xiezuo.audit.AuditEntry;
import com.xiezuo.audit.AuditTrail;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** The audit lines of what people do on a unit task outside the forms, each with its plan, task number and unit. */
@Component
public class UnitTaskAudit {

  private final AuditTrail trail;
  private final UnitAssignments assignments;

  public UnitTaskAudit(AuditTrail trail, UnitAssignments assignments) {
    this.trail = trail;
    this.assignments = assignments;
  }

  public void record(AuditAction action, UnitAssignment assignment, String user, String subject, String detail) {
    trail.record(AuditEntry.of(action, user, subject).detail(detail).plan(assignment.planId())
        .task(assignment.taskNumber()).unit(assignment.unitId()).process(assignment.processInstanceId()));
  }

  public void record(AuditAction action, long assignmentId, String user, String subject, String detail) {
    assignments.find(assignmentId).ifPresent(assignment -> record(action, assignment, user, subject, detail));
  }

  static String ledgerLine(LocalDate date, BigDecimal amount, String note) {
    return date + "，数量 " + amount.stripTrailingZeros().toPlainString()
        + (note == null || note.isBlank() ? "" : "，说明：" + note);
  }
}
