package com.xiezuo.demo;

import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.intake.NoticeIntake;
import com.xiezuo.plan.parse.ParsedPlan;
import com.xiezuo.workflow.Deadlines;
import com.xiezuo.workflow.StartupOrder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo plan. With {@code xiezuo.demo.living-year} (the embedded default) the Zhuhai seed notice is re-dated to
 * this year and its year so far replayed ({@link DemoYear}), once per year; {@code xiezuo.demo.today} (yyyy-mm-dd)
 * replays up to another day and leaves the engine clock there, to try the demo on that date. Without it (the shared test
 * application), the 2023 notice is imported as published and waits for its review. A later start finds the plan by
 * issuer and year and leaves it alone.
 */
@Component
@Order(StartupOrder.DEMO_PLAN)
@ConditionalOnProperty(name = "xiezuo.demo.enabled", havingValue = "true")
public class DemoPlanSetup implements ApplicationRunner {

  public static final String SEED_NOTICE = "seeds/zhuhai-2023-notice.txt";
  public static final int SEED_YEAR = 2023;

  private final NoticeIntake intake;
  private final PlanImportService importer;
  private final PlanRepository plans;
  private final DemoYear year;
  private final DemoStartupGate gate;
  private final boolean livingYear;
  private final LocalDate pinnedToday;

  public DemoPlanSetup(NoticeIntake intake, PlanImportService importer, PlanRepository plans, DemoYear year,
      DemoStartupGate gate, @Value("${xiezuo.demo.living-year:true}") boolean livingYear,
      @Value("${xiezuo.demo.today:}") String pinnedToday) {
    this.pinnedToday = pinnedToday.isBlank() ? null : LocalDate.parse(pinnedToday.trim());
    this.intake = intake;
    this.importer = importer;
    this.plans = plans;
    this.year = year;
    this.gate = gate;
    this.livingYear = livingYear;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    String notice;
    try (InputStream in = new ClassPathResource(SEED_NOTICE).getInputStream()) {
      notice = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (livingYear) {
      LocalDate today = pinnedToday == null ? Deadlines.today() : pinnedToday;
      ParsedPlan plan = year.redated(notice, today.getYear());
      if (plans.latestVersion(plan.issuer(), today.getYear()).isEmpty()) {
        gate.closedWhile(() -> year.build(notice, today, pinnedToday != null));
      }
      return;
    }
    ParsedPlan plan = intake.read(null, notice.getBytes(StandardCharsets.UTF_8), SEED_YEAR).plan();
    if (plans.latestVersion(plan.issuer(), plan.year()).isEmpty()) {
      importer.importPlan(plan, new PlanImportService.Options(PlanImportService.Source.NOTICE,
          DemoUsersSetup.DEMO, false, null));
    }
  }
}
