package com.xiezuo.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Lets a user who logged into Tasklist open Xiezuo's pages without a second login. */
public class CamundaWebappSessionFilter extends OncePerRequestFilter {

  private final CamundaWebappSession webappSession;
  private final CamundaIdentityAuthenticationProvider identity;

  public CamundaWebappSessionFilter(CamundaWebappSession webappSession, CamundaIdentityAuthenticationProvider identity) {
    this.webappSession = webappSession;
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var context = SecurityContextHolder.getContext();
    if (context.getAuthentication() == null || !context.getAuthentication().isAuthenticated()) {
      webappSession.loggedInUser(request).ifPresent(userId -> context.setAuthentication(identity.authenticated(userId)));
    }
    chain.doFilter(request, response);
  }
}
