package com.xiezuo.security;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * Reads the arguments of the engine's own command objects (task id, submitted variables, target user), which Camunda
 * keeps in protected fields without getters. Engine-specific on purpose and kept in one place: an engine upgrade that
 * renames a field fails {@code EngineCommandFieldsTest}, not a user's request.
 */
final class EngineCommandFields {

  private EngineCommandFields() {}

  static String string(Object command, String name) {
    Object value = read(command, name);
    return value == null ? null : value.toString();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> variables(Object command, String name) {
    return (Map<String, Object>) read(command, name);
  }

  static void replace(Object command, String name, Object value) {
    try {
      field(command.getClass(), name).set(command, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot write " + name + " of " + command.getClass().getName(), e);
    }
  }

  static Object read(Object command, String name) {
    try {
      return field(command.getClass(), name).get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + name + " of " + command.getClass().getName(), e);
    }
  }

  private static Field field(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException notHere) {
        // look in the superclass
      }
    }
    throw new IllegalStateException(type.getName() + " has no field " + name + " (engine upgrade?)");
  }
}
