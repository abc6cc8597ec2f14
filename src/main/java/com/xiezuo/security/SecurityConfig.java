package com.xiezuo.security;

import com.xiezuo.directory.Roles;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Security is on by default. The Camunda webapps keep their own login; {@code /engine-rest} uses Camunda's
 * HTTP-basic filter; Xiezuo's API and pages use Spring Security against the same Camunda identities.
 */
@Configuration
@ConditionalOnWebApplication
public class SecurityConfig {

  public static final String ENGINE_REST_PATTERN = "/engine-rest/*";
  /** Own pages: own scripts only (no inline script, no eval); inline styles for ECharts' tooltips and bars. */
  static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  /** JSON APIs: nothing in an answer may load or run anything, nor be framed. */
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  /**
   * The webapps and the engine REST API authenticate themselves; Spring Security only adds the headers they lack.
   */
  @Bean
  @Order(1)
  SecurityFilterChain camundaFilterChain(HttpSecurity http) throws Exception {
    var paths = PathPatternRequestMatcher.withDefaults();
    return http.securityMatcher(new OrRequestMatcher(paths.matcher("/camunda/**"), paths.matcher("/engine-rest/**")))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)
        // the webapps send their own CSP (with the nonces their pages need); the engine API gets a closed one
        .headers(headers -> headers.defaultsDisabled()
            .contentTypeOptions(Customizer.withDefaults())
            .frameOptions(frame -> frame.deny())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(paths.matcher("/engine-rest/**"),
                new StaticHeadersWriter("Content-Security-Policy", API_POLICY))))
        .requestCache(AbstractHttpConfigurer::disable)
        .securityContext(AbstractHttpConfigurer::disable)
        .sessionManagement(AbstractHttpConfigurer::disable)
        .anonymous(AbstractHttpConfigurer::disable)
        .build();
  }

  /** Xiezuo's JSON API for scripts and tools: HTTP basic, no session, so no cookie can be abused (no CSRF). */
  @Bean
  @Order(2)
  SecurityFilterChain apiFilterChain(HttpSecurity http, CamundaIdentityAuthenticationProvider identity)
      throws Exception {
    var paths = PathPatternRequestMatcher.withDefaults();
    return http.securityMatcher(paths.matcher("/api/**"))
        .authenticationProvider(identity)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(paths.matcher(HttpMethod.POST, "/api/plans/**"), paths.matcher(HttpMethod.PUT, "/api/plans/**"))
            .hasAnyRole(Roles.COORDINATORS, Roles.CAMUNDA_ADMIN)
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName("Xiezuo").authenticationEntryPoint(unauthorized()))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized())
            .accessDeniedHandler((request, response, denied) -> {
              response.setStatus(HttpServletResponse.SC_FORBIDDEN);
              response.setContentType("application/json;charset=UTF-8");
              response.getWriter().write("{\"message\":\"没有权限执行此操作：导入计划、改写分解表和提出变更只能由协调员进行\"}");
            }))
        .csrf(AbstractHttpConfigurer::disable)
        .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(API_POLICY))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  /** Xiezuo's own pages: one login shared with the Camunda webapps (either login serves both). */
  @Bean
  @Order(3)
  SecurityFilterChain pageFilterChain(HttpSecurity http, CamundaWebappSession webappSession,
      CamundaIdentityAuthenticationProvider identity) throws Exception {
    var paths = PathPatternRequestMatcher.withDefaults();
    return http
        .authenticationProvider(identity)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(paths.matcher("/login"), paths.matcher("/error"), paths.matcher("/css/**"),
                paths.matcher("/js/**"), paths.matcher("/webjars/**"), paths.matcher("/favicon.ico")).permitAll()
            .requestMatchers(paths.matcher(HttpMethod.POST, "/plans/**"), paths.matcher("/plans/new"))
            .hasAnyRole(Roles.COORDINATORS, Roles.CAMUNDA_ADMIN)
            .requestMatchers(paths.matcher(HttpMethod.GET, "/plans/{id}/allocation"))
            .hasAnyRole(Roles.COORDINATORS, Roles.LEADERSHIP, Roles.CAMUNDA_ADMIN)
            .requestMatchers(paths.matcher("/outbox"))
            .hasAnyRole(Roles.COORDINATORS, Roles.SUPERVISORS, Roles.CAMUNDA_ADMIN)
            .requestMatchers(paths.matcher(HttpMethod.GET, "/plans/{id}/archive"), paths.matcher("/archives/**"))
            .hasAnyRole(Roles.COORDINATORS, Roles.LEADERSHIP, Roles.CAMUNDA_ADMIN)
            .requestMatchers(paths.matcher("/batch/sign-offs"))
            .hasAnyRole(Roles.LEADERSHIP, Roles.CAMUNDA_ADMIN)
            .requestMatchers(paths.matcher("/directory"), paths.matcher("/directory/**"))
            .hasAnyRole(Roles.COORDINATORS, Roles.CAMUNDA_ADMIN)
            .requestMatchers(paths.matcher(HttpMethod.POST, "/assessments/{id}/units/{unitId}/adjustments"),
                paths.matcher(HttpMethod.POST, "/assessments/{id}/units/{unitId}/adjustments/**"))
            .hasAnyRole(Roles.ASSESSORS, Roles.CAMUNDA_ADMIN)
            // a unit's own staff claim innovation items; the page checks the unit
            .requestMatchers(paths.matcher(HttpMethod.POST, "/assessments/{id}/claims"),
                paths.matcher(HttpMethod.POST, "/assessments/{id}/claims/**")).authenticated()
            .requestMatchers(paths.matcher(HttpMethod.POST, "/assessments/**"))
            .hasAnyRole(Roles.COORDINATORS, Roles.CAMUNDA_ADMIN)
            .requestMatchers(paths.matcher(HttpMethod.POST, "/supervision/rounds"))
            .hasAnyRole(Roles.SUPERVISORS, Roles.LEADERSHIP, Roles.CAMUNDA_ADMIN)
            .requestMatchers(paths.matcher(HttpMethod.POST, "/supervision/**"))
            .hasAnyRole(Roles.SUPERVISORS, Roles.CAMUNDA_ADMIN)
            .requestMatchers(paths.matcher("/supervision"), paths.matcher("/supervision/**"))
            .hasAnyRole(Roles.COORDINATORS, Roles.SUPERVISORS, Roles.LEADERSHIP, Roles.ASSESSORS, Roles.CAMUNDA_ADMIN)
            .anyRequest().authenticated())
        .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(PAGE_POLICY))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
        .formLogin(form -> form.loginPage("/login")
            .successHandler((request, response, authentication) -> {
              webappSession.logIn(request, authentication.getName());
              response.sendRedirect(request.getContextPath() + "/");
            }))
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .exceptionHandling(errors -> errors
            .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
            .accessDeniedHandler(new PageAccessDenied()))
        .addFilterBefore(new CamundaWebappSessionFilter(webappSession, identity), AnonymousAuthenticationFilter.class)
        .build();
  }

  private static BasicAuthenticationEntryPoint unauthorized() {
    var entryPoint = new BasicAuthenticationEntryPoint();
    entryPoint.setRealmName("Xiezuo");
    return entryPoint;
  }

  /** Cockpit's and Admin's plugin APIs only for users who may use that webapp (see the filter). */
  @Bean
  FilterRegistrationBean<WebappPluginAccessFilter> webappPluginAccessFilter(CamundaWebappSession webappSession,
      CamundaIdentityAuthenticationProvider identity, AuthorizationService authorizationService) {
    var registration = new FilterRegistrationBean<>(
        new WebappPluginAccessFilter(webappSession, identity, authorizationService));
    registration.setName("xiezuo-webapp-plugin-access");
    registration.addUrlPatterns("/camunda/api/cockpit/*", "/camunda/api/admin/plugin/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return registration;
  }

  /** A JSON body of null on the engine's REST APIs is a 400, not Camunda's NullPointerException (see the filter). */
  @Bean
  FilterRegistrationBean<NullBodyFilter> nullBodyFilter(CamundaWebappSession webappSession) {
    var registration = new FilterRegistrationBean<>(new NullBodyFilter(webappSession));
    registration.setName("xiezuo-null-body");
    registration.addUrlPatterns(ENGINE_REST_PATTERN, "/camunda/api/engine/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 15);
    return registration;
  }

  /** {@code /engine-rest} is open by default in Camunda 7; require HTTP basic against Camunda identity. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-engine-rest-authentication");
    registration.addUrlPatterns(ENGINE_REST_PATTERN);
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20);
    return registration;
  }
}
