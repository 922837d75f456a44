package org.consilium.server;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.LayoutBase;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.slf4j.event.KeyValuePair;

/**
 * One JSON object per log line, for log shippers. Structured values come from SLF4J key-value pairs
 * ({@code log.atInfo().addKeyValue("requestId", id)}); callers never put patient data in them.
 */
public final class JsonLogLayout extends LayoutBase<ILoggingEvent> {

  @Override
  public String doLayout(ILoggingEvent event) {
    JsonObject line = new JsonObject()
        .put("ts", Instant.ofEpochMilli(event.getTimeStamp()).toString())
        .put("level", event.getLevel().toString())
        .put("logger", event.getLoggerName())
        .put("thread", event.getThreadName())
        .put("msg", event.getFormattedMessage());
    if (event.getKeyValuePairs() != null) {
      for (KeyValuePair kv : event.getKeyValuePairs()) {
        if (kv.value != null) line.put(kv.key, kv.value instanceof Number || kv.value instanceof Boolean ? kv.value : String.valueOf(kv.value));
      }
    }
    IThrowableProxy t = event.getThrowableProxy();
    if (t != null) line.put("error", t.getClassName() + ": " + t.getMessage()).put("stack", stack(t));
    return line.encode() + System.lineSeparator();
  }

  private static String stack(IThrowableProxy t) {
    StringBuilder sb = new StringBuilder();
    for (IThrowableProxy cur = t; cur != null; cur = cur.getCause()) {
      if (cur != t) sb.append("Caused by: ").append(cur.getClassName()).append(": ").append(cur.getMessage()).append('\n');
      StackTraceElementProxy[] frames = cur.getStackTraceElementProxyArray();
      for (int i = 0; i < Math.min(frames.length, 30); i++) sb.append("  at ").append(frames[i].getStackTraceElement()).append('\n');
    }
    return sb.toString();
  }
}
