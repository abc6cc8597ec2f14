package com.xiezuo.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One application node as an operating-system process of its own ({@link ClockedApplication}), so a test can kill it
 * with SIGKILL as a power cut or the OOM killer would: no shutdown hook, no rollback, locks left behind.
 */
public final class NodeProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;

  private NodeProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts a node on the given database with its job executor on; returns once it answers. */
  public static NodeProcess start(String name, Path workDir, Path clockFile, String databaseUrl, List<String> extraArgs)
      throws IOException, InterruptedException {
    Path log = workDir.resolve(name + "-" + System.currentTimeMillis() + ".log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx640m", "-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Shanghai",
        "-Dxiezuo.test.clock-file=" + clockFile, "-cp", System.getProperty("java.class.path"),
        ClockedApplication.class.getName(), "--spring.profiles.active=postgres", "--server.port=0",
        "--SPRING_DATASOURCE_URL=" + databaseUrl, "--SPRING_DATASOURCE_USERNAME=postgres", "--SPRING_DATASOURCE_PASSWORD=",
        "--camunda.bpm.process-engine-name=default", "--xiezuo.demo.living-year=false",
        "--camunda.bpm.job-execution.enabled=true", "--camunda.bpm.job-execution.wait-time-in-millis=200",
        "--camunda.bpm.job-execution.max-wait=1000", "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + System.getProperty(TestSmtp.PORT_PROPERTY)));
    command.addAll(extraArgs);
    Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    NodeProcess node = new NodeProcess(name, process, log);
    node.awaitStarted(Duration.ofMinutes(3));
    return node;
  }

  private void awaitStarted(Duration limit) throws IOException, InterruptedException {
    Instant end = Instant.now().plus(limit);
    while (Instant.now().isBefore(end)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("node " + name + " ended at start-up, see " + log);
      }
      if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("Started ClockedApplication")) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("node " + name + " did not start within " + limit + ", see " + log);
  }

  /** SIGKILL: the process ends at once, whatever it was doing. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public File log() {
    return log.toFile();
  }

  /** A normal stop (SIGTERM: Spring closes the engine, the job executor finishes what it holds). */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
