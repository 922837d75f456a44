package org.consilium.rooms;

/** A token bucket: {@code perSecond} messages on average, bursts up to {@code burst}. One per connection, one thread. */
final class RateLimit {

  private final double perNano;
  private final double burst;
  private double tokens;
  private long last;

  RateLimit(int perSecond, int burst, long nowNanos) {
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.tokens = burst;
    this.last = nowNanos;
  }

  boolean tryTake(long nowNanos) {
    tokens = Math.min(burst, tokens + (nowNanos - last) * perNano);
    last = nowNanos;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  }
}
