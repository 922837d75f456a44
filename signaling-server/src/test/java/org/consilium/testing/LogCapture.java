package org.consilium.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.consilium.server.JsonLogLayout;
import org.slf4j.LoggerFactory;

/**
 * Captures the server's JSON log lines as production writes them, with the access log and the root logger at
 * DEBUG, so a test can assert what never reaches a log. Close it to restore the levels.
 */
public final class LogCapture implements AutoCloseable {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
  private final Logger root;
  private final Logger access;
  private final Level rootLevel;
  private final Level accessLevel;

  private LogCapture() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    access = context.getLogger("consilium.access");
    rootLevel = root.getLevel();
    accessLevel = access.getLevel();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    JsonLogLayout layout = new JsonLogLayout();
    layout.setContext(context);
    layout.start();
    encoder.setLayout(layout);
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.setContext(context);
    encoder.start();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(out);
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.DEBUG);
    access.setLevel(Level.INFO);
  }

  public static LogCapture start() {
    return new LogCapture();
  }

  /** Everything logged so far. */
  public String text() {
    synchronized (out) {
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
    root.setLevel(rootLevel);
    access.setLevel(accessLevel);
  }
}
