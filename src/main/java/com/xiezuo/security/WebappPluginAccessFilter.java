package com.xiezuo.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cockpit's and Admin's plugin APIs run their queries without the user's engine authentication (they filter rows
 * themselves), so the command guard cannot see who asks; their counts over all instances would show a unit how far
 * other units are. Only users with access to that webapp (Camunda's application permission) may call them.
 */
public class WebappPluginAccessFilter extends OncePerRequestFilter {

  private final CamundaWebappSession webappSession;
  private final CamundaIdentityAuthenticationProvider identity;
  private final AuthorizationService authorizationService;

  public WebappPluginAccessFilter(CamundaWebappSession webappSession, CamundaIdentityAuthenticationProvider identity,
      AuthorizationService authorizationService) {
    this.webappSession = webappSession;
    this.identity = identity;
    this.authorizationService = authorizationService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String application = path.startsWith("/camunda/api/cockpit/") ? AccessSetup.COCKPIT : "admin";
    Optional<String> user = webappSession.loggedInUser(request);
    if (user.isPresent() && !authorizationService.isUserAuthorized(user.get(), identity.groupIdsOf(user.get()),
        Permissions.ACCESS, Resources.APPLICATION, application)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json;charset=UTF-8");
      response.getOutputStream().write(("{\"type\":\"AuthorizationException\",\"message\":\"没有权限："
          + (application.equals("admin") ? "系统管理只供系统管理员使用" : "监控中心只供协调员和督查人员使用") + "\"}")
          .getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(request, response);
  }
}
