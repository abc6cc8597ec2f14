package com.xiezuo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xiezuo.XiezuoApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

class ProductionProfileIT {

  @TempDir Path dataDir;

  private ConfigurableApplicationContext startProd(String... extraArgs) {
    List<String> args = new ArrayList<>(List.of("--spring.profiles.active=prod", "--server.port=0",
        "--xiezuo.data-dir=" + dataDir, "--camunda.bpm.process-engine-name=prodcheck",
        "--camunda.bpm.job-execution.enabled=false"));
    args.addAll(List.of(extraArgs));
    return new SpringApplicationBuilder(XiezuoApplication.class).run(args.toArray(String[]::new));
  }

  @Test
  void refusesToStartWithoutAnAdminPassword() {
    assertThatThrownBy(() -> startProd().close())
        .hasMessageContaining("XIEZUO_ADMIN_PASSWORD")
        .hasMessageContaining("prod");
  }

  @Test
  void refusesAShortAdminPassword() {
    assertThatThrownBy(() -> startProd("--XIEZUO_ADMIN_PASSWORD=short").close())
        .hasMessageContaining("at least 12");
  }

  @Test
  void refusesALongButWeakAdminPassword() {
    assertThatThrownBy(() -> startProd("--XIEZUO_ADMIN_PASSWORD=a-long-secret-1234").close())
        .hasMessageContaining("upper and lower case");
  }

  @Test
  void startsWithThePasswordAndHasNoDemoUsers() {
    try (ConfigurableApplicationContext app = startProd("--XIEZUO_ADMIN_PASSWORD=A-long-secret-1234")) {
      IdentityService identity = app.getBean(IdentityService.class);
      assertThat(identity.checkPassword("admin", "A-long-secret-1234")).isTrue();
      assertThat(identity.createUserQuery().userIdIn("demo", "leader", "supervisor", "hrss").count()).isZero();
      assertThat(identity.createGroupQuery().groupId("hrss").count()).as("units are still groups").isOne();
    }
  }

  @Test
  void sendsTheSessionCookieOnlyOverHttps() throws Exception {
    try (ConfigurableApplicationContext app = startProd("--XIEZUO_ADMIN_PASSWORD=A-long-secret-1234")) {
      String port = app.getEnvironment().getProperty("local.server.port");
      HttpResponse<String> login = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(login.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
          .isNotEmpty().allSatisfy(cookie -> assertThat(cookie).contains("Secure").contains("HttpOnly")
              .containsIgnoringCase("SameSite=Lax"));
    }
  }
}
