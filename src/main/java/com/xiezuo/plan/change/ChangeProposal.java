package com.xiezuo.plan.change;

import java.time.LocalDate;

/** What a coordinator asks for: which task, what kind of change, why, and the new values. */
public record ChangeProposal(String taskNumber, ChangeType type, String reason, LocalDate newDeadline,
    String newTitle, String newContent) {}
