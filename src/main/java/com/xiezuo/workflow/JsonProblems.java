package com.xiezuo.workflow;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What was wrong with a JSON request body, in Chinese: where (field path, or line and column) and what was expected.
 * Jackson's own messages name Java classes and quote the body; they never reach a user.
 */
public final class JsonProblems {

  private JsonProblems() {}

  /** {@code problem} is the JSON exception, or whatever wrapped it (null: the body was empty). */
  public static String describe(Throwable problem) {
    Throwable cause = problem;
    while (cause != null && !(cause instanceof JsonProcessingException)) {
      cause = cause.getCause();
    }
    if (cause == null) {
      return "请求正文为空或不是 JSON：请以 application/json 提交 JSON 内容";
    }
    if (cause instanceof JsonEOFException) {
      return "JSON 内容不完整（在结尾处中断）：请检查括号和引号是否成对";
    }
    if (cause instanceof JsonParseException parse) {
      return "不是有效的 JSON" + at(parse.getLocation()) + "：请检查逗号、引号和括号";
    }
    if (cause instanceof StreamConstraintsException) {
      return "JSON 中有超出长度上限的数字或文字：数字不超过 1000 位，请检查后重试";
    }
    if (!(cause instanceof JsonMappingException mapping)) {
      return "不是有效的 JSON：请检查逗号、引号和括号";
    }
    String field = path(mapping);
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return "JSON 中有不认识的字段“" + unknown.getPropertyName() + "”" + field;
    }
    if (cause instanceof InvalidFormatException invalid) {
      return "字段" + quoted(field) + "的值“" + shown(invalid.getValue()) + "”不对：" + expected(invalid.getTargetType());
    }
    if (cause instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
      return "字段" + quoted(field) + "的类型不对：" + expected(mismatched.getTargetType());
    }
    return "JSON 内容与要求的结构不符" + (field.isEmpty() ? "" : "（位置：" + field + "）");
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "格式不对";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "应为整数";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == BigDecimal.class) {
      return "应为数字";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "应为 true 或 false";
    }
    if (type == LocalDate.class) {
      return "应为日期，写成年-月-日，如 2026-10-31";
    }
    if (type.isEnum()) {
      return "应为以下之一：" + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
          .collect(Collectors.joining("、"));
    }
    if (type == String.class) {
      return "应为文字";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "应为列表（[…]）";
    }
    return "应为对象（{…}）";
  }

  private static String path(JsonMappingException mapping) {
    return mapping.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + (ref.getIndex() + 1) + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  private static String shown(Object value) {
    String text = String.valueOf(value);
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  private static String quoted(String field) {
    return field.isEmpty() ? "" : "“" + field + "”";
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 0 ? ""
        : "（第 " + location.getLineNr() + " 行第 " + location.getColumnNr() + " 列附近）";
  }
}
