package com.xiezuo.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.support.XiezuoSpringTest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A request thread goes back to the pool without the engine user it served: after a normal request, and after one
 * that streams its answer asynchronously (the archive download), whose thread never sees afterCompletion. The next
 * request on it (a login checking a password) once ran as the previous user and failed with 500.
 */
@XiezuoSpringTest
class EngineAuthenticationInterceptorTest {

  @Autowired EngineAuthenticationInterceptor interceptor;
  @Autowired CamundaIdentityAuthenticationProvider identity;
  @Autowired IdentityService identityService;

  @AfterEach
  void clear() {
    SecurityContextHolder.clearContext();
    identityService.clearAuthentication();
  }

  @Test
  void anAsynchronousAnswerLeavesNoEngineUserOnItsThread() {
    SecurityContextHolder.getContext().setAuthentication(identity.authenticated("leader"));
    interceptor.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), new Object());
    assertThat(identityService.getCurrentAuthentication().getUserId()).isEqualTo("leader");
    interceptor.afterConcurrentHandlingStarted(new MockHttpServletRequest(), new MockHttpServletResponse(), new Object());
    assertThat(identityService.getCurrentAuthentication()).isNull();
  }

  @Test
  void aLoginIsCheckedAsNobodyWhateverTheThreadServedBefore() {
    identityService.setAuthentication("doumen", List.of("doumen"));
    var token = UsernamePasswordAuthenticationToken.unauthenticated("coordinator", "coordinator");
    assertThat(identity.authenticate(token).getName()).isEqualTo("coordinator");
  }
}
