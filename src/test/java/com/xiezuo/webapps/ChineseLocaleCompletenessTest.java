package com.xiezuo.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards the zh-CN translation of the Camunda webapps against an engine upgrade: every key of the English locale
 * shipped in the webjar must be in our zh.json, non-empty, with the same placeholders and markup.
 */
class ChineseLocaleCompletenessTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|<[a-zA-Z/][^>]*>");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyShippedEnglishKeyHasAChineseValue(String app) throws IOException {
    JsonNode english = read(app, "en", "camunda-webapp-webjar");
    JsonNode chinese = read(app, "zh", "/classes/");
    List<String> problems = new ArrayList<>();
    compare(english, chinese, "", problems);
    assertThat(problems).as(app + " zh.json").isEmpty();
    assertThat(english.path("labels").size()).as("the English locale was found").isGreaterThan(100);
  }

  private static void compare(JsonNode english, JsonNode chinese, String path, List<String> problems) {
    if (english.isObject()) {
      english.fieldNames().forEachRemaining(key -> {
        if (!chinese.has(key)) {
          problems.add(path + "." + key + " missing");
        } else {
          compare(english.get(key), chinese.get(key), path + "." + key, problems);
        }
      });
    } else if (english.isArray()) {
      if (!chinese.isArray() || chinese.size() != english.size()) {
        problems.add(path + " must be a list of " + english.size());
        return;
      }
      for (int i = 0; i < english.size(); i++) {
        compare(english.get(i), chinese.get(i), path + "[" + i + "]", problems);
      }
    } else if (english.isTextual()) {
      String en = english.asText();
      String zh = chinese.asText("");
      // an English value that is only a plural ending ("s") has no Chinese counterpart
      boolean mayBeEmpty = en.isBlank() || en.equals("s");
      if (zh.isBlank() && !mayBeEmpty) {
        problems.add(path + " is empty");
      }
      if (!placeholders(en).equals(placeholders(zh))) {
        problems.add(path + " placeholders differ: " + placeholders(en) + " vs " + placeholders(zh));
      }
    } else if (!english.equals(chinese)) {
      problems.add(path + " must stay " + english);
    }
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    Collections.sort(found);
    return found;
  }

  /** The locale file from the jar or folder whose location contains {@code origin} (webjar vs our resources). */
  private static JsonNode read(String app, String locale, String origin) throws IOException {
    String name = LOCALES.formatted(app, locale);
    for (URL url : Collections.list(ChineseLocaleCompletenessTest.class.getClassLoader().getResources(name))) {
      if (url.toString().contains(origin)) {
        try (InputStream in = url.openStream()) {
          byte[] bytes = in.readAllBytes();
          int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF ? 3 : 0;
          return JSON.readTree(new String(bytes, start, bytes.length - start, java.nio.charset.StandardCharsets.UTF_8));
        }
      }
    }
    throw new IllegalStateException("no " + name + " from " + origin + " on the classpath");
  }
}
