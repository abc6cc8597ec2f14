package com.xiezuo.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The shared test application: the embedded default (H2 file database, demo data) on a random port, with the job
 * executor off so tests drive jobs and timers themselves. Every class with this annotation shares one context,
 * which is the only one whose engine is called "default" (the REST API and webapps look the engine up by name).
 * Mail goes to a real SMTP server (GreenMail, see {@link TestSmtp}) started before the context; {@link SqlStatements}
 * can record the SQL it runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "xiezuo.data-dir=./target/test-data/h2-${random.uuid}",
    "camunda.bpm.job-execution.enabled=false",
    "xiezuo.mail.retry-sweep=false",
    "spring.mail.host=127.0.0.1",
    "spring.mail.port=${xiezuo.test.smtp-port}",
    "xiezuo.base-url=http://xiezuo.test",
    "xiezuo.demo.living-year=false"})
@Import(SqlStatements.class)
public @interface XiezuoSpringTest {}
