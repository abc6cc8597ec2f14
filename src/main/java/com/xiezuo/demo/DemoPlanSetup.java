package com.xiezuo.demo;

import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.parse.NoticeParser;
import com.xiezuo.plan.parse.ParsedPlan;
import com.xiezuo.workflow.StartupOrder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Imports the Zhuhai 2023 seed notice once (parsed from the published text), so a fresh demo shows the plan
 * review task. A later start finds the plan by issuer and year and leaves it alone.
 */
@Component
@Order(StartupOrder.DEMO_PLAN)
@ConditionalOnProperty(name = "xiezuo.demo.enabled", havingValue = "true")
public class DemoPlanSetup implements ApplicationRunner {

  public static final String SEED_NOTICE = "seeds/zhuhai-2023-notice.txt";
  public static final int SEED_YEAR = 2023;

  private final NoticeParser parser;
  private final PlanImportService importer;
  private final PlanRepository plans;

  public DemoPlanSetup(NoticeParser parser, PlanImportService importer, PlanRepository plans) {
    this.parser = parser;
    this.importer = importer;
    this.plans = plans;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    String notice;
    try (InputStream in = new ClassPathResource(SEED_NOTICE).getInputStream()) {
      notice = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    ParsedPlan plan = parser.parse(notice, SEED_YEAR);
    if (plans.latestVersion(plan.issuer(), plan.year()).isEmpty()) {
      importer.importPlan(plan, new PlanImportService.Options(PlanImportService.Source.NOTICE,
          DemoUsersSetup.DEMO, false, null));
    }
  }
}
