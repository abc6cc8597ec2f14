package com.xiezuo.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Plain HTTP against the running test app, as a given user (or anonymous), never following redirects. */
public class Api {

  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String baseUrl;
  private final String user;

  private Api(String baseUrl, String user) {
    this.baseUrl = baseUrl;
    this.user = user;
  }

  public static Api anonymous(int port) {
    return new Api("http://localhost:" + port, null);
  }

  public static Api as(int port, String user) {
    return new Api("http://localhost:" + port, user);
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  /** A GET asking for another representation, e.g. application/hal+json (what Tasklist reads, with embedded data). */
  public Response get(String path, String accept) {
    return send(request(path).setHeader("Accept", accept).GET());
  }

  public byte[] getBytes(String path) {
    try {
      HttpResponse<byte[]> response = client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response postJson(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  public Response send(String method, String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  public Response send(String method, String path, String contentType, byte[] body) {
    return send(request(path).header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Response post(String path, String contentType, byte[] body) {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json");
    if (user != null) {
      String token = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
      builder.header("Authorization", "Basic " + token);
    }
    return builder;
  }

  private Response send(HttpRequest.Builder builder) {
    return Api.exchange(client, builder);
  }

  /** Sends the request and reads the answer as text; the status, body and redirect target are what tests look at. */
  static Response exchange(HttpClient client, HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public record Response(int status, String body, String location) {}
}
