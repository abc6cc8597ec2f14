package com.xiezuo.web;

import com.xiezuo.workflow.RequestProblems;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Every error page and error body says in Chinese what happened and what to do. Messages the app wrote in Chinese
 * stay; the servlet container's, Spring's and the Camunda webapps' English ones (e.g. "No access rights for admin")
 * are replaced, so no English or technical text reaches a user.
 */
@Component
public class ChineseErrorAttributes extends DefaultErrorAttributes {

  private static final Pattern NO_ACCESS = Pattern.compile("^No access rights for (\\w+)");
  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
  private static final Map<String, String> APPLICATIONS = Map.of("admin", "系统管理", "cockpit", "监控中心",
      "tasklist", "任务中心", "welcome", "欢迎页");

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> attributes = super.getErrorAttributes(request, options);
    Object status = attributes.get("status");
    Optional<String> requestProblem = RequestProblems.describe(getError(request));
    attributes.put("message", requestProblem.isPresent() ? "请求有误：" + requestProblem.get()
        : chinese(String.valueOf(attributes.get("message")), status instanceof Integer code ? code : 500));
    attributes.put("error", chinese("", status instanceof Integer code ? code : 500));
    return attributes;
  }

  static String chinese(String message, int status) {
    Matcher noAccess = NO_ACCESS.matcher(message == null ? "" : message);
    if (noAccess.find()) {
      return "您没有使用“" + APPLICATIONS.getOrDefault(noAccess.group(1), noAccess.group(1)) + "”的权限。如工作需要，请联系系统管理员开通。";
    }
    if (message != null && CHINESE.matcher(message).find()) {
      return message;
    }
    return switch (status) {
      case 400 -> "请求无效：请检查填写的内容后重试。";
      case 401 -> "请先登录。";
      case 403 -> "没有权限执行此操作。";
      case 404 -> "找不到您要的页面或数据，可能已被删除或地址有误。";
      case 405 -> "不支持该请求方法。";
      case 409 -> "数据已被他人修改，请刷新后重试。";
      case 413 -> "提交的内容过大。";
      case 415 -> "不支持该内容类型。";
      default -> status >= 500 ? "服务器处理请求时出错，请稍后重试；如反复出现，请联系系统管理员。" : "请求未能完成。";
    };
  }
}
