package com.xiezuo.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.XiezuoApplication;
import com.xiezuo.execution.UnitAssignment;
import com.xiezuo.execution.UnitAssignments;
import com.xiezuo.plan.PlanImportService;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.plan.parse.ParsedPlan;
import com.xiezuo.plan.parse.ParsedTask;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Reminders counted in working days (xiezuo.reminders.working-days=true) across the 2023 National Day holiday
 * (9-29 to 10-6 off, 10-7 and 10-8 worked): a deadline of Monday 10-9 is reminded 7 working days before, on
 * Friday 9-22, and 1 working day before, on Sunday 10-8, a make-up working day. Real SMTP (GreenMail).
 */
class WorkingDayRemindersIT {

  @TempDir Path dataDir;
  private ConfigurableApplicationContext app;

  @AfterEach
  void stop() {
    ProcessDriver.resetClock();
    if (app != null) {
      app.close();
    }
  }

  @Test
  void remindersSkipTheHolidayAndLandOnTheMakeUpWorkingDay() {
    TestSmtp.ensureStarted();
    app = new SpringApplicationBuilder(XiezuoApplication.class).run("--server.port=0", "--xiezuo.demo.living-year=false", "--xiezuo.data-dir=" + dataDir,
        "--camunda.bpm.process-engine-name=workdays", "--camunda.bpm.job-execution.enabled=false",
        "--xiezuo.reminders.working-days=true", "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + System.getProperty(TestSmtp.PORT_PROPERTY));
    ProcessDriver.setClock(LocalDateTime.of(2023, 9, 1, 9, 0));
    PlanSummary plan = app.getBean(PlanImportService.class).importPlan(new ParsedPlan("工作日提醒测试", 2023, "工作日测试",
        null, List.of(new ParsedTask("1", null, "开展国庆后消费帮扶活动", "组织展销。", "市商务局", List.of(),
            LocalDate.of(2023, 10, 9), "10 月 9 日前", false, List.of(), List.of()))),
        new PlanImportService.Options(PlanImportService.Source.JSON, "demo", false, null));
    TaskService tasks = app.getBean(TaskService.class);
    ProcessDriver driver = new ProcessDriver(app.getBean(ManagementService.class), app.getBean(HistoryService.class),
        plan.processInstanceId());
    tasks.complete(tasks.createTaskQuery().processInstanceId(plan.processInstanceId()).singleResult().getId(),
        Map.of("reviewConfirmed", true));
    tasks.complete(tasks.createTaskQuery().processInstanceId(plan.processInstanceId()).singleResult().getId(),
        Map.of("approvalDecision", "approve"));
    driver.runDueJobs();
    UnitAssignment commerce = app.getBean(UnitAssignments.class).ofPlan(plan.id()).get(0);
    String prefix = "reminder/" + commerce.id() + "/DEADLINE/";

    driver.advanceTo(LocalDateTime.of(2023, 9, 21, 9, 0));
    assertThat(TestSmtp.withKeyPrefix(prefix)).as("7 calendar days would be 10-2; 7 working days is 9-22").isEmpty();
    driver.advanceTo(LocalDateTime.of(2023, 9, 22, 9, 0));
    List<MimeMessage> seven = TestSmtp.withKeyPrefix(prefix);
    assertThat(seven).hasSize(1);
    assertThat(TestSmtp.key(seven.get(0))).endsWith("/P7D");
    assertThat(subject(seven.get(0))).contains("完成时限 2023-10-09，还有 17 天到期");

    driver.advanceTo(LocalDateTime.of(2023, 10, 7, 9, 0));
    assertThat(TestSmtp.withKeyPrefix(prefix)).as("10-7 is a working day but not the last one before 10-9").hasSize(1);
    driver.advanceTo(LocalDateTime.of(2023, 10, 8, 9, 0));
    List<MimeMessage> both = TestSmtp.withKeyPrefix(prefix);
    assertThat(both).hasSize(2);
    assertThat(both).extracting(TestSmtp::key).anyMatch(key -> key.endsWith("/P1D"));
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
