package com.xiezuo.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.PlanStatus;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.support.Browser;
import com.xiezuo.support.XiezuoSpringTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A coordinator pastes the published notice, fixes the parsed table and submits: the plan goes to review. */
@XiezuoSpringTest
class PlanReviewBrowserTest {

  @LocalServerPort int port;
  @Autowired PlanRepository plans;
  @Autowired TaskService taskService;
  @Autowired UnitDirectory directory;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  static void logIn(Browser browser, String baseUrl, String user) {
    browser.open(baseUrl + "/login");
    browser.waitFor(By.name("username")).sendKeys(user);
    browser.waitFor(By.name("password")).sendKeys(user);
    browser.click(By.cssSelector("form button[type='submit']"));
    browser.waitFor(By.cssSelector(".topbar"));
  }

  /** Pastes a notice on the intake page and waits for the review table. */
  static void pasteNotice(Browser browser, String baseUrl, String notice, int planYear) {
    browser.open(baseUrl + "/plans/new");
    WebElement textarea = browser.waitFor(By.name("notice"));
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", textarea, notice);
    WebElement year = browser.driver().findElement(By.cssSelector("#notice-form input[name='year']"));
    year.clear();
    year.sendKeys(String.valueOf(planYear));
    browser.click(By.cssSelector("#notice-form button[type='submit']"));
    browser.waitFor(By.cssSelector("#tasks tr"));
  }

  @Test
  void aPastedNoticeBecomesARunningPlanReview() throws Exception {
    String notice = new String(getClass().getClassLoader().getResourceAsStream("seeds/zhuhai-2023-notice.txt")
        .readAllBytes(), StandardCharsets.UTF_8);
    String issuer = "浏览器测试领导小组" + UUID.randomUUID().toString().substring(0, 8);
    try (Browser browser = Browser.startOrSkip()) {
      logIn(browser, url(""), "demo");
      pasteNotice(browser, url(""), notice, 2023);
      assertThat(browser.driver().findElements(By.cssSelector("#tasks tr"))).hasSize(32);
      assertThat(browser.driver().findElement(By.id("plan-title")).getDomProperty("value"))
          .isEqualTo("珠海市 2023 年东西部协作工作要点");
      WebElement first = browser.driver().findElement(By.cssSelector("#tasks tr[data-number='1']"));
      assertThat(first.findElement(By.cssSelector(".chip.lead")).getText()).contains("市委办公室");
      assertThat(first.findElements(By.cssSelector(".chip.group"))).extracting(WebElement::getText)
          .anyMatch(text -> text.contains("各结对区"));
      browser.screenshot("plan-review-parsed");

      WebElement issuerInput = browser.driver().findElement(By.id("plan-issuer"));
      issuerInput.clear();
      issuerInput.sendKeys(issuer);
      // a unit typed wrongly is flagged, then corrected
      WebElement add = first.findElement(By.cssSelector("input.add-unit"));
      add.sendKeys("市人设局\n");
      first = browser.driver().findElement(By.cssSelector("#tasks tr[data-number='1']"));
      assertThat(first.findElement(By.cssSelector(".chip.unknown")).getText()).contains("市人设局");
      browser.click(By.id("submit-plan"));
      WebElement problems = browser.waitFor(By.cssSelector("#problems li"));
      assertThat(problems.getText()).contains("市人设局", "市人力资源和社会保障局");
      browser.screenshot("plan-review-problem");
      first = browser.driver().findElement(By.cssSelector("#tasks tr[data-number='1']"));
      first.findElement(By.cssSelector(".chip.unknown button.remove")).click();
      first = browser.driver().findElement(By.cssSelector("#tasks tr[data-number='1']"));
      first.findElement(By.cssSelector("input.add-unit")).sendKeys("市人社局\n");
      // the lead changes to the second unit
      first = browser.driver().findElement(By.cssSelector("#tasks tr[data-number='1']"));
      first.findElements(By.cssSelector(".chip button.make-lead")).get(1).click();

      browser.click(By.id("submit-plan"));
      browser.waitFor(By.cssSelector("table.tasks"));
      assertThat(browser.driver().getCurrentUrl()).contains("/plans/");
      assertThat(browser.driver().findElement(By.cssSelector(".status")).getText()).isEqualTo("审核中");
      browser.screenshot("plan-submitted");
    }
    PlanSummary stored = plans.findAll().stream().filter(plan -> plan.issuer().equals(issuer)).findFirst().orElseThrow();
    assertThat(stored.status()).isEqualTo(PlanStatus.IN_REVIEW);
    assertThat(stored.taskCount()).isEqualTo(32);
    var detail = plans.find(stored.id(), directory.snapshot()).orElseThrow();
    assertThat(detail.tasks().get(0).lead().printedName()).isEqualTo("市政府办公室");
    assertThat(detail.tasks().get(0).units()).extracting(u -> u.printedName()).contains("市人社局");
    assertThat(taskService.createTaskQuery().processInstanceId(stored.processInstanceId()).singleResult().getName())
        .isEqualTo("审核工作计划｜" + stored.title());
  }

  @Test
  void tasksTheReadingIsUnsureOfComeFirstWithTheirReasons() {
    String notice = """
        二、重点任务
        1.召开联席会议。两地召开联席会议。（责任单位：市委办公室、市政府办公室；完成时限：6 月底前）
        2.开展宣传。在媒体刊发报道不少于 10 篇。
        3.举办展销会。举办展销会 2 场。（责任单位：市会展集团筹备处；完成时限：9 月底前）
        """;
    try (Browser browser = Browser.startOrSkip()) {
      logIn(browser, url(""), "demo");
      pasteNotice(browser, url(""), notice, 2024);
      var rows = browser.driver().findElements(By.cssSelector("#tasks tr"));
      assertThat(rows).extracting(row -> row.getDomAttribute("data-number")).containsExactly("2", "3", "1");
      assertThat(rows.get(0).findElement(By.cssSelector("td.confidence")).getText())
          .contains("需核对", "未识别出责任单位", "未写明完成时限");
      assertThat(rows.get(1).findElement(By.cssSelector("td.confidence")).getText())
          .contains("需核对", "单位名录中没有：市会展集团筹备处");
      assertThat(rows.get(2).findElement(By.cssSelector("td.confidence")).getText()).contains("✓")
          .doesNotContain("需核对");
      assertThat(browser.driver().findElement(By.id("review-summary")).getText()).contains("共 3 项任务", "其中 2 项需要核对");
      browser.screenshot("plan-review-attention-first");
      browser.driver().manage().deleteAllCookies();
      browser.click(By.id("check-plan"));
      new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
          .until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector("#problems strong"), "登录已过期"));
      assertThat(browser.driver().findElement(By.cssSelector("#problems strong")).getText())
          .as("a session that ended is said, the page does not hang").contains("本页的修改已保存在浏览器中");
    }
  }
}
