package com.xiezuo.plan.intake;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reading a notice or a file takes a core. A few readings run at a time, each within a time limit, so one
 * coordinator's hostile paste cannot stall the server for everyone else. A reading that runs out of time is
 * interrupted (the parser checks between tasks) and keeps its slot until it has actually stopped.
 */
@Component
public class ReadingSlots {

  private final Semaphore slots;
  private final Duration wait;
  private final Duration limit;
  private final ExecutorService readers;

  public ReadingSlots(@Value("${xiezuo.intake.parallel-readings:2}") int parallel,
      @Value("${xiezuo.intake.reading-wait:10s}") Duration wait,
      @Value("${xiezuo.intake.reading-limit:20s}") Duration limit) {
    this.slots = new Semaphore(Math.max(1, parallel));
    this.wait = wait;
    this.limit = limit;
    AtomicInteger count = new AtomicInteger();
    this.readers = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "notice-reader-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  public <T> T read(Supplier<T> reading) {
    if (!acquire()) {
      throw IntakeException.busy("当前正在识别的文件较多，请稍后再试");
    }
    Future<T> future;
    try {
      future = readers.submit(() -> {
        try {
          return reading.get();
        } finally {
          slots.release();
        }
      });
    } catch (RejectedExecutionException e) {
      slots.release();
      throw IntakeException.busy("当前无法识别文件，请稍后再试");
    }
    try {
      return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw IntakeException.busy("识别超时：" + limit.toSeconds() + " 秒内未能读完，请把通知分成几段粘贴，或上传文件");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw IntakeException.busy("识别已中断，请重试");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private boolean acquire() {
    try {
      return slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
