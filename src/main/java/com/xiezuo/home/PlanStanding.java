package com.xiezuo.home;

/** A plan as coordinators and leaders see it on the home page: its status and how its unit tasks stand. */
public record PlanStanding(long planId, String title, int year, String statusLabel, long unitTasks, long done,
    long overdue, long dueThisWeek) {}
