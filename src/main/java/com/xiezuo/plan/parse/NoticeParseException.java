package com.xiezuo.plan.parse;

/** The text is not a notice the parser can read; the message says why, in Chinese, for the coordinator. */
public class NoticeParseException extends RuntimeException {

  public NoticeParseException(String message) {
    super(message);
  }
}
