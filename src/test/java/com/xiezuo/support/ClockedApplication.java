package com.xiezuo.support;

import com.xiezuo.XiezuoApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.SpringApplication;

/**
 * The application in a JVM of its own, for tests that kill it: its engine clock runs from the time written in the
 * file {@code -Dxiezuo.test.clock-file} (an ISO local date-time, Asia/Shanghai) and follows when a test rewrites it,
 * so several nodes move to the same moment together and their timers fall due for real.
 */
public final class ClockedApplication {

  private static String applied;

  private ClockedApplication() {}

  public static void main(String[] args) {
    Path clock = Path.of(System.getProperty("xiezuo.test.clock-file"));
    follow(clock);
    Thread watcher = new Thread(() -> {
      while (true) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
        follow(clock);
      }
    }, "test-clock");
    watcher.setDaemon(true);
    watcher.start();
    SpringApplication.run(XiezuoApplication.class, args);
  }

  private static void follow(Path clock) {
    try {
      String time = Files.readString(clock).trim();
      if (!time.equals(applied)) {
        long target = LocalDateTime.parse(time).atZone(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli();
        ClockUtil.offset(target - System.currentTimeMillis());
        applied = time;
      }
    } catch (IOException | RuntimeException e) {
      // a half-written file: read again on the next tick
    }
  }
}
