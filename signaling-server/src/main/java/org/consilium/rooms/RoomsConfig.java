package org.consilium.rooms;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.consilium.config.ConfigException;
import org.consilium.config.Settings;

/**
 * Room settings: ICE servers (STUN, TURN with coturn's shared secret), the Jitsi deployment for large rooms,
 * and the limits every WebSocket connection lives under. Secrets are never part of {@link #toString()}.
 */
record RoomsConfig(MediaMode media, int meshLimit, Duration ticketTtl, int maxMessageBytes, int messagesPerSecond,
                   int messageBurst, int chatHistory, List<String> stunUrls, List<String> turnUrls, String turnSecret,
                   Duration turnTtl, String jitsiDomain, String jitsiAppId, String jitsiSecret, String jitsiAudience,
                   Duration jitsiTtl, String iceTransportPolicy) {

  /** Where the audio and video of a room flow. */
  enum MediaMode { AUTO, MESH, JITSI }

  private static final Pattern ICE_URL = Pattern.compile("^(stun|stuns|turn|turns):[A-Za-z0-9.\\-\\[\\]:]+(\\?transport=(udp|tcp))?$");
  private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9.-]+(:[0-9]{1,5})?$");

  static RoomsConfig from(Settings s) {
    String mode = s.string("ROOM_MEDIA").toUpperCase(Locale.ROOT);
    MediaMode media;
    try {
      media = MediaMode.valueOf(mode);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("ROOM_MEDIA", "must be auto, mesh or jitsi, got '" + mode.toLowerCase(Locale.ROOT) + "'");
    }
    List<String> stun = iceUrls(s, "STUN_URLS");
    List<String> turn = iceUrls(s, "TURN_URLS");
    String turnSecret = s.string("TURN_SECRET");
    if (!turn.isEmpty() && turnSecret.length() < 16) {
      throw new ConfigException("TURN_SECRET", "must have at least 16 characters when TURN_URLS is set");
    }
    String domain = s.string("JITSI_DOMAIN");
    if (!domain.isEmpty() && !HOST.matcher(domain).matches()) {
      throw new ConfigException("JITSI_DOMAIN", "must be a host name such as meet.hospital.vn, without scheme or path");
    }
    String jitsiSecret = s.string("JITSI_APP_SECRET");
    if (!domain.isEmpty() && jitsiSecret.length() < 32) {
      throw new ConfigException("JITSI_APP_SECRET", "must have at least 32 characters when JITSI_DOMAIN is set");
    }
    String policy = s.string("ROOM_ICE_TRANSPORT_POLICY");
    if (!policy.equals("all") && !policy.equals("relay")) {
      throw new ConfigException("ROOM_ICE_TRANSPORT_POLICY", "must be all or relay, got '" + policy + "'");
    }
    if (policy.equals("relay") && turn.isEmpty()) {
      throw new ConfigException("ROOM_ICE_TRANSPORT_POLICY", "is relay but TURN_URLS is empty");
    }
    if (media == MediaMode.JITSI && domain.isEmpty()) {
      throw new ConfigException("ROOM_MEDIA", "is jitsi but JITSI_DOMAIN is empty");
    }
    return new RoomsConfig(media, s.integer("ROOM_MESH_LIMIT", 2, 8), s.seconds("ROOM_TICKET_TTL_SECONDS", 5, 600),
        s.integer("ROOM_MAX_MESSAGE_BYTES", 1024, 262_144), s.integer("ROOM_MESSAGES_PER_SECOND", 1, 10_000),
        s.integer("ROOM_MESSAGE_BURST", 1, 100_000), s.integer("ROOM_CHAT_HISTORY", 0, 10_000),
        stun, turn, turnSecret, s.seconds("TURN_CREDENTIAL_TTL_SECONDS", 60, 86_400),
        domain, s.string("JITSI_APP_ID"), jitsiSecret, s.string("JITSI_AUDIENCE"),
        s.seconds("JITSI_TOKEN_TTL_SECONDS", 30, 86_400), policy);
  }

  boolean jitsiConfigured() {
    return !jitsiDomain.isEmpty();
  }

  /** Jitsi when configured and forced, or when more people are invited than a mesh carries. */
  boolean usesJitsi(int invited) {
    if (!jitsiConfigured()) return false;
    return media == MediaMode.JITSI || (media == MediaMode.AUTO && invited > meshLimit);
  }

  private static List<String> iceUrls(Settings s, String key) {
    List<String> urls = s.list(key);
    for (String url : urls) {
      if (!ICE_URL.matcher(url).matches()) {
        throw new ConfigException(key, "has '" + url + "'; expected e.g. turn:turn.hospital.vn:3478?transport=udp");
      }
    }
    return urls;
  }

  @Override
  public String toString() {
    return "RoomsConfig[media=" + media + ", meshLimit=" + meshLimit + ", turnUrls=" + turnUrls + ", jitsiDomain=" + jitsiDomain + "]";
  }
}
