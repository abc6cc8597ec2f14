package com.xiezuo.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * What a refused page request says. A form whose security token no longer fits (the session ended, the page was
 * open too long) is not a missing right: whoever is logged out goes to the login page, whoever is not is told to
 * reload. A plan page refused names who may use it.
 */
final class PageAccessDenied implements AccessDeniedHandler {

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    if (denied instanceof CsrfException) {
      Authentication user = SecurityContextHolder.getContext().getAuthentication();
      if (user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated()) {
        response.sendRedirect(request.getContextPath() + "/login?expired");
        return;
      }
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "页面已过期（安全令牌失效）：请刷新页面后重新提交");
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean intake = path.equals("/plans/new") || "POST".equals(request.getMethod()) && path.startsWith("/plans/");
    response.sendError(HttpServletResponse.SC_FORBIDDEN,
        intake ? "没有权限执行此操作：只有协调员可以导入和修改工作计划" : "没有权限执行此操作");
  }
}
