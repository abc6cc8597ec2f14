package com.xiezuo.home;

import java.time.LocalDate;

/** One of the user's unit's tasks: where it stands and when it is due. */
public record UnitWork(long assignmentId, String unitName, String planTitle, String taskNumber, String taskTitle,
    String roleLabel, UnitWorkState state, boolean overdue, LocalDate deadline) {}
