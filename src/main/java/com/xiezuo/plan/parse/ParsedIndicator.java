package com.xiezuo.plan.parse;

import java.math.BigDecimal;

/** A quantitative target: comparator is ">=", "<=" or "="; value in base units (亿 = 10^8, 万 = 10^4). */
public record ParsedIndicator(String text, String name, String comparator, BigDecimal value, String unit,
    BigDecimal stretch) {}
