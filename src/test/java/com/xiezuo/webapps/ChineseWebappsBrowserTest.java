package com.xiezuo.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.support.Browser;
import com.xiezuo.support.XiezuoSpringTest;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A unit user with a Chinese (zh-CN) browser: Tasklist, then Cockpit and Admin for the coordinator, all in Chinese. */
@XiezuoSpringTest
class ChineseWebappsBrowserTest {

  private static final By EOL_BANNER = By.cssSelector(".ce-eol-banner");

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void logIntoWebapp(Browser browser, String app, String user) {
    browser.open(url("/camunda/app/" + app + "/"));
    WebElement name = browser.waitFor(By.cssSelector("form[name='signinForm'] input[type='text']"));
    assertThat(name.getAttribute("placeholder")).isEqualTo("用户名");
    assertThat(browser.driver().findElement(By.cssSelector("form[name='signinForm'] input[type='password']"))
        .getAttribute("placeholder")).isEqualTo("密码");
    assertThat(browser.driver().findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).getText())
        .isEqualTo("登录");
    browser.screenshot("zh-" + app + "-login");
    name.sendKeys(user);
    browser.driver().findElement(By.cssSelector("form[name='signinForm'] input[type='password']")).sendKeys(user);
    browser.click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
  }

  @Test
  void aUnitUserWorksInAChineseTasklist() {
    repositoryService.createDeployment().name("zh-probe")
        .addModelInstance("zhProbe.bpmn", Bpmn.createExecutableProcess("zhProbe").name("中文界面探针")
            .camundaHistoryTimeToLive(1)
            .startEvent().userTask("userTask_zhProbe").name("报送本单位进展").camundaCandidateGroups("civilAffairs")
            .camundaFormRef("planReview").camundaFormRefBinding("latest").endEvent().done())
        .deploy();
    runtimeService.startProcessInstanceByKey("zhProbe", Map.of("planTitle", "中文界面测试计划", "planYear", 2023));

    try (Browser browser = Browser.startOrSkip()) {
      logIntoWebapp(browser, "tasklist", "civilAffairs");
      browser.click(By.xpath("//*[contains(@class,'task-filters')]//*[normalize-space(text())='本单位待办']"));
      browser.click(By.xpath("//*[contains(@class,'tasks-list')]//*[normalize-space(text())='报送本单位进展｜中文界面测试计划']"));
      browser.waitFor(By.xpath("//label[contains(normalize-space(.),'计划名称')]"));
      browser.waitFor(By.xpath("//*[normalize-space(text())='认领']"));
      browser.waitFor(By.xpath("//*[normalize-space(text())='历史']"));
      browser.waitFor(By.xpath("//button[normalize-space(.)='保存']"));
      browser.waitFor(By.xpath("//button[normalize-space(.)='完成']"));
      String page = browser.driver().findElement(By.tagName("body")).getText();
      assertThat(page).contains("协作", "任务中心", "表单", "描述", "日期和时间按本地时区显示", "Asia/Shanghai");
      assertThat(page).doesNotContain("Claim", "Complete", "Filters", "Migrate", "Camunda 8");
      assertThat(page).as("what a unit may not do is not offered")
          .doesNotContain("发起流程", "创建任务", "设置到期日", "设置跟进日期", "添加组");
      assertThat(browser.isHidden(EOL_BANNER)).as("end-of-life banner hidden").isTrue();
      browser.screenshot("zh-tasklist-task");

      browser.click(By.xpath("//*[normalize-space(text())='认领']"));
      browser.waitFor(By.xpath("//*[normalize-space(text())='取消认领']"));
      browser.click(By.xpath("//button[normalize-space(.)='完成']"));
      browser.waitFor(By.xpath("//*[contains(@class,'fjs-form-field-error')]//*[normalize-space(text())='此项为必填项。']"
          + " | //*[contains(@class,'fjs-form-field-error')][normalize-space(text())='此项为必填项。']"));
      assertThat(browser.driver().findElement(By.tagName("body")).getText()).as("the form library's message in Chinese")
          .doesNotContain("Field is required");
      browser.screenshot("zh-tasklist-required");
      browser.click(By.xpath("//*[normalize-space(text())='历史']"));
      browser.waitFor(By.xpath("//*[contains(@class,'history-pane')]//*[contains(@class,'operation-detail')]"
          + "//h4[normalize-space(.)='认领']"));
      browser.screenshot("zh-tasklist-history");
    }
  }

  @Test
  void cockpitAndAdminSpeakChineseToTheCoordinator() {
    try (Browser browser = Browser.startOrSkip()) {
      logIntoWebapp(browser, "cockpit", "demo");
      browser.waitFor(By.xpath("//*[normalize-space(text())='流程']"));
      browser.waitFor(By.xpath("//*[normalize-space(text())='已部署']"));
      browser.waitFor(By.xpath("//*[normalize-space(text())='运行中的流程实例']"));
      String cockpit = browser.driver().findElement(By.tagName("body")).getText();
      assertThat(cockpit).contains("监控中心").doesNotContain("Processes", "Deployments", "Camunda 8");
      assertThat(browser.isHidden(EOL_BANNER)).isTrue();
      browser.screenshot("zh-cockpit");

      browser.open(url("/camunda/app/admin/"));
      browser.waitFor(By.xpath("//*[normalize-space(text())='用户']"));
      browser.waitFor(By.xpath("//*[normalize-space(text())='授权']"));
      String admin = browser.driver().findElement(By.tagName("body")).getText();
      assertThat(admin).contains("系统管理").doesNotContain("Users", "Authorizations", "Camunda 8");
      assertThat(browser.isHidden(EOL_BANNER)).isTrue();
      browser.screenshot("zh-admin");
    }
  }
}
