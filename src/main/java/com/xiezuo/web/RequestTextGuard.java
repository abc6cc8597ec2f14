package com.xiezuo.web;

import com.xiezuo.workflow.TextChecks;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two guards in front of every entry path, before anything reads a request. A NUL character in a field or a JSON
 * body is refused (400): nobody types one, and PostgreSQL will not store it. A JSON body to the engine's REST
 * API (what Tasklist sends: a form, a comment, a claim) is at most 1 MB (413), so one request cannot hand the engine
 * a 30 MB comment to keep and serve.
 */
@Configuration
public class RequestTextGuard {

  static final int ENGINE_BODY_LIMIT = 1024 * 1024;
  /** Any other JSON or text body (a plan with 500 tasks of long content) stays under the upload limit. */
  static final int BODY_LIMIT = 25 * 1024 * 1024;
  static final String NUL_MESSAGE = "提交的内容含有空字符（NUL），无法保存：请删除后重试（常见于从其他系统复制的文字）";
  static final String ENGINE_TOO_LARGE = "提交的内容过大：任务表单、意见等一次最多 1 MB";
  static final String TOO_LARGE = "提交的内容过大：一次最多 25 MB";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> requestTextGuardFilter() {
    var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws IOException, ServletException {
        guard(request, response, chain);
      }
    });
    registration.setName("xiezuo-request-text-guard");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  private static void guard(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    boolean textBody = type.startsWith("application/json") || type.contains("+json");
    if (!textBody) {
      if (hasNul(request.getParameterMap())) {
        refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, NUL_MESSAGE);
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    boolean engine = path(request).startsWith("/engine-rest") || path(request).startsWith("/camunda/api");
    byte[] body = readUpTo(request.getInputStream(), engine ? ENGINE_BODY_LIMIT : BODY_LIMIT);
    if (body == null) {
      refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, engine ? ENGINE_TOO_LARGE : TOO_LARGE);
      return;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.indexOf('\0') >= 0 || text.toLowerCase(Locale.ROOT).contains("\\u0000") || hasNul(request.getParameterMap())) {
      refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, NUL_MESSAGE);
      return;
    }
    chain.doFilter(new ReadBody(request, body), response);
  }

  private static boolean hasNul(Map<String, String[]> parameters) {
    for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
      if (TextChecks.hasNul(parameter.getKey())) {
        return true;
      }
      for (String value : parameter.getValue()) {
        if (value != null && TextChecks.hasNul(value)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The body, or null when it is longer than the limit. */
  private static byte[] readUpTo(InputStream in, int limit) throws IOException {
    byte[] body = in.readNBytes(limit);
    return in.read() == -1 ? body : null;
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
      throws IOException {
    String path = path(request);
    if (path.startsWith("/api/") || path.startsWith("/engine-rest") || path.startsWith("/camunda/api")) {
      response.setStatus(status);
      response.setContentType("application/json;charset=UTF-8");
      String type = status == HttpServletResponse.SC_BAD_REQUEST ? "InvalidRequestException" : "RestException";
      response.getWriter().write("{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}");
      return;
    }
    response.sendError(status, message);
  }

  /** The request with its body already read, served again from memory (one stream, as the servlet API has it). */
  private static final class ReadBody extends HttpServletRequestWrapper {
    private final ServletInputStream stream;
    private BufferedReader reader;

    ReadBody(HttpServletRequest request, byte[] body) {
      super(request);
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      this.stream = new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public int available() {
          return in.available();
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body has been read already");
        }
      };
    }

    @Override
    public ServletInputStream getInputStream() {
      return stream;
    }

    @Override
    public BufferedReader getReader() {
      if (reader == null) {
        String charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
        reader = new BufferedReader(new InputStreamReader(stream, Charset.forName(charset)));
      }
      return reader;
    }
  }
}
