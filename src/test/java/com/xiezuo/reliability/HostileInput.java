package com.xiezuo.reliability;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** Generators of what a clumsy or hostile user types, pastes or sends. */
final class HostileInput {

  private HostileInput() {}

  private static final List<String> CRAFTED = List.of("", " ", "\u0000", "\u0000.pdf", "a\u0000b", "'; drop table xz_plan; --",
      "' or '1'='1", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "${7*7}", "#{7*7}", "[[${7*7}]]",
      "%00", "%s%s%s%n", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "\r\nX-Injected: 1", "\uFEFF", "\uD800",
      "\uDFFF\uD800", "𠀀𠀁", "\u202E.exe", "null", "undefined", "true", "NaN", "Infinity", "-Infinity", "1e30", "-1e30",
      "1e400", "-0", "0.000000001", "99999999999999999999999", "-9223372036854775809", "2147483648", "0x10", "1,000",
      "１２３", "四十二", "2023-02-30", "2023-13-01", "9999-12-31", "0000-00-00", "2023/05/31", "5 月底前", "一、", "（一）",
      "{\"a\":1}", "[1,2]", "\\", "\"", "'", "`", "&", "=", "?", "#", "/", ";", "\t\n");

  /** Short random text over all of Unicode, crafted attack strings, and long runs of one character. */
  static Arbitrary<String> text() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
        Tuple.of(4, Arbitraries.of(CRAFTED)),
        Tuple.of(2, longRun()),
        Tuple.of(1, Arbitraries.strings().withChars("0123456789.-+eE ").ofMinLength(1).ofMaxLength(30)));
  }

  /** A run of one character long enough to pass any column (and any sane form field). */
  static Arbitrary<String> longRun() {
    return Arbitraries.of("x", "一", "（", "<", "、", "0").flatMap(c -> Arbitraries.of(301, 1_001, 20_001, 120_000)
        .map(c::repeat));
  }

  /** A value sent: its JSON form and the text a message could quote back. */
  record Value(String json, String text) {}

  /** A JSON value where the contract expects one: a string of hostile text, or a raw token of the wrong kind or size. */
  static Arbitrary<Value> jsonValue() {
    return Arbitraries.frequencyOf(
        Tuple.of(5, text().map(text -> new Value(jsonString(text), text))),
        Tuple.of(3, Arbitraries.of("1e30", "-1e30", "1e400", "-1", "0", "0.000000001", "123456789012345678901234567890",
            "null", "true", "false", "[]", "{}", "[null]", "{\"x\":[[[[[[[[[[]]]]]]]]]]}", "\"\"", "2023", "-2023", "2147483648",
            "1.5", "\"2023-02-30\"", "\"9999-99-99\"").map(token -> new Value(token, token))),
        Tuple.of(1, Arbitraries.strings().withChars("{}[]\",:0123456789abc\\").ofMaxLength(12).map(raw -> new Value(raw, raw))));
  }

  static String jsonString(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || Character.isSurrogate(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
