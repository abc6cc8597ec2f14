package com.xiezuo.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the demo year is being replayed (the first start of a year, under a minute), the engine clock stands in the
 * past: requests get a Chinese "please wait" instead of pages computed on that clock.
 */
@Component
class DemoStartupGate extends OncePerRequestFilter {

  private volatile boolean closed;

  void closedWhile(Runnable work) {
    closed = true;
    try {
      work.run();
    } finally {
      closed = false;
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!closed) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", "20");
    response.setContentType("text/html;charset=UTF-8");
    response.getOutputStream().write(("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        + "<meta http-equiv=\"refresh\" content=\"10\"><title>协作 · 正在准备演示数据</title></head><body>"
        + "<p>演示数据正在生成：系统正按真实流程回放本年度已过去的工作（首次启动约需一分钟）。本页每 10 秒自动刷新。</p>"
        + "</body></html>").getBytes(StandardCharsets.UTF_8));
  }
}
