package com.xiezuo.workflow;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/** A process variable with its name and Java type, so code never casts raw {@code getVariable} results. */
public record Var<T>(String name, Class<T> type) {

  public static <T> Var<T> of(String name, Class<T> type) {
    return new Var<>(name, type);
  }

  public T get(VariableScope scope) {
    return type.cast(scope.getVariable(name));
  }

  public T get(Map<String, Object> variables) {
    return type.cast(variables.get(name));
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
