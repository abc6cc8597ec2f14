package com.xiezuo.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.support.Browser;
import com.xiezuo.support.TasklistUser;
import com.xiezuo.support.XiezuoSpringTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A newcomer's first minutes: demo logs into Tasklist and, with no set-up, opens the plan review form. */
@XiezuoSpringTest
class TasklistBrowserTest {

  @LocalServerPort int port;
  @Autowired TaskService taskService;

  @Test
  void demoSeesThePlanReviewTaskUnderAFilterAndItsChineseForm() {
    try (TasklistUser demo = TasklistUser.logIn(port, "demo", taskService)) {
      Browser browser = demo.browser();
      assertThat(java.net.URLDecoder.decode(browser.driver().getCurrentUrl(), java.nio.charset.StandardCharsets.UTF_8))
          .as("the list opens earliest due first").contains("sorting=[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]");

      browser.click(By.xpath("//*[contains(@class,'task-filters')]//*[normalize-space(text())='本单位待办']"));
      browser.click(By.xpath("//*[contains(@class,'tasks-list')]//*[starts-with(normalize-space(text()),'审核工作计划｜')]"));

      WebElement label = browser.waitFor(By.xpath("//label[contains(normalize-space(.),'计划名称')]"));
      assertThat(label.isDisplayed()).isTrue();
      browser.waitFor(By.xpath("//label[contains(normalize-space(.),'已核对任务、责任单位、完成时限和协议指标')]"));
      String titleFieldId = label.getAttribute("for");
      WebElement title = browser.waitFor(By.id(titleFieldId));
      assertThat(title.getDomProperty("value")).isEqualTo("珠海市 2023 年东西部协作工作要点");
      assertThat(title.getDomProperty("readOnly")).isEqualTo("true");
      assertThat(browser.driver().findElements(By.tagName("textarea"))).isNotEmpty();
      WebElement planLink = browser.waitFor(By.partialLinkText("打开计划明细"));
      assertThat(planLink.getAttribute("href")).matches(".*/plans/\\d+$");

      Path screenshot = browser.screenshot("tasklist-plan-review");
      assertThat(screenshot).exists();
      assertThat(Files.isRegularFile(screenshot)).isTrue();
    }
  }
}
