package com.xiezuo.mail;

import java.util.List;

/** A mail Xiezuo sends; {@code dedupKey} names what it is about, so the same reminder never exists twice. */
public record MailMessage(String dedupKey, MailKind kind, List<String> recipients, String subject, String body,
    String businessKey, String createdBy) {

  public MailMessage {
    recipients = List.copyOf(recipients);
  }
}
