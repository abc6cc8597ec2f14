package com.xiezuo.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A logged-in browser session on Xiezuo's pages over plain HTTP: form login, session cookie, CSRF token. */
public final class WebSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:type=\"hidden\" )?value=\"([^\"]+)\"|<meta name=\"_csrf\" content=\"([^\"]+)\"");

  private final HttpClient client;
  private final String baseUrl;
  private String csrf;

  private WebSession(String baseUrl) {
    this.baseUrl = baseUrl;
    this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public static WebSession logIn(int port, String user) {
    WebSession session = new WebSession("http://localhost:" + port);
    session.refreshToken("/login");
    Api.Response response = session.postForm("/login", Map.of("username", user, "password", user));
    if (response.status() != 302 || response.location().contains("error")) {
      throw new IllegalStateException("login of " + user + " failed: " + response.status() + " " + response.location());
    }
    session.refreshToken("/");
    return session;
  }

  private void refreshToken(String page) {
    String html = get(page).body();
    Matcher m = CSRF.matcher(html);
    if (m.find()) {
      csrf = m.group(1) != null ? m.group(1) : m.group(2);
    }
  }

  public Api.Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  public HttpResponse<byte[]> getBytes(String path) {
    try {
      return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Api.Response postForm(String path, Map<String, String> fields) {
    return postBody(path, fields.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&")));
  }

  /** A form with repeated names (several ticked boxes named "task"): name, value, name, value … in order. */
  public Api.Response postFields(String path, String... namesAndValues) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      body.append(i == 0 ? "" : "&").append(enc(namesAndValues[i])).append('=').append(enc(namesAndValues[i + 1]));
    }
    return postBody(path, body.toString());
  }

  private Api.Response postBody(String path, String fields) {
    String body = fields + (csrf == null ? "" : (fields.isEmpty() ? "" : "&") + "_csrf=" + enc(csrf));
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  /** A JSON post as the page's own scripts send it (CSRF token in the header). */
  public Api.Response postJson(String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (csrf != null) {
      request.header("X-CSRF-TOKEN", csrf);
    }
    return send(request);
  }

  /** A multipart upload of one file field plus text fields. */
  public Api.Response upload(String path, String field, String fileName, byte[] content, Map<String, String> fields) {
    String boundary = "----xiezuo" + UUID.randomUUID();
    StringBuilder head = new StringBuilder();
    Map<String, String> all = new java.util.LinkedHashMap<>(fields);
    all.put("_csrf", csrf);
    all.forEach((name, value) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
        .append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
    head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field)
        .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[start.length + content.length + end.length];
    System.arraycopy(start, 0, body, 0, start.length);
    System.arraycopy(content, 0, body, start.length, content.length);
    System.arraycopy(end, 0, body, start.length + content.length, end.length);
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** Follows a redirect after a form post, as the browser would, and returns the page it lands on. */
  public Api.Response follow(Api.Response redirect) {
    String location = redirect.location();
    if (!location.startsWith("http")) {
      return get(location);
    }
    URI target = URI.create(location);
    return get(target.getRawQuery() == null ? target.getRawPath() : target.getRawPath() + "?" + target.getRawQuery());
  }

  private Api.Response send(HttpRequest.Builder builder) {
    return Api.exchange(client, builder);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
