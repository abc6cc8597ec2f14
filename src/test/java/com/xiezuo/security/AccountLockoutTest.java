package com.xiezuo.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.xiezuo.support.Api;
import com.xiezuo.support.ProcessDriver;
import com.xiezuo.support.XiezuoSpringTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Five wrong passwords lock an account for fifteen minutes, not for good; an administrator can unlock it earlier. */
@XiezuoSpringTest
class AccountLockoutTest {

  private static final String PASSWORD = "Sh1-Lock-Probe!";

  @Autowired IdentityService identityService;
  @LocalServerPort int port;

  private String user;

  @BeforeEach
  void anAccount() {
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 0));
    user = "probe" + System.nanoTime();
    User account = identityService.newUser(user);
    account.setPassword(PASSWORD);
    identityService.saveUser(account);
  }

  @AfterEach
  void resetClock() {
    ProcessDriver.resetClock();
  }

  private int engineRest(String password) throws Exception {
    String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task"))
        .header("Authorization", "Basic " + token).GET().build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void fiveWrongPasswordsLockForFifteenMinutes() throws Exception {
    for (int i = 0; i < 4; i++) {
      assertThat(engineRest("wrong-" + i)).isEqualTo(401);
    }
    assertThat(engineRest(PASSWORD)).as("four failures do not lock, and a success resets the count").isEqualTo(200);
    for (int i = 0; i < 5; i++) {
      assertThat(engineRest("wrong-" + i)).isEqualTo(401);
    }
    assertThat(engineRest(PASSWORD)).as("locked: even the right password is refused").isEqualTo(401);
    assertThat(identityService.checkPassword(user, PASSWORD)).as("on every entry path").isFalse();

    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 14));
    assertThat(engineRest(PASSWORD)).as("still locked after 14 minutes").isEqualTo(401);
    ProcessDriver.setClock(LocalDateTime.of(2023, 5, 10, 9, 16));
    assertThat(engineRest(PASSWORD)).as("the lock expires by itself").isEqualTo(200);
    assertThat(engineRest("wrong")).isEqualTo(401);
    assertThat(engineRest(PASSWORD)).as("the count started again").isEqualTo(200);
  }

  @Test
  void anAdministratorUnlocksEarlier() throws Exception {
    for (int i = 0; i < 5; i++) {
      engineRest("wrong-" + i);
    }
    assertThat(engineRest(PASSWORD)).isEqualTo(401);
    assertThat(Api.as(port, "hrss").postJson("/engine-rest/user/" + user + "/unlock", "").status())
        .as("only an administrator may unlock").isEqualTo(403);
    assertThat(Api.as(port, "demo").postJson("/engine-rest/user/" + user + "/unlock", "").status()).isEqualTo(204);
    assertThat(engineRest(PASSWORD)).isEqualTo(200);
  }
}
