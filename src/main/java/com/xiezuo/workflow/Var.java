package com.xiezuo.workflow;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/** A process variable with its name and Java type, so code never casts raw {@code getVariable} results. */
public record Var<T>(String name, Class<T> type) {

  public static <T> Var<T> of(String name, Class<T> type) {
    return new Var<>(name, type);
  }

  public T get(VariableScope scope) {
    return convert(scope.getVariable(name));
  }

  public T get(Map<String, Object> variables) {
    return convert(variables.get(name));
  }

  /** Forms may send a number back as another number type (a year read as Integer returns as Long). */
  private T convert(Object value) {
    if (value == null || type.isInstance(value)) {
      return type.cast(value);
    }
    if (value instanceof Number number) {
      if (type == Integer.class) {
        return type.cast(number.intValue());
      }
      if (type == Long.class) {
        return type.cast(number.longValue());
      }
      if (type == Double.class) {
        return type.cast(number.doubleValue());
      }
    }
    if (type == Boolean.class && value instanceof String text) {
      return type.cast(Boolean.valueOf(text));
    }
    throw new ClassCastException("variable " + name + " holds " + value.getClass().getSimpleName() + ", not "
        + type.getSimpleName());
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }

  public void put(Map<String, Object> variables, T value) {
    variables.put(name, value);
  }
}
