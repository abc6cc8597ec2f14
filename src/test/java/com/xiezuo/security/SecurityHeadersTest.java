package com.xiezuo.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.support.XiezuoSpringTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a browser is told about every answer: no framing, no sniffing, no referrer to other sites, a CSP. */
@XiezuoSpringTest
class SecurityHeadersTest {

  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @LocalServerPort int port;

  @Test
  void ownPagesAllowOnlyTheirOwnScriptsAndAreNeverFramed() throws Exception {
    for (String page : List.of("/login", "/", "/plans")) {
      HttpHeaders headers = get(page, null).headers();
      assertThat(headers.firstValue("Content-Security-Policy")).as(page)
          .hasValueSatisfying(policy -> assertThat(policy).contains("script-src 'self'")
              .contains("frame-ancestors 'none'").contains("object-src 'none'").doesNotContain("unsafe-eval"));
      assertThat(headers.firstValue("Referrer-Policy")).as(page).hasValue("same-origin");
      assertThat(headers.firstValue("X-Content-Type-Options")).as(page).hasValue("nosniff");
      assertThat(headers.firstValue("X-Frame-Options")).as(page).hasValue("DENY");
    }
  }

  @Test
  void theEngineApiAndXiezuosApiAnswerWithAClosedPolicy() throws Exception {
    for (String path : List.of("/engine-rest/task", "/engine-rest/engine/default/task", "/api/plans")) {
      HttpResponse<String> answer = get(path, "demo");
      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      HttpHeaders headers = answer.headers();
      assertThat(headers.firstValue("Content-Security-Policy")).as(path).hasValue("default-src 'none'; frame-ancestors 'none'");
      assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(headers.firstValue("Referrer-Policy")).as(path).isPresent();
    }
  }

  @Test
  void tasklistKeepsItsOwnPolicyAndIsNotFramed() throws Exception {
    HttpHeaders headers = get("/camunda/app/tasklist/default/", null).headers();
    assertThat(headers.allValues("Content-Security-Policy")).hasSize(1)
        .allSatisfy(policy -> assertThat(policy).contains("frame-ancestors 'none'"));
    assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
    List<String> cookies = get("/login", null).headers().allValues("Set-Cookie");
    assertThat(cookies).filteredOn(cookie -> cookie.startsWith("JSESSIONID=")).isNotEmpty()
        .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (user != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
