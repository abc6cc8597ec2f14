package com.xiezuo.web;

import com.xiezuo.audit.AuditAction;
import com.xiezuo.audit.AuditFilter;
import com.xiezuo.audit.AuditRecord;
import com.xiezuo.audit.AuditTrail;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.security.Viewer;
import com.xiezuo.workflow.PersonNames;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail (操作记录): who did what when, filterable by plan, task, unit, user, action and date. Coordinators,
 * leadership, supervisors and assessors read every line; unit staff the lines of their own units.
 */
@Controller
public class AuditPageController {

  private static final List<String> FIELDS = List.of("plan", "task", "unit", "user", "action", "from", "to", "order",
      "page");

  /** A line as the page shows it, with names instead of ids. */
  public record Line(AuditRecord record, String who, String plan, String unit) {}

  private final AuditTrail trail;
  private final PlanRepository plans;
  private final UnitDirectory directory;
  private final PersonNames names;

  public AuditPageController(AuditTrail trail, PlanRepository plans, UnitDirectory directory, PersonNames names) {
    this.trail = trail;
    this.plans = plans;
    this.directory = directory;
    this.names = names;
  }

  @GetMapping("/audit")
  public String trail(@RequestParam Map<String, String> query, Authentication user, Model model,
      HttpServletResponse response) {
    Viewer viewer = Viewer.of(user);
    List<String> problems = new ArrayList<>();
    AuditFilter filter = viewer.seesEveryUnit() ? filter(query, problems)
        : filter(query, problems).seenBy(viewer.groups(), viewer.userId());
    Map<Long, String> planTitles = new LinkedHashMap<>();
    plans.findAll().forEach(plan -> planTitles.put(plan.id(), plan.year() + " 年 " + plan.title()));
    Map<String, String> unitNames = new LinkedHashMap<>();
    directory.findAll().stream().filter(unit -> viewer.seesEveryUnit() || viewer.memberOf(unit.id()))
        .forEach(unit -> unitNames.put(unit.id(), unit.name()));
    Map<String, String> shown = new HashMap<>();
    for (String field : FIELDS) {
      shown.put(field, query.getOrDefault(field, ""));
    }
    model.addAttribute("query", shown);
    model.addAttribute("plans", planTitles);
    model.addAttribute("units", unitNames);
    model.addAttribute("actions", AuditAction.values());
    model.addAttribute("problems", problems.isEmpty() ? null : problems);
    if (!problems.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("page", new AuditTrail.Page(List.of(), 0, 1, AuditTrail.PAGE_SIZE));
      model.addAttribute("lines", List.of());
      return "audit/list";
    }
    AuditTrail.Page page = trail.find(filter, number(query.get("page")));
    Map<String, String> people = new HashMap<>();
    Map<String, String> allUnits = new HashMap<>();
    directory.findAll().forEach(unit -> allUnits.put(unit.id(), unit.name()));
    model.addAttribute("page", page);
    model.addAttribute("lines", page.rows().stream().map(row -> new Line(row,
        people.computeIfAbsent(String.valueOf(row.userId()), id -> names.label(row.userId())),
        row.planId() == null ? "" : planTitles.getOrDefault(row.planId(), "计划 " + row.planId()),
        row.unitId() == null ? "" : allUnits.getOrDefault(row.unitId(), row.unitId()))).toList());
    return "audit/list";
  }

  private static AuditFilter filter(Map<String, String> query, List<String> problems) {
    Long plan = null;
    String planText = blankToNull(query.get("plan"));
    if (planText != null) {
      try {
        plan = Long.parseLong(planText);
      } catch (NumberFormatException e) {
        problems.add("计划编号须为数字，收到“" + clip(planText) + "”");
      }
    }
    AuditAction action = null;
    String actionText = blankToNull(query.get("action"));
    if (actionText != null) {
      try {
        action = AuditAction.valueOf(actionText);
      } catch (IllegalArgumentException e) {
        problems.add("没有“" + clip(actionText) + "”这种操作");
      }
    }
    LocalDate from = date(query.get("from"), "起始日期", problems);
    LocalDate to = date(query.get("to"), "截止日期", problems);
    if (from != null && to != null && to.isBefore(from)) {
      problems.add("截止日期 " + to + " 早于起始日期 " + from);
    }
    for (String field : List.of("task", "unit", "user")) {
      String value = query.get(field);
      if (value != null && value.length() > 64) {
        problems.add(Map.of("task", "任务编号", "unit", "单位", "user", "操作人").get(field) + "不能超过 64 个字符");
      }
    }
    return new AuditFilter(plan, blankToNull(query.get("task")), blankToNull(query.get("unit")),
        blankToNull(query.get("user")), action, from, to, "asc".equals(query.get("order")), null, null);
  }

  private static LocalDate date(String text, String field, List<String> problems) {
    String value = blankToNull(text);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(field + "须为“年-月-日”格式（如 2026-03-01），收到“" + clip(value) + "”");
      return null;
    }
  }

  private static int number(String text) {
    try {
      return text == null ? 1 : Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static String clip(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
