package org.consilium.emr.delivery;

import java.net.URI;
import java.time.Duration;
import org.consilium.config.ConfigException;
import org.consilium.config.Settings;

/**
 * Delivery of signed reports to the hospital EMR: off unless enabled; then the FHIR base URL the transaction
 * Bundles are POSTed to, the Authorization header value (a secret: never logged, never echoed), and the retry
 * policy (exponential back-off with jitter between {@code firstRetry} and {@code maxRetry}, at most
 * {@code maxAttempts} attempts before an administrator must act).
 */
public record DeliveryConfig(boolean enabled, URI url, String authorization, Duration timeout, int maxAttempts,
                             Duration firstRetry, Duration maxRetry, Duration poll, int concurrency) {

  public static DeliveryConfig from(Settings s) {
    boolean enabled = s.bool("EMR_DELIVERY_ENABLED");
    String raw = s.string("EMR_FHIR_URL");
    URI url = null;
    if (enabled) {
      try {
        url = URI.create(raw);
      } catch (IllegalArgumentException e) {
        url = null;
      }
      if (url == null || url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
        throw new ConfigException("EMR_FHIR_URL", "must be the http(s) base URL of the EMR's FHIR server when EMR_DELIVERY_ENABLED is true");
      }
    }
    Duration first = s.millis("EMR_DELIVERY_FIRST_RETRY_MS", 10, 3_600_000);
    Duration max = s.millis("EMR_DELIVERY_MAX_RETRY_MS", 10, 86_400_000);
    if (max.compareTo(first) < 0) throw new ConfigException("EMR_DELIVERY_MAX_RETRY_MS", "must not be below EMR_DELIVERY_FIRST_RETRY_MS");
    return new DeliveryConfig(enabled, url, s.string("EMR_FHIR_AUTHORIZATION"), s.millis("EMR_DELIVERY_TIMEOUT_MS", 100, 600_000),
        s.integer("EMR_DELIVERY_MAX_ATTEMPTS", 1, 1000), first, max, s.millis("EMR_DELIVERY_POLL_MS", 10, 3_600_000),
        s.integer("EMR_DELIVERY_CONCURRENCY", 1, 32));
  }

  /** The back-off before attempt {@code attempts + 1}: doubling from firstRetry, capped, with full jitter on its upper half. */
  Duration backoff(int attempts, double random) {
    double base = firstRetry.toMillis() * Math.pow(2, Math.max(0, attempts - 1));
    double capped = Math.min(base, maxRetry.toMillis());
    return Duration.ofMillis((long) (capped / 2 + capped / 2 * random));
  }

  /** A claim outlives the request by a margin, so a node that died mid-send frees its entries soon after. */
  Duration lease() {
    return timeout.plusSeconds(5);
  }
}
