package com.xiezuo.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's REST resources take a JSON body of {@code null} for a missing request object and fail with a
 * NullPointerException (a 500). A JSON request whose body is {@code null} is answered 400 before it reaches them;
 * every other body is passed on unchanged (read once, offered again).
 */
public class NullBodyFilter extends OncePerRequestFilter {

  private static final int SMALL = 16;

  private final CamundaWebappSession webappSession;

  public NullBodyFilter(CamundaWebappSession webappSession) {
    this.webappSession = webappSession;
  }

  /** Tasklist's API without a session is the webapp's to answer (401), as for any other request. */
  private boolean anonymousInWebapp(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/camunda/")
        && webappSession.loggedInUser(request).isEmpty();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    if (type == null || !type.toLowerCase().startsWith("application/json") || request.getContentLengthLong() > SMALL
        || anonymousInWebapp(request)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(SMALL + 1);
    if (new String(body, StandardCharsets.UTF_8).trim().equals("null")) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("application/json;charset=UTF-8");
      response.getOutputStream().write("{\"type\":\"InvalidRequestException\",\"message\":\"请求内容不能为 null，请发送一个 JSON 对象\"}"
          .getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(new Replayed(request, body, request.getInputStream()), response);
  }

  /** The request with the bytes already read put back in front of the rest of its body. */
  private static final class Replayed extends HttpServletRequestWrapper {
    private final byte[] head;
    private final InputStream rest;

    Replayed(HttpServletRequest request, byte[] head, InputStream rest) {
      super(request);
      this.head = head;
      this.rest = rest;
    }

    @Override
    public ServletInputStream getInputStream() {
      InputStream in = new SequenceInputStream(new ByteArrayInputStream(head), rest);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          try {
            return in.available() == 0;
          } catch (IOException e) {
            return true;
          }
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          return in.read(buffer, offset, length);
        }
      };
    }
  }
}
