package com.xiezuo.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The published notices the tests use. */
public final class Seeds {

  private Seeds() {}

  public static String zhuhaiNotice() {
    try (InputStream in = Seeds.class.getClassLoader().getResourceAsStream("seeds/zhuhai-2023-notice.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
