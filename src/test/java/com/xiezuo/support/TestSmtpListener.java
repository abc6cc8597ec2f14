package com.xiezuo.support;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/** Starts the test SMTP server before the first Spring test context is created (registered in spring.factories). */
public class TestSmtpListener implements TestExecutionListener, Ordered {

  @Override
  public void beforeTestClass(TestContext testContext) {
    TestSmtp.ensureStarted();
  }

  /** A per-class test instance gets its context before beforeTestClass runs. */
  @Override
  public void prepareTestInstance(TestContext testContext) {
    TestSmtp.ensureStarted();
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
