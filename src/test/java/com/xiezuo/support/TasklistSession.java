package com.xiezuo.support;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * Tasklist's own engine API ({@code /camunda/api/engine/engine/default/…}) over plain HTTP, as the Tasklist page
 * calls it: logged in through the webapp's login, with the webapp's session cookie and its XSRF token.
 */
public final class TasklistSession {

  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;
  private final String baseUrl;

  private TasklistSession(String baseUrl) {
    this.baseUrl = baseUrl;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Password = user name, as the demo users have. */
  public static TasklistSession logIn(int port, String user) {
    return logIn(port, user, user);
  }

  public static TasklistSession logIn(int port, String user, String password) {
    TasklistSession session = new TasklistSession("http://localhost:" + port);
    session.get("/camunda/app/tasklist/default/");
    Api.Response login = session.send(HttpRequest.newBuilder(URI.create(session.baseUrl
            + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password))));
    if (login.status() != 200) {
      throw new IllegalStateException("Tasklist login of " + user + " answered " + login.status() + " " + login.body());
    }
    session.get("/camunda/api/admin/auth/user/default");
    return session;
  }

  public Api.Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  public Api.Response send(String method, String path, String contentType, byte[] body) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", contentType)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private Api.Response send(HttpRequest.Builder builder) {
    builder.header("Accept", "application/json");
    cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().ifPresent(token -> builder.header("X-XSRF-TOKEN", token));
    return Api.exchange(client, builder);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
