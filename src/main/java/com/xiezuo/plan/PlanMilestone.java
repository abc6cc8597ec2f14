package com.xiezuo.plan;

import java.time.LocalDate;

/** A stored milestone of a plan task: by when what must be done. */
public record PlanMilestone(long id, LocalDate date, String text) {}
