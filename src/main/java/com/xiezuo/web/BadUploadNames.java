package com.xiezuo.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tomcat refuses to hand over an uploaded file's name with a NUL byte in it (a trick to cut off an extension). It
 * does so while the first filter reads the form's fields — before any controller — so the refusal is answered
 * here, first of all filters.
 */
@Configuration
public class BadUploadNames {

  static final String MESSAGE = "文件名含有不允许的字符（如空字符）：请把文件改名后再上传";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> badUploadNameFilter() {
    var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws IOException, ServletException {
        try {
          chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
          if (!badName(e) || response.isCommitted()) {
            throw e;
          }
          response.sendError(HttpServletResponse.SC_BAD_REQUEST, MESSAGE);
        }
      }
    });
    registration.setName("xiezuo-bad-upload-name");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  private static boolean badName(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidFileNameException) {
        return true;
      }
    }
    return false;
  }
}
