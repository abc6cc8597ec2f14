package com.xiezuo.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) for the test JVM, on a free port published as system property
 * {@code xiezuo.test.smtp-port} before any Spring context starts. Tests stop and start it to play an outage.
 */
public final class TestSmtp {

  public static final String PORT_PROPERTY = "xiezuo.test.smtp-port";

  private static GreenMail server;
  private static int port;

  private TestSmtp() {}

  public static synchronized void ensureStarted() {
    if (server == null) {
      port = freePort();
      System.setProperty(PORT_PROPERTY, String.valueOf(port));
      start();
    }
  }

  public static synchronized void start() {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
  }

  /** SMTP down: connections are refused until {@link #start()}. */
  public static synchronized void stop() {
    server.stop();
  }

  public static synchronized List<MimeMessage> received() {
    return Arrays.asList(server.getReceivedMessages());
  }

  /**
   * Mails sent whose X-Xiezuo-Key header starts with the prefix, one per send. GreenMail keeps a copy per recipient;
   * copies share the Message-ID, and so does a mail sent again (the app gives every attempt of one mail the same
   * Message-ID), so each group of copies counts as its size over the number of recipients.
   */
  public static List<MimeMessage> withKeyPrefix(String prefix) {
    java.util.Map<String, List<MimeMessage>> copies = received().stream().filter(message -> key(message).startsWith(prefix))
        .collect(java.util.stream.Collectors.groupingBy(TestSmtp::messageId, java.util.LinkedHashMap::new,
            java.util.stream.Collectors.toList()));
    List<MimeMessage> sends = new java.util.ArrayList<>();
    copies.values().forEach(group -> {
      int perSend = Math.max(1, recipients(group.get(0)));
      for (int i = 0; i < group.size(); i += perSend) {
        sends.add(group.get(i));
      }
    });
    return sends;
  }

  private static int recipients(MimeMessage message) {
    try {
      return message.getAllRecipients() == null ? 1 : message.getAllRecipients().length;
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String key(MimeMessage message) {
    try {
      String[] header = message.getHeader("X-Xiezuo-Key");
      return header == null ? "" : header[0];
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String body(MimeMessage message) {
    try {
      return message.getContent().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
