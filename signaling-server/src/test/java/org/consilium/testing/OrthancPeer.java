package org.consilium.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.consilium.testdata.DicomSamples;

/**
 * A real Orthanc (Debian's, with its DICOMweb plugin) as the hospital PACS. Orthanc 1.10 listens on every
 * interface, so it runs in a network namespace of its own with only {@code lo} (one per test run, deleted
 * afterwards); whatever talks to it runs in that namespace through {@link #exec}.
 */
public final class OrthancPeer implements AutoCloseable {

  public static final String AE_TITLE = "ORTHANC";

  private final String namespace;
  private final Path dir;
  private final int dicomPort;
  private final int httpPort;
  private final Process process;

  private OrthancPeer(String namespace, Path dir, int dicomPort, int httpPort, Process process) {
    this.namespace = namespace;
    this.dir = dir;
    this.dicomPort = dicomPort;
    this.httpPort = httpPort;
    this.process = process;
  }

  /** Starts Orthanc; {@code consiliumAe}/{@code consiliumPort} name the C-MOVE destination it may send to. */
  public static OrthancPeer start(String consiliumAe, int consiliumPort) {
    String ns = "cns-orthanc-" + UUID.randomUUID().toString().substring(0, 8);
    try {
      Path dir = Files.createTempDirectory("orthanc");
      int dicomPort = 14242;
      int httpPort = 18042;
      JsonObject config = new JsonObject().put("Name", "Consilium test PACS").put("DicomAet", AE_TITLE)
          .put("DicomPort", dicomPort).put("HttpPort", httpPort).put("RemoteAccessAllowed", true)
          .put("AuthenticationEnabled", false).put("StorageDirectory", dir.resolve("storage").toString())
          .put("IndexDirectory", dir.resolve("index").toString()).put("DicomCheckCalledAet", false)
          .put("Plugins", new JsonArray().add("/usr/share/orthanc/plugins/libOrthancDicomWeb.so"))
          .put("DicomWeb", new JsonObject().put("Enable", true).put("Root", "/dicom-web/"))
          .put("DicomModalities", new JsonObject().put("consilium", new JsonArray().add(consiliumAe).add("127.0.0.1").add(consiliumPort)));
      Files.writeString(dir.resolve("orthanc.json"), config.encodePrettily());
      DicomSamples.run(List.of("ip", "netns", "add", ns));
      DicomSamples.run(List.of("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up"));
      Process p = new ProcessBuilder("ip", "netns", "exec", ns, "Orthanc", dir.resolve("orthanc.json").toString())
          .redirectErrorStream(true).redirectOutput(dir.resolve("orthanc.log").toFile()).start();
      OrthancPeer peer = new OrthancPeer(ns, dir, dicomPort, httpPort, p);
      peer.awaitReady();
      return peer;
    } catch (IOException e) {
      deleteNamespace(ns);
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      deleteNamespace(ns);
      throw e;
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) throw new AssertionError("Orthanc exited: " + log());
      try {
        exec("curl", "-sf", "http://127.0.0.1:" + httpPort + "/system");
        return;
      } catch (AssertionError notYet) {
        sleep();
      }
    }
    throw new AssertionError("Orthanc did not start: " + log());
  }

  /** Runs a command inside Orthanc's namespace; fails the test if it exits non-zero; returns its output. */
  public String exec(String... cmd) {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
    full.addAll(List.of(cmd));
    return DicomSamples.run(full);
  }

  public List<String> inNamespace(List<String> cmd) {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
    full.addAll(cmd);
    return full;
  }

  /** Puts files into Orthanc through its REST API (any transfer syntax, as stored). */
  public void store(List<Path> files) {
    for (Path f : files) exec("curl", "-sf", "-X", "POST", "--data-binary", "@" + f, "http://127.0.0.1:" + httpPort + "/instances");
  }

  /** A QIDO-RS answer of Orthanc's DICOMweb plugin, e.g. {@code studies?PatientID=X}. */
  public JsonArray qido(String path) {
    String out = exec("curl", "-sf", "-H", "Accept: application/dicom+json", "http://127.0.0.1:" + httpPort + "/dicom-web/" + path);
    return out.isBlank() ? new JsonArray() : new JsonArray(out);
  }

  public int dicomPort() {
    return dicomPort;
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("orthanc.log"));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteNamespace(namespace);
  }

  private static void deleteNamespace(String ns) {
    try {
      new ProcessBuilder("ip", "netns", "del", ns).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
