package com.xiezuo.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends a mail exactly once per dedup key: recorded in the outbox, claimed by one node, sent, marked sent. When SMTP
 * fails the mail stays pending and the caller's job fails, so Camunda retries it with back-off (and shows an incident
 * after the last retry); a retry after a successful send finds it sent and does not send again. Without an SMTP
 * server configured (spring.mail.host), mails are only recorded in the outbox for coordinators to read.
 */
@Service
public class MailService {

  private static final Logger LOG = LoggerFactory.getLogger(MailService.class);

  private static final ThreadLocal<Boolean> SIMULATING = ThreadLocal.withInitial(() -> false);

  private final MailOutbox outbox;
  private final ObjectProvider<JavaMailSender> sender;
  private final String from;
  private final String node;

  public MailService(MailOutbox outbox, ObjectProvider<JavaMailSender> sender,
      @Value("${xiezuo.mail.from:协作系统 <noreply@xiezuo.example>}") String from,
      @Value("${camunda.bpm.process-engine-name:default}") String engineName) {
    this.outbox = outbox;
    this.sender = sender;
    this.from = from;
    this.node = engineName + "@" + ManagementFactory.getRuntimeMXBean().getName();
  }

  /** Whether a mail with this key was ever recorded (sent, pending or being sent). */
  public boolean isKnown(String dedupKey) {
    return outbox.status(dedupKey).isPresent();
  }

  public boolean smtpConfigured() {
    return sender.getIfAvailable() != null;
  }

  /**
   * Runs {@code replay} with every mail it produces recorded as {@link MailStatus#SIMULATED} and not sent: the demo
   * replays a past year through the real processes, and nobody should get that year's mails today.
   */
  public void simulating(Runnable replay) {
    SIMULATING.set(true);
    try {
      replay.run();
    } finally {
      SIMULATING.remove();
    }
  }

  public void deliver(MailMessage message) {
    MailStatus status = outbox.recordIfAbsent(message);
    if (status == MailStatus.SENT || status == MailStatus.RECORDED || status == MailStatus.SIMULATED) {
      return;
    }
    if (SIMULATING.get()) {
      outbox.simulated(message.dedupKey());
      return;
    }
    JavaMailSender mail = sender.getIfAvailable();
    if (message.recipients().isEmpty()) {
      outbox.recorded(message.dedupKey());
      LOG.warn("Mail {} has no recipient (no contact mail in the directory): recorded only", message.dedupKey());
      return;
    }
    if (mail == null) {
      outbox.recorded(message.dedupKey());
      LOG.info("No SMTP server configured: mail {} recorded in the outbox", message.dedupKey());
      return;
    }
    if (!outbox.claim(message.dedupKey(), node)) {
      if (outbox.status(message.dedupKey()).orElse(MailStatus.SENT) == MailStatus.SENT) {
        return;
      }
      throw new MailDeliveryException("mail " + message.dedupKey() + " is being sent by another node; retrying later");
    }
    try {
      mail.send(mime(mail, message));
    } catch (MailException | MessagingException e) {
      outbox.failed(message.dedupKey(), e.getMessage() == null ? e.getClass().getName() : e.getMessage());
      throw new MailDeliveryException("sending " + message.dedupKey() + " failed: " + e.getMessage(), e);
    }
    outbox.sent(message.dedupKey());
  }

  /**
   * For a mail sent by a user's action rather than a process job (a supervisor's urge): an SMTP failure does not
   * undo the action; the mail stays pending and {@link PendingMailRetry} sends it later. True if it went out now.
   */
  public boolean deliverOrLeavePending(MailMessage message) {
    try {
      deliver(message);
      return outbox.status(message.dedupKey()).orElse(MailStatus.PENDING) != MailStatus.PENDING;
    } catch (MailDeliveryException e) {
      LOG.warn("Mail {} not sent now, left for the retry sweep: {}", message.dedupKey(), e.getMessage());
      return false;
    }
  }

  static String messageId(String dedupKey) {
    return "<" + UUID.nameUUIDFromBytes(dedupKey.getBytes(StandardCharsets.UTF_8)) + "@xiezuo>";
  }

  private MimeMessage mime(JavaMailSender mail, MailMessage message) throws MessagingException {
    MimeMessage mime = mail.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
    helper.setFrom(from);
    helper.setTo(message.recipients().toArray(String[]::new));
    helper.setSubject(message.subject());
    helper.setText(message.body(), false);
    mime.setHeader("X-Xiezuo-Key", message.dedupKey());
    // the same Message-ID for every attempt: a copy sent again after a node died mid-send is shown once by mail clients
    mime.setHeader("Message-ID", messageId(message.dedupKey()));
    return mime;
  }
}
