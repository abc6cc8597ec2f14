package com.xiezuo.decomposition;

import java.math.BigDecimal;

/** One cell of the decomposition table: an indicator's part for one unit; {@code unit} checks consistency. */
public record AllocationEntry(long indicatorId, String unitId, BigDecimal value, String unit) {}
