package com.xiezuo.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.plan.PlanRepository;
import com.xiezuo.plan.PlanSummary;
import com.xiezuo.support.Browser;
import com.xiezuo.support.Seeds;
import com.xiezuo.support.XiezuoSpringTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Another city's unit, in a real browser: the coordinator adds it to the directory, imports a notice naming it
 * (recognised at once), maps a misspelt name to it with one click and adds a unit the directory did not know from
 * the review itself.
 */
@XiezuoSpringTest
class DirectoryBrowserTest {

  @LocalServerPort int port;
  @Autowired PlanRepository plans;
  @Autowired UnitDirectory directory;

  @Test
  void aCoordinatorAddsAUnitAndImportsANoticeNamingIt() {
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    String id = "ocean" + suffix;
    String name = "市海洋发展局" + suffix;
    String issuer = "名录测试领导小组" + suffix;
    String base = "http://localhost:" + port;
    try (Browser browser = Browser.startOrSkip()) {
      PlanReviewBrowserTest.logIn(browser, base, "coordinator");
      browser.open(base + "/directory");
      browser.waitFor(By.cssSelector("#add-unit input[name='id']")).sendKeys(id);
      browser.driver().findElement(By.cssSelector("#add-unit input[name='name']")).sendKeys(name);
      new Select(browser.driver().findElement(By.cssSelector("#add-unit select[name='kind']"))).selectByVisibleText("市直部门");
      browser.driver().findElement(By.cssSelector("#add-unit input[name='aliases']")).sendKeys("市海洋局" + suffix);
      browser.click(By.cssSelector("#add-unit button[type='submit']"));
      browser.waitFor(By.xpath("//p[contains(., '单位已新增')]"));
      assertThat(browser.driver().findElement(By.id("changes")).getText()).contains("coordinator", "新增单位“" + name + "”");
      browser.screenshot("directory-unit-added");

      String notice = Seeds.zhuhaiNotice().replace("市商务局", name);
      PlanReviewBrowserTest.pasteNotice(browser, base, notice, 2023);
      assertThat(browser.driver().findElements(By.xpath("//span[contains(@class,'chip') and contains(@class,'unit')"
          + " and contains(., '" + name + "')]"))).as("the new unit is recognised").isNotEmpty();

      WebElement first = browser.driver().findElement(By.cssSelector("#tasks tr[data-number='1']"));
      first.findElement(By.cssSelector("input.add-unit")).sendKeys("海洋局" + suffix + "\n");
      browser.click(By.cssSelector("#tasks tr[data-number='1'] button.use-suggestion"));
      first = browser.driver().findElement(By.cssSelector("#tasks tr[data-number='1']"));
      assertThat(first.findElements(By.cssSelector(".chip.unknown"))).as("mapped with one click").isEmpty();

      String newcomer = "市新设测试局" + suffix;
      first.findElement(By.cssSelector("input.add-unit")).sendKeys(newcomer + "\n");
      browser.click(By.cssSelector("#tasks tr[data-number='1'] button.add-as-unit"));
      WebElement form = browser.waitFor(By.cssSelector(".add-unit-form"));
      form.findElement(By.cssSelector("input.new-unit-id")).sendKeys("bad id");
      new Select(form.findElement(By.cssSelector("select.new-unit-kind"))).selectByVisibleText("其他单位");
      form.findElement(By.cssSelector("button.save-unit")).click();
      assertThat(browser.waitFor(By.cssSelector(".add-unit-form ul.problems li")).getText()).contains("单位编码", "无效");
      WebElement idInput = browser.driver().findElement(By.cssSelector(".add-unit-form input.new-unit-id"));
      idInput.clear();
      idInput.sendKeys("newcomer" + suffix);
      browser.click(By.cssSelector(".add-unit-form button.save-unit"));
      browser.waitFor(By.xpath("//span[contains(@class,'chip') and contains(@class,'unit') and contains(., '" + newcomer + "')]"));
      browser.screenshot("directory-review-one-click");

      WebElement issuerInput = browser.driver().findElement(By.id("plan-issuer"));
      issuerInput.clear();
      issuerInput.sendKeys(issuer);
      browser.click(By.id("submit-plan"));
      browser.waitFor(By.cssSelector("table.tasks"));
    }
    PlanSummary stored = plans.findAll().stream().filter(plan -> plan.issuer().equals(issuer)).findFirst().orElseThrow();
    var tasks = plans.find(stored.id(), directory.snapshot()).orElseThrow().tasks();
    assertThat(tasks.get(0).units()).extracting(unit -> unit.unitId()).contains(id, "newcomer" + suffix);
    assertThat(tasks.stream().flatMap(task -> task.units().stream()).filter(unit -> id.equals(unit.unitId())).count())
        .as("the notice's own mentions resolved too").isGreaterThan(1);
  }
}
