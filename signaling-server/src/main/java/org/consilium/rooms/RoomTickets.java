package org.consilium.rooms;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.consilium.access.Principal;

/**
 * Single-use, short-lived tickets that let a browser open the room WebSocket (browsers cannot send an
 * Authorization header on a WebSocket, and an access token in a URL would end up in proxy logs).
 * A ticket names one session and one user and is gone once redeemed or expired. Kept in memory: the node that
 * issued it must receive the WebSocket (route rooms by session id with sticky load balancing).
 */
final class RoomTickets {

  /** A redeemed ticket: who, for which session, and whether they only knock at the waiting room. */
  record Ticket(String sessionId, Principal principal, boolean knock, Instant expiresAt) {
  }

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
  private final Duration ttl;

  RoomTickets(Duration ttl) {
    this.ttl = ttl;
  }

  String issue(String sessionId, Principal who, boolean knock, Instant now) {
    tickets.values().removeIf(t -> t.expiresAt().isBefore(now));
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    tickets.put(value, new Ticket(sessionId, who, knock, now.plus(ttl)));
    return value;
  }

  Instant expiry(Instant now) {
    return now.plus(ttl);
  }

  /** The ticket if it exists, is for this session and has not expired; it cannot be used again either way. */
  Optional<Ticket> redeem(String value, String sessionId, Instant now) {
    Ticket t = value == null ? null : tickets.remove(value);
    if (t == null || !t.sessionId().equals(sessionId) || t.expiresAt().isBefore(now)) return Optional.empty();
    return Optional.of(t);
  }
}
