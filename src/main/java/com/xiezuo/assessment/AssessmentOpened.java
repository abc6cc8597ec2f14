package com.xiezuo.assessment;

/** A plan's assessment opened: every assessed unit now has its self-assessment task. */
public record AssessmentOpened(long assessmentId, long planId) {}
