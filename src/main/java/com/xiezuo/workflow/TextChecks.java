package com.xiezuo.workflow;

/**
 * Text no user types on purpose: control characters (a NUL, which PostgreSQL refuses to store, a bell, an escape)
 * and halves of a Unicode surrogate pair. Line breaks and tabs are text.
 */
public final class TextChecks {

  private TextChecks() {}

  public static boolean hasControlCharacters(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F) {
        return true;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return true;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  public static boolean hasNul(String text) {
    return text.indexOf('\0') >= 0;
  }
}
