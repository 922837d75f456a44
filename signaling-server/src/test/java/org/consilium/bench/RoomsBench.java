package org.consilium.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.consilium.access.Role;
import org.consilium.testdata.Staff;
import org.consilium.testing.ApiClient;
import org.consilium.testing.GeneratedDocs;
import org.consilium.testing.TestServer;
import org.consilium.testing.TestSessionRoster;

/**
 * {@code ./consilium bench rooms [seconds]}: the room signaling relay under N connections in N/4 rooms, over real
 * WebSockets opened the way the web app opens them (a ticket, then join), side by side in the same run with a
 * bare Vert.x WebSocket relay (no tickets, checks, rooms or audit) as the floor. Both run on one event loop;
 * the clients share one other Vert.x instance on the same machine.
 */
public final class RoomsBench {

  private static final int[] CONNECTIONS = {100, 500, 1_000};
  private static final int BATCH = 50;

  private RoomsBench() {
  }

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    TestSessionRoster roster = new TestSessionRoster();
    Vertx clients = Vertx.vertx();
    Vertx floorVertx = Vertx.vertx();
    WebSocketClient client = RelayLoad.client(clients);
    try (TestServer server = TestServer.create().withRoomRoster(roster).start()) {
      List<Staff> staff = new ArrayList<>();
      for (int i = 0; i < 4; i++) staff.add(Staff.in(server, server.testHospitalId(), i == 0 ? Role.SPECIALIST : Role.DISTRICT_DOCTOR));
      HttpServer floor = TestServer.await(floorServer(floorVertx));
      StringBuilder rows = new StringBuilder();
      for (int n : CONNECTIONS) {
        List<RelayLoad.Peer> peers = roomPeers(server, client, roster, staff, n);
        rows.append(row("Consilium room socket", RelayLoad.run(clients, peers, seconds)));
        RelayLoad.closeAll(peers);
        peers = floorPeers(client, floor.actualPort(), n);
        rows.append(row("reference: bare Vert.x relay", RelayLoad.run(clients, peers, seconds)));
        RelayLoad.closeAll(peers);
      }
      String section = "Measured " + Instant.now().toString().substring(0, 10) + " on " + Runtime.getRuntime().availableProcessors()
          + " cores (load average " + String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
          + " at the end; other work shared the machine), loopback, " + seconds + " s per row after 1 s of warm-up, each "
          + "connection at most " + RelayLoad.RATE + " messages/s with one in flight, server on its default limits "
          + "(ROOM_MESSAGES_PER_SECOND=50, ROOM_MESSAGE_BURST=200).\n\n"
          + "| server | connections | rooms | messages/s | p50 ms | p99 ms | refused |\n|---|---|---|---|---|---|---|\n" + rows;
      System.out.println(section);
      System.setProperty("consilium.updateDocs", "true");
      GeneratedDocs.assertSection("performance.md", "rooms", section);
    } finally {
      TestServer.await(clients.close());
      TestServer.await(floorVertx.close());
    }
  }

  /** N participants in N/4 new rooms, each with its ticket and joined (welcome received), in batches. */
  private static List<RelayLoad.Peer> roomPeers(TestServer server, WebSocketClient client, TestSessionRoster roster,
      List<Staff> staff, int n) {
    List<String> others = staff.subList(1, 4).stream().map(Staff::userId).toList();
    List<String> sessions = new ArrayList<>();
    for (int r = 0; r < n / 4; r++) sessions.add(roster.schedule(staff.get(0).userId(), others, UUID.randomUUID().toString()));
    List<RelayLoad.Peer> peers = new ArrayList<>();
    for (int from = 0; from < n; from += BATCH) {
      List<Future<WebSocket>> batch = new ArrayList<>();
      for (int i = from; i < Math.min(n, from + BATCH); i++) {
        ApiClient.Response t = staff.get(i % 4).api().post("/api/rooms/" + sessions.get(i / 4) + "/tickets", new JsonObject());
        if (t.status() != 201) throw new IllegalStateException("ticket: " + t);
        batch.add(RelayLoad.connect(client, server.port(), t.json().getString("socketPath")).compose(RoomsBench::joined));
      }
      for (int i = 0; i < batch.size(); i++) peers.add(new RelayLoad.Peer(TestServer.await(batch.get(i)), staff.get((from + i) % 4).userId()));
    }
    return peers;
  }

  private static Future<WebSocket> joined(WebSocket ws) {
    Promise<WebSocket> welcome = Promise.promise();
    ws.textMessageHandler(text -> {
      String type = new JsonObject(text).getString("type");
      if ("welcome".equals(type)) welcome.tryComplete(ws);
      if ("error".equals(type)) welcome.tryFail(text);
    });
    ws.writeTextMessage(new JsonObject().put("type", "join").put("audio", true).put("video", true).encode());
    return welcome.future();
  }

  private static List<RelayLoad.Peer> floorPeers(WebSocketClient client, int port, int n) {
    String run = UUID.randomUUID().toString();
    List<RelayLoad.Peer> peers = new ArrayList<>();
    for (int from = 0; from < n; from += BATCH) {
      List<Future<WebSocket>> batch = new ArrayList<>();
      for (int i = from; i < Math.min(n, from + BATCH); i++) batch.add(RelayLoad.connect(client, port, "/relay/" + run + "-" + i));
      for (int i = 0; i < batch.size(); i++) peers.add(new RelayLoad.Peer(TestServer.await(batch.get(i)), run + "-" + (from + i)));
    }
    return peers;
  }

  /** The floor: forwards each message to the socket it names, adding who sent it, and nothing else. */
  private static Future<HttpServer> floorServer(Vertx vertx) {
    Map<String, ServerWebSocket> sockets = new ConcurrentHashMap<>();
    return vertx.createHttpServer().webSocketHandler(ws -> {
      String name = ws.path().substring("/relay/".length());
      sockets.put(name, ws);
      ws.closeHandler(v -> sockets.remove(name, ws));
      ws.textMessageHandler(text -> {
        JsonObject m = new JsonObject(text);
        ServerWebSocket to = sockets.get(m.getString("to"));
        if (to != null) to.writeTextMessage(m.put("from", name).encode());
      });
    }).listen(0, "127.0.0.1");
  }

  private static String row(String what, RelayLoad.Result r) {
    return String.format("| %s | %d | %d | %.0f | %.1f | %.1f | %d |%n", what, r.connections(), r.connections() / 4,
        r.delivered() / r.seconds(), r.p50(), r.p99(), r.refused());
  }
}
