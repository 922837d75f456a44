package org.consilium.consultations;

import static org.consilium.consultations.Clinic.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.consilium.access.Role;
import org.consilium.http.ErrorCode;
import org.consilium.testing.ApiClient;
import org.consilium.testing.LiveSocket;
import org.consilium.testing.Problems;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The inbox, the live WebSocket push and the private iCalendar feed (parsed back with ical4j). */
class NotificationsTest {

  @RegisterExtension
  static final Clinic clinic = new Clinic();

  @Test
  @DisplayName("a specialist's socket hears of a new request to their hospital at once; the inbox keeps it; read marks it")
  void livePush() throws Exception {
    String token = signedInSpecialist();
    LiveSocket socket = LiveSocket.open(clinic.server, token);
    assertEquals("ready", socket.next().getString("type"));
    socket.send(new JsonObject().put("type", "ping"));
    assertEquals("pong", socket.next().getString("type"));

    JsonObject submitted = clinic.move(clinic.doctor.api(), clinic.draft("urgent"), "submitted", null);
    JsonObject pushed = socket.next();
    assertEquals("notification", pushed.getString("type"));
    assertEquals("request-submitted", pushed.getString("kind"));
    assertEquals(submitted.getString("id"), pushed.getString("requestId"));
    assertFalse(pushed.encode().contains("Khối u") || pushed.encode().contains(clinic.patient.getString("id")), "no patient data in a push");

    ApiClient api = clinic.server.api().token(token);
    JsonObject inbox = expect(api.get(NotificationRoutes.BASE + "?unread=true"), 200);
    assertEquals(pushed.getString("id"), inbox.getJsonArray("items").getJsonObject(0).getString("id"));
    assertEquals(204, api.post(NotificationRoutes.BASE + "/" + pushed.getString("id") + "/read", null).status());
    assertTrue(expect(api.get(NotificationRoutes.BASE + "?unread=true"), 200).getJsonArray("items").isEmpty());
    Problems.assertProblem(clinic.doctor.api().post(NotificationRoutes.BASE + "/" + pushed.getString("id") + "/read", null), ErrorCode.NOT_FOUND);
    socket.close();
  }

  @Test
  @DisplayName("a socket without a valid token in its first message is closed with 4401; a foreign origin is refused")
  void socketAuth() throws Exception {
    LiveSocket bad = LiveSocket.open(clinic.server, "not-a-token");
    assertEquals(4401, bad.closeCode());
    LiveSocket silent = LiveSocket.open(clinic.server, null);
    silent.send(new JsonObject().put("type", "ping"));
    assertEquals(4401, silent.closeCode());
    Exception refused = assertThrows(Exception.class, () -> HttpClient.newHttpClient().newWebSocketBuilder()
        .header("Origin", "https://evil.example").buildAsync(LiveSocket.uri(clinic.server), new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS));
    assertTrue(refused.getCause() != null, refused::toString);
  }

  @Test
  @DisplayName("the calendar feed is RFC 5545 that ical4j reads back: the session in UTC, cancelled ones marked; revoking ends it")
  void calendarFeed() throws Exception {
    JsonObject r = clinic.accepted("routine");
    ZonedDateTime start = Clinic.nextMonday(15, 0).plusDays(1);
    JsonObject s = expect(clinic.admin.api().post(SessionRoutes.BASE, Clinic.plan(new JsonArray().add(r.getString("id")), start,
        Duration.ofMinutes(40), clinic.specialist2.userId())), 201);
    ApiClient mine = clinic.specialist2.api();
    assertFalse(expect(mine.get(CalendarRoutes.BASE + "/feed"), 200).getBoolean("active"));
    String url = expect(mine.post(CalendarRoutes.BASE + "/feed", null), 201).getString("url");
    String path = URI.create(url).getPath();

    ApiClient.Response feed = clinic.server.api().get(path);
    assertEquals(200, feed.status());
    assertTrue(feed.header("Content-Type").startsWith("text/calendar"));
    Calendar cal = new CalendarBuilder().build(new StringReader(feed.body()));
    VEvent event = cal.<VEvent>getComponents("VEVENT").stream()
        .filter(e -> e.getProperty("UID").orElseThrow().getValue().equals(s.getString("id") + "@consilium")).findFirst().orElseThrow();
    assertEquals(start.toInstant(), java.time.Instant.from(event.getStartDate().orElseThrow().getDate()));
    assertEquals(start.plusMinutes(40).toInstant(), java.time.Instant.from(event.getEndDate().orElseThrow().getDate()));
    assertEquals("Hội chẩn (1 ca)", event.getProperty("SUMMARY").orElseThrow().getValue());
    assertFalse(feed.body().contains("Nhung") || feed.body().contains(clinic.patient.getString("id")), "no patient data in the feed");

    expect(clinic.admin.api().post(SessionRoutes.BASE + "/" + s.getString("id") + "/cancel", new JsonObject()
        .put("version", s.getLong("version")).put("reason", "Đổi lịch")), 200);
    Calendar after = new CalendarBuilder().build(new StringReader(clinic.server.api().get(path).body()));
    VEvent cancelled = after.<VEvent>getComponents("VEVENT").stream()
        .filter(e -> e.getProperty("UID").orElseThrow().getValue().startsWith(s.getString("id"))).findFirst().orElseThrow();
    assertEquals("CANCELLED", cancelled.getProperty("STATUS").orElseThrow().getValue());

    String newPath = URI.create(expect(mine.post(CalendarRoutes.BASE + "/feed", null), 201).getString("url")).getPath();
    Problems.assertProblem(clinic.server.api().get(path), ErrorCode.CALENDAR_FEED_NOT_FOUND);
    assertEquals(200, clinic.server.api().get(newPath).status());
    assertEquals(204, mine.delete(CalendarRoutes.BASE + "/feed").status());
    Problems.assertProblem(clinic.server.api().get(newPath), ErrorCode.CALENDAR_FEED_NOT_FOUND);
  }

  private static String signedInSpecialist() {
    String username = "truc" + System.nanoTime() % 1_000_000;
    clinic.server.createUser(username, Role.SPECIALIST, clinic.centralId);
    return clinic.server.login(username, TestServer.USER_PASSWORD);
  }

}
