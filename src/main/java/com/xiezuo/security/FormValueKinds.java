package com.xiezuo.security;

import com.xiezuo.workflow.FormValidationException;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What kind of value each form component takes: text for text fields and choices, a number for number fields, yes
 * or no for a checkbox, a date or date text for a date picker. Anything else (a file, bytes, a serialized object)
 * sent for a form field is refused with 400 before the process sees it.
 */
final class FormValueKinds {

  private static final Set<ValueType> TEXT = Set.of(ValueType.STRING);
  private static final Set<ValueType> NUMBER = Set.of(ValueType.INTEGER, ValueType.LONG, ValueType.DOUBLE, ValueType.SHORT);
  private static final Map<String, Set<ValueType>> BY_COMPONENT = Map.of(
      "textfield", TEXT, "textarea", TEXT, "radio", TEXT, "select", TEXT,
      "number", NUMBER,
      "checkbox", Set.of(ValueType.BOOLEAN),
      "datetime", Set.of(ValueType.STRING, ValueType.DATE));
  private static final Map<String, String> SAID = Map.of(
      "number", "数字", "checkbox", "是或否（true/false）", "datetime", "日期");
  private static final Map<String, String> TYPE_NAMES = Map.ofEntries(Map.entry("string", "文字"),
      Map.entry("integer", "整数"), Map.entry("long", "整数"), Map.entry("short", "整数"), Map.entry("double", "数字"),
      Map.entry("boolean", "是或否"), Map.entry("date", "日期"), Map.entry("object", "对象"), Map.entry("file", "文件"),
      Map.entry("bytes", "二进制数据"), Map.entry("json", "JSON"), Map.entry("xml", "XML"));

  private static final Map<Class<?>, ValueType> JAVA_TYPES = Map.of(String.class, ValueType.STRING,
      Boolean.class, ValueType.BOOLEAN, Integer.class, ValueType.INTEGER, Long.class, ValueType.LONG,
      Double.class, ValueType.DOUBLE, Short.class, ValueType.SHORT);

  private FormValueKinds() {}

  static void check(String name, String component, TypedValue value) {
    ValueType type = value == null ? ValueType.NULL : typeOf(value);
    if (value != null && value.isTransient()) {
      throw new FormValidationException("“" + name + "”不能以临时（transient）值提交，表单填写的内容必须保存");
    }
    if (type == ValueType.NULL) {
      return;
    }
    if (type == null || !BY_COMPONENT.getOrDefault(component, TEXT).contains(type)) {
      throw new FormValidationException("“" + name + "”的值应为" + SAID.getOrDefault(component, "文字") + "，不能是"
          + (type == null ? "这种类型的值" : TYPE_NAMES.getOrDefault(type.getName(), type.getName())));
    }
    if (value.getValue() instanceof Double number && !Double.isFinite(number)) {
      throw new FormValidationException("“" + name + "”不是有效的数字");
    }
  }

  /** The declared type (read without deserializing anything), or for an untyped Java value the type of its class. */
  private static ValueType typeOf(TypedValue value) {
    if (value.getType() != null) {
      return value.getType();
    }
    Object raw = value.getValue();
    if (raw == null) {
      return ValueType.NULL;
    }
    return raw instanceof Date ? ValueType.DATE : JAVA_TYPES.get(raw.getClass());
  }
}
