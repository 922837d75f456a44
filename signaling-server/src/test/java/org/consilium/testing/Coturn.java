package org.consilium.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real coturn (Debian {@code coturn}, listed in TEST_PACKAGES) on loopback, in the REST-API shared-secret
 * mode Consilium hands out credentials for. Loopback peers are allowed, which only a test may do.
 */
public final class Coturn implements AutoCloseable {

  public static final String BINARY = "/usr/bin/turnserver";

  private final Process process;
  private final int port;
  private final Path log;

  private Coturn(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static Coturn start(String secret) {
    Assumptions.assumeTrue(Files.isExecutable(Path.of(BINARY)), "coturn is not installed (scripts/lib/setup.sh installs it)");
    try {
      int port;
      try (DatagramSocket probe = new DatagramSocket(0)) {
        port = probe.getLocalPort();
      }
      int relayBase = 40_000 + ThreadLocalRandom.current().nextInt(200) * 100;
      Path log = Files.createTempFile("coturn", ".log");
      Process p = new ProcessBuilder(List.of(BINARY, "-n", "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1",
          "--listening-port=" + port, "--min-port=" + relayBase, "--max-port=" + (relayBase + 99), "--use-auth-secret",
          "--static-auth-secret=" + secret, "--realm=consilium.test", "--allow-loopback-peers", "--no-cli", "--no-tls",
          "--no-dtls", "--simple-log", "--log-file=stdout", "--pidfile=" + log + ".pid", "--userdb=" + log + ".db"))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!Files.readString(log).contains("IO method (admin thread)") && System.nanoTime() < deadline) {
        if (!p.isAlive()) throw new IllegalStateException("coturn exited: " + Files.readString(log));
        Thread.sleep(50);
      }
      Thread.sleep(200);
      return new Coturn(p, port, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return port;
  }

  /** Allocates a relay with these credentials using coturn's own client; true if coturn accepted them. */
  public boolean allocates(String username, String password) {
    try {
      Process client = new ProcessBuilder("/usr/bin/turnutils_uclient", "-y", "-c", "-n", "1", "-u", username, "-w", password,
          "-p", String.valueOf(port), "127.0.0.1").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!client.waitFor(30, TimeUnit.SECONDS)) {
        client.destroyForcibly();
        return false;
      }
      return client.exitValue() == 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
      Files.deleteIfExists(log);
      Files.deleteIfExists(Path.of(log + ".pid"));
      Files.deleteIfExists(Path.of(log + ".db"));
    } catch (IOException | InterruptedException e) {
      process.destroyForcibly();
    }
  }
}
