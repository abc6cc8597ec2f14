package com.xiezuo.mail;

/** A mail could not be sent now; the job that sends it fails and is retried with back-off. */
public class MailDeliveryException extends RuntimeException {

  public MailDeliveryException(String message) {
    super(message);
  }

  public MailDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
