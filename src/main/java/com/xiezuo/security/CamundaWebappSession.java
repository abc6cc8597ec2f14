package com.xiezuo.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.stereotype.Component;

/**
 * One login for Xiezuo's pages and the Camunda webapps: both keep the user in the same HTTP session.
 * Engine-specific on purpose and kept small: this is the only class that knows the webapp's session format.
 */
@Component
public class CamundaWebappSession {

  private final ProcessEngine processEngine;

  public CamundaWebappSession(ProcessEngine processEngine) {
    this.processEngine = processEngine;
  }

  /** The user logged into Tasklist/Cockpit/Admin in this session, if any. */
  public Optional<String> loggedInUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || session.getAttribute("authenticatedUser") == null) {
      return Optional.empty();
    }
    Authentication authentication =
        AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(processEngine.getName());
    return Optional.ofNullable(authentication).map(Authentication::getIdentityId);
  }

  /** Logs the user into the Camunda webapps too, after a login on Xiezuo's own login page. */
  public void logIn(HttpServletRequest request, String userId) {
    HttpSession session = request.getSession(true);
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    authentications.addOrReplace(AuthenticationUtil.createAuthentication(processEngine, userId));
    AuthenticationUtil.updateSession(session, authentications);
  }
}
