package com.xiezuo.mail;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends again the mails no process job retries: a supervisor's urge whose first attempt met a broken SMTP server.
 * The back-off follows the reminder jobs (5 min, 15 min, 1 h, 3 h, then every 6 h); reminders and escalations are
 * retried by their Camunda jobs and are not touched here.
 */
@Component
public class PendingMailRetry {

  private static final Logger LOG = LoggerFactory.getLogger(PendingMailRetry.class);
  static final List<Duration> BACK_OFF = List.of(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1),
      Duration.ofHours(3), Duration.ofHours(6));

  private final MailOutbox outbox;
  private final MailService mailService;

  public PendingMailRetry(MailOutbox outbox, MailService mailService) {
    this.outbox = outbox;
    this.mailService = mailService;
  }

  static Duration backOff(int attempts) {
    return BACK_OFF.get(Math.min(Math.max(attempts, 1), BACK_OFF.size()) - 1);
  }

  /** One sweep; returns how many mails went out. */
  public int sendDue() {
    int sent = 0;
    for (MailRecord mail : outbox.dueForRetry(MailKind.URGE, PendingMailRetry::backOff, 100)) {
      MailMessage message = new MailMessage(mail.dedupKey(), mail.kind(), List.of(mail.recipients().split(",")),
          mail.subject(), mail.body(), mail.businessKey(), mail.createdBy());
      if (mailService.deliverOrLeavePending(message)) {
        sent++;
      }
    }
    if (sent > 0) {
      LOG.info("Retry sweep sent {} pending mail(s)", sent);
    }
    return sent;
  }

  /** Scheduled on every node; the outbox claim makes sure each mail goes out once. Off in tests, which drive it. */
  @Component
  @ConditionalOnProperty(name = "xiezuo.mail.retry-sweep", havingValue = "true", matchIfMissing = true)
  static class Schedule {
    private final PendingMailRetry retry;

    Schedule(PendingMailRetry retry) {
      this.retry = retry;
    }

    @Scheduled(fixedDelayString = "${xiezuo.mail.retry-interval:PT1M}", initialDelayString = "PT1M")
    void sweep() {
      retry.sendDue();
    }
  }
}
