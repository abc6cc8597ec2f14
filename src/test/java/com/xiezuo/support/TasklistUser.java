package com.xiezuo.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person logged into Camunda Tasklist in a headless browser, doing tasks the way a user does. */
public final class TasklistUser implements AutoCloseable {

  private final Browser browser;
  private final String baseUrl;
  private final TaskService taskService;

  private TasklistUser(Browser browser, String baseUrl, TaskService taskService) {
    this.browser = browser;
    this.baseUrl = baseUrl;
    this.taskService = taskService;
  }

  /** Logs in (password = user name, as the demo users have); skips the test where no browser is installed. */
  public static TasklistUser logIn(int port, String user, TaskService taskService) {
    Browser browser = Browser.startOrSkip();
    String baseUrl = "http://localhost:" + port;
    browser.open(baseUrl + "/camunda/app/tasklist/");
    // the page's autofocus can land after the first keys on a busy machine and pull the password into the name
    // field ("leaderleader"), so both fields are filled until they hold what was typed
    for (int attempt = 0; attempt < 3; attempt++) {
      var name = browser.waitFor(By.cssSelector("form[name='signinForm'] input[type='text']"));
      var password = browser.waitFor(By.cssSelector("form[name='signinForm'] input[type='password']"));
      name.clear();
      name.sendKeys(user);
      password.clear();
      password.sendKeys(user);
      if (user.equals(name.getDomProperty("value")) && user.equals(password.getDomProperty("value"))) {
        break;
      }
    }
    browser.click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
    browser.waitFor(By.xpath("//*[normalize-space(text())='我的待办']"));
    return new TasklistUser(browser, baseUrl, taskService);
  }

  public Browser browser() {
    return browser;
  }

  public void open(String path) {
    browser.open(baseUrl + path);
  }

  /** Opens the task and claims it: Tasklist keeps a form read-only until the user has claimed the task. */
  public void openAndClaim(Task task) {
    // as a mail link does: forceDisplayTask keeps the task shown while Tasklist settles on its first filter; right
    // after a completion Tasklist may still rewrite the address to its list, so the link is followed again then
    By claim = By.xpath("//*[normalize-space(text())='认领']");
    for (int attempt = 1; ; attempt++) {
      open("/camunda/app/tasklist/default/#/?task=" + task.getId() + "&forceDisplayTask=true");
      try {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(8)).until(ExpectedConditions.elementToBeClickable(claim));
        break;
      } catch (TimeoutException settling) {
        if (attempt == 3) {
          throw settling;
        }
      }
    }
    browser.click(claim);
    browser.waitFor(By.xpath("//*[normalize-space(text())='取消认领']"));
    browser.waitFor(By.cssSelector(".fjs-form"));
  }

  public void tick(String label) {
    browser.click(By.xpath("//label[contains(normalize-space(.),'" + label + "')]/preceding-sibling::input[@type='checkbox']"
        + " | //label[contains(normalize-space(.),'" + label + "')]//input[@type='checkbox']"
        + " | //input[@type='checkbox'][@id=//label[contains(normalize-space(.),'" + label + "')]/@for]"));
  }

  public void choose(String option) {
    browser.click(By.xpath("//label[normalize-space(.)='" + option + "']//input[@type='radio']"
        + " | //input[@type='radio'][@id=//label[normalize-space(.)='" + option + "']/@for]"));
  }

  /** Types into the form's text area with this label. */
  public void write(String label, String text) {
    browser.waitFor(By.xpath("//textarea[@id=//label[starts-with(normalize-space(.),'" + label + "')]/@for]"))
        .sendKeys(text);
  }

  /** Presses 完成 and waits until the server has completed the task. */
  public void complete(Task task) {
    browser.click(By.xpath("//button[normalize-space(.)='完成']"));
    for (int i = 0; i < 60 && taskService.createTaskQuery().taskId(task.getId()).count() > 0; i++) {
      pause();
    }
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as(task.getName() + " completed").isZero();
  }

  /** A decision task done in one go: open, claim, pick the option, complete. */
  public void decide(Task task, String option) {
    openAndClaim(task);
    choose(option);
    complete(task);
  }

  /** Waits for the browser's request to reach the server; a poll, not a timer in the process. */
  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    browser.close();
  }
}
