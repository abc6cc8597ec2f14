package com.xiezuo.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a Camunda Form: those a user fills in (with the component type, which says what kind of value
 * it takes), and those it only shows (read-only).
 */
record TaskFormFields(Map<String, String> writable, Set<String> readOnly, Map<String, String> labels) {

  static final TaskFormFields NONE = new TaskFormFields(Map.of(), Set.of(), Map.of());

  /** How the form names a field ("完成情况"), for messages; the key itself where the form gives no label. */
  String label(String key) {
    return labels.getOrDefault(key, key);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  static TaskFormFields parse(InputStream form) {
    try (form) {
      Map<String, String> writable = new HashMap<>();
      Set<String> readOnly = new HashSet<>();
      Map<String, String> labels = new HashMap<>();
      collect(JSON.readTree(form).path("components"), writable, readOnly, labels);
      return new TaskFormFields(Map.copyOf(writable), Set.copyOf(readOnly), Map.copyOf(labels));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(JsonNode components, Map<String, String> writable, Set<String> readOnly,
      Map<String, String> labels) {
    for (JsonNode component : components) {
      String key = component.path("key").asText(null);
      if (key != null && !key.isBlank()) {
        String label = component.path("label").asText(component.path("dateLabel").asText(""));
        if (!label.isBlank()) {
          labels.put(key, label);
        }
        boolean fixed = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
        if (fixed) {
          readOnly.add(key);
        } else {
          writable.put(key, component.path("type").asText());
        }
      }
      collect(component.path("components"), writable, readOnly, labels);
    }
  }
}
