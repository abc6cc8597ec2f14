package com.xiezuo.plan.parse;

import java.time.LocalDate;

/** A dated step inside a task's text ("6 月底前完成区级调研对接"). */
public record ParsedMilestone(LocalDate date, String text) {}
