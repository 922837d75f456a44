package org.consilium.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.consilium.access.Role;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SecretsNotLoggedTest {

  @Test
  @DisplayName("passwords, access tokens and refresh tokens never appear in any log line")
  void nothingSecretLogged() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger ours = (Logger) LoggerFactory.getLogger("org.consilium");
    Logger access = (Logger) LoggerFactory.getLogger("consilium.access");
    Level oursLevel = ours.getLevel();
    Level accessLevel = access.getLevel();
    // Our code down to DEBUG, the access log included (the test logging configuration mutes it); others at INFO.
    ours.setLevel(Level.DEBUG);
    access.setLevel(Level.DEBUG);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    String wrong = "Wrong-Password-Typed-42";
    JsonObject tokens;
    try (TestServer server = TestServer.create().start()) {
      server.createUser("log.check", Role.SPECIALIST, server.testHospitalId());
      server.api().post("/api/auth/login", new JsonObject().put("username", "log.check").put("password", wrong));
      tokens = server.api().post("/api/auth/login",
          new JsonObject().put("username", "log.check").put("password", TestServer.USER_PASSWORD)).json();
      JsonObject next = server.api().post("/api/auth/refresh", new JsonObject().put("refreshToken", tokens.getString("refreshToken"))).json();
      server.api().post("/api/auth/refresh", new JsonObject().put("refreshToken", tokens.getString("refreshToken")));
      server.api().token(next.getString("accessToken")).get("/api/me");
      server.api().token(tokens.getString("accessToken") + "x").get("/api/me");
    } finally {
      root.detachAppender(captured);
      ours.setLevel(oursLevel);
      access.setLevel(accessLevel);
    }
    List<String> lines = captured.list.stream().map(e -> e.getFormattedMessage() + " " + e.getKeyValuePairs()
        + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())).toList();
    assertTrue(lines.size() > 10, "the server logged its requests");
    for (String secret : List.of(wrong, TestServer.USER_PASSWORD, TestServer.ADMIN_PASSWORD,
        tokens.getString("accessToken"), tokens.getString("refreshToken"))) {
      lines.forEach(l -> assertFalse(l.contains(secret), () -> "secret in log: " + l));
    }
  }
}
