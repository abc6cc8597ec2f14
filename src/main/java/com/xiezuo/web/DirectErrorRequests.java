package com.xiezuo.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the container forwards a failed request; asked for directly it has no error to show and
 * Spring would answer 500 ("status 999"). A direct request is a page that does not exist.
 */
@Configuration
public class DirectErrorRequests {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> directErrorRequestFilter() {
    var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
      }
    });
    registration.setName("xiezuo-direct-error-request");
    registration.addUrlPatterns("/error", "/error/*");
    return registration;
  }
}
