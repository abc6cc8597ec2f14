package com.xiezuo.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Runs each of Xiezuo's own requests as the logged-in user inside the engine, so Camunda authorization
 * applies to what our API and pages read and do, exactly as in Tasklist.
 */
@Configuration
@ConditionalOnWebApplication
public class EngineAuthenticationInterceptor implements AsyncHandlerInterceptor, WebMvcConfigurer {

  private final IdentityService identityService;
  private final CamundaIdentityAuthenticationProvider identity;

  public EngineAuthenticationInterceptor(IdentityService identityService, CamundaIdentityAuthenticationProvider identity) {
    this.identityService = identityService;
    this.identity = identity;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)) {
      String userId = authentication.getName();
      identityService.setAuthentication(userId, identity.groupIdsOf(userId));
    }
    return true;
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    identityService.clearAuthentication();
  }

  /**
   * A download streamed asynchronously (the archive) leaves its request thread without afterCompletion: the thread
   * goes back to the pool now, and must not carry this user into the next request it serves.
   */
  @Override
  public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response, Object handler) {
    identityService.clearAuthentication();
  }
}
