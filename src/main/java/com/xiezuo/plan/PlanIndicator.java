package com.xiezuo.plan;

import java.math.BigDecimal;

/** A stored agreement indicator of a plan task, with the ids other features key their figures by. */
public record PlanIndicator(long id, long taskId, String taskNumber, String name, String statement, String comparator,
    BigDecimal value, String unit, BigDecimal stretch) {}
