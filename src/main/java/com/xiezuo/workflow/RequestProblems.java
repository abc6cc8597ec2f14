package com.xiezuo.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * What was wrong with a request's parameters, in Chinese, naming the field: Spring's own messages name Java types
 * and quote the whole value, and never reach a user.
 */
public final class RequestProblems {

  /** A quoted value is cut to this many characters (it may be the whole of a pasted document). */
  private static final int SHOWN = 40;

  private RequestProblems() {}

  /** The problem in Chinese, or empty when {@code error} is not a problem of the request's parameters or body. */
  public static Optional<String> describe(Throwable error) {
    if (error instanceof MethodArgumentTypeMismatchException mismatch) {
      return Optional.of("字段“" + mismatch.getName() + "”的值“" + shown(mismatch.getValue()) + "”格式不对"
          + expected(mismatch.getRequiredType()));
    }
    if (error instanceof MissingServletRequestParameterException missing) {
      return Optional.of("缺少字段“" + missing.getParameterName() + "”");
    }
    if (error instanceof MissingServletRequestPartException missing) {
      return Optional.of("缺少上传的文件（字段“" + missing.getRequestPartName() + "”）");
    }
    if (error instanceof HttpMessageNotReadableException unreadable) {
      return Optional.of(JsonProblems.describe(unreadable));
    }
    return Optional.empty();
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "";
    }
    Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(type);
    if (boxed == Boolean.class) {
      return "，应为 true 或 false";
    }
    if (boxed == BigDecimal.class || boxed == Double.class || boxed == Float.class) {
      return "，应为数字";
    }
    if (Number.class.isAssignableFrom(boxed)) {
      return "，应为整数";
    }
    if (boxed == LocalDate.class) {
      return "，应为日期（如 2031-10-31）";
    }
    if (boxed == LocalDateTime.class) {
      return "，应为日期和时间（如 2031-10-31T09:00）";
    }
    if (boxed.isEnum()) {
      return "，不是可选的取值";
    }
    return "";
  }

  private static String shown(Object value) {
    String text = String.valueOf(value);
    return text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text;
  }
}
