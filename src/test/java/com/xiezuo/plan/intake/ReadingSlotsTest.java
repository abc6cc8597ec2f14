package com.xiezuo.plan.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A reading that runs too long is answered 503 and stopped; while it runs on, it holds its slot. */
class ReadingSlotsTest {

  @Test
  void aReadingOverItsLimitIsInterruptedAndTheUserToldToSendItInParts() throws Exception {
    ReadingSlots slots = new ReadingSlots(1, Duration.ofMillis(50), Duration.ofMillis(200));
    CountDownLatch stopped = new CountDownLatch(1);

    assertThatThrownBy(() -> slots.read(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.onSpinWait();
      }
      stopped.countDown();
      return null;
    })).isInstanceOfSatisfying(IntakeException.class, busy -> {
      assertThat(busy.status()).isEqualTo(503);
      assertThat(busy.getMessage()).contains("识别超时").contains("分成几段");
    });
    assertThat(stopped.await(5, TimeUnit.SECONDS)).as("the runaway reading was interrupted").isTrue();
    assertThat(slots.read(() -> "next")).isEqualTo("next");
  }

  @Test
  void whileEverySlotIsTakenAnotherReadingIsToldToWait() throws Exception {
    ReadingSlots slots = new ReadingSlots(1, Duration.ofMillis(50), Duration.ofSeconds(5));
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread first = new Thread(() -> slots.read(() -> {
      running.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    }));
    first.start();
    assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> slots.read(() -> "second")).isInstanceOfSatisfying(IntakeException.class,
        busy -> assertThat(busy.getMessage()).contains("请稍后再试"));
    release.countDown();
    first.join();
    assertThat(slots.read(() -> "third")).isEqualTo("third");
  }
}
