package org.consilium.server;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.consilium.config.ConfigException;
import org.consilium.config.Settings;

/** How the HTTP server listens and how it stops. */
public record HttpConfig(String host, int port, URI publicUrl, List<String> allowedOrigins, Duration shutdownGrace,
                         int maxBodyBytes) {

  public static HttpConfig from(Settings s) {
    URI publicUrl;
    try {
      publicUrl = URI.create(s.string("PUBLIC_URL"));
      if (publicUrl.getHost() == null || !(publicUrl.getScheme().equals("http") || publicUrl.getScheme().equals("https"))) {
        throw new IllegalArgumentException();
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException("PUBLIC_URL", "must be an http(s) URL such as https://consilium.hospital.vn");
    }
    return new HttpConfig(s.string("HTTP_HOST"), s.integer("HTTP_PORT", 0, 65535), publicUrl,
        s.list("ALLOWED_ORIGINS"), s.seconds("SHUTDOWN_GRACE_SECONDS", 0, 600),
        s.integer("HTTP_MAX_BODY_BYTES", 1024, 64 * 1024 * 1024));
  }

  /** The origin of the public URL, e.g. https://consilium.hospital.vn:8443. */
  public String publicOrigin() {
    String origin = publicUrl.getScheme() + "://" + publicUrl.getHost();
    return publicUrl.getPort() == -1 ? origin : origin + ":" + publicUrl.getPort();
  }
}
