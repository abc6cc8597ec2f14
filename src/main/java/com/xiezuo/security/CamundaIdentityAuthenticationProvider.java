package com.xiezuo.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Checks user names and passwords against Camunda's identity service; groups become roles. */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;

  public CamundaIdentityAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    // a login is checked as nobody: whoever this thread served last has nothing to do with it
    identityService.clearAuthentication();
    if (userId == null || credentials == null
        || !identityService.checkPassword(userId, credentials.toString())) {
      throw new BadCredentialsException("用户名或密码错误");
    }
    return authenticated(userId);
  }

  /** An authenticated token for a user whose identity was checked elsewhere (e.g. the Camunda webapp). */
  public UsernamePasswordAuthenticationToken authenticated(String userId) {
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authoritiesOf(userId));
  }

  public List<String> groupIdsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  private List<GrantedAuthority> authoritiesOf(String userId) {
    return groupIdsOf(userId).stream()
        .<GrantedAuthority>map(group -> new SimpleGrantedAuthority("ROLE_" + group))
        .toList();
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
