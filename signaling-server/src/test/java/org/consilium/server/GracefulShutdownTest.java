package org.consilium.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest {

  @Test
  @DisplayName("a stop lets a request already in flight finish, refuses new connections, and keeps the data")
  void inFlightRequestFinishes() throws Exception {
    TestServer server = TestServer.create().start();
    int port = server.port();
    String body = new JsonObject().put("username", "admin").put("password", TestServer.ADMIN_PASSWORD).encode();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes, 0, 10);
      out.flush();
      Thread.sleep(300);

      CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
      Thread.sleep(500);
      assertTrue(!stopping.isDone(), "the server stopped without waiting for the request in flight");
      assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(),
          "a new connection was accepted during shutdown");

      out.write(bytes, 10, bytes.length - 10);
      out.flush();
      String response = readAll(socket.getInputStream());
      assertTrue(response.startsWith("HTTP/1.1 200"), response);
      assertTrue(response.contains("accessToken"), response);
      stopping.get();
    }
    server.start();
    try {
      assertEquals(200, server.api().post("/api/auth/login", new JsonObject(body)).status());
    } finally {
      server.close();
    }
  }

  private static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
