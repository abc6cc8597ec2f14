package com.xiezuo.home;

import java.time.LocalDate;

/** One open task the user can work on, as the home page lists it: what, for which plan, due when, where to open it. */
public record WorkItem(String kind, String name, String planTitle, LocalDate received, LocalDate due, boolean overdue,
    String link,
    boolean approval) {}
