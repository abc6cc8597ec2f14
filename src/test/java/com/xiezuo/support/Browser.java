package com.xiezuo.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian chromium through chromedriver, with a Chinese (zh-CN) browser language. */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;
  private final WebDriverWait wait;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  /** Skips the calling test, with the reason, where the machine has no browser (.ci/run installs one). */
  public static Browser startOrSkip() {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Browser test skipped: needs Debian chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
            + "); .ci/run installs them with apt-get");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1440,1000", "--lang=zh-CN");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .withEnvironment(Map.of("TZ", "Asia/Shanghai")).usingAnyFreePort().build();
    return new Browser(new ChromeDriver(service, options));
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  public WebElement waitFor(By locator) {
    try {
      return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    } catch (TimeoutException e) {
      throw failure(locator, e);
    }
  }

  /** Keeps what the browser showed when a wait failed: a screenshot and the page's text. */
  private TimeoutException failure(By locator, TimeoutException cause) {
    Path shot = screenshot("failure-" + System.currentTimeMillis());
    String text = driver.findElement(By.tagName("body")).getText();
    return new TimeoutException("Waited for " + locator + " at " + driver.getCurrentUrl() + "; screenshot " + shot
        + "; page text: " + text.substring(0, Math.min(text.length(), 1500)), cause);
  }

  public WebElement waitForText(String text) {
    return waitFor(By.xpath("//*[normalize-space(text())='" + text + "']"));
  }

  /** The element is absent or not shown. */
  public boolean isHidden(By locator) {
    return driver.findElements(locator).stream().noneMatch(WebElement::isDisplayed);
  }

  /** Clicks like a user: the element is scrolled to the middle of the window first (fixed footers cover edges). */
  public void click(By locator) {
    try {
      WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
      ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
          "arguments[0].scrollIntoView({block: 'center'});", element);
      element.click();
    } catch (TimeoutException e) {
      throw failure(locator, e);
    }
  }

  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
