package org.consilium.bench;

import static org.consilium.testdata.PatientData.aPatient;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.consilium.access.Role;
import org.consilium.testdata.DicomSamples;
import org.consilium.testing.GeneratedDocs;
import org.consilium.testing.OrthancPeer;
import org.consilium.testing.TestServer;

/**
 * {@code ./consilium bench imaging}: ingest over STOW-RS and C-STORE, and WADO-RS frame retrieval, for Consilium
 * and for Orthanc (the reference PACS) on the same files in one run. Orthanc must run in a network namespace
 * with only {@code lo}, so the measuring part runs in that namespace too ({@link Inside}); this outer part
 * starts Orthanc, runs it, and rewrites the imaging section of docs/performance.md.
 */
public final class ImagingBench {

  static final int SCP_PORT = 11112;
  private static final String[] SAMPLES = {"CT_small.dcm", "MR_small.dcm", "JPEG2000.dcm", "SC_rgb_rle_2frame.dcm"};
  /** Our listener (PixelMed's default presentation-context policy) accepts uncompressed transfer syntaxes only. */
  private static final String[] UNCOMPRESSED = {"CT_small.dcm", "MR_small.dcm"};

  private ImagingBench() {
  }

  public static void main(String[] args) throws Exception {
    int copies = args.length > 0 ? Integer.parseInt(args[0]) : 25;
    try (OrthancPeer orthanc = OrthancPeer.start("CONSILIUM", SCP_PORT)) {
      String out = DicomSamples.run(orthanc.inNamespace(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
          System.getProperty("java.class.path"), Inside.class.getName(), Integer.toString(copies))));
      int start = out.indexOf("SECTION\n");
      if (start < 0) throw new IllegalStateException(out);
      // The inner run's own log lines (server shutdown) follow the section: cut at its end marker.
      int end = out.indexOf("END SECTION\n", start);
      String section = out.substring(start + "SECTION\n".length(), end < 0 ? out.length() : end);
      System.out.println(section);
      System.setProperty("consilium.updateDocs", "true");
      GeneratedDocs.assertSection("performance.md", "imaging", section);
    }
  }

  /** The measuring run, inside Orthanc's namespace: our server and Orthanc both on 127.0.0.1. */
  public static final class Inside {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
      int copies = Integer.parseInt(args[0]);
      try (TestServer server = TestServer.create().with("DICOM_SCP_ENABLED", "true").with("DICOM_SCP_PORT", Integer.toString(SCP_PORT))
          .with("DICOM_AE_TITLE", "CONSILIUM").start()) {
        String token = server.tokenFor(Role.SPECIALIST);
        JsonObject p = aPatient().named("Nguyễn Văn An").born(1970, 5, 20).sex("male").create(server.api().token(token));
        String cccd = p.getString("citizenId");
        List<Path> stowSet = samples(cccd, copies, SAMPLES);
        List<Path> storeSet = samples(cccd, copies * 2, UNCOMPRESSED);
        long bytes = size(stowSet);
        long storeBytes = size(storeSet);
        String ours = server.baseUrl() + "/api/patients/" + p.getString("id") + "/dicomweb";
        String auth = "Bearer " + token;
        String orthanc = "http://127.0.0.1:18042/dicom-web";
        List<String> rows = new ArrayList<>();
        rows.add(row("STOW-RS, 10 instances per request", "Consilium", stowSet.size(), bytes, time(() -> stow(ours, auth, stowSet))));
        rows.add(row("STOW-RS, 10 instances per request", "Orthanc", stowSet.size(), bytes, time(() -> stow(orthanc, null, stowSet))));
        rows.add(row("C-STORE (storescu -R, one association, uncompressed CT and MR)", "Consilium", storeSet.size(), storeBytes,
            time(() -> storescu("CONSILIUM", SCP_PORT, storeSet))));
        rows.add(row("C-STORE (storescu -R, one association, uncompressed CT and MR)", "Orthanc", storeSet.size(), storeBytes,
            time(() -> storescu("ORTHANC", 14242, storeSet))));
        List<String> framePaths = framePaths(stowSet);
        rows.add(row("WADO-RS frame 1 of each instance", "Consilium", framePaths.size(), 0, time(() -> frames(ours, auth, framePaths))));
        rows.add(row("WADO-RS frame 1 of each instance", "Orthanc", framePaths.size(), 0, time(() -> frames(orthanc, null, framePaths))));
        // One CT series of many slices, as a viewer scrolls it: each frame request addresses one instance of it.
        List<Path> series = ctSeries(cccd, copies * 8);
        stow(ours, auth, series);
        stow(orthanc, null, series);
        List<String> seriesFrames = framePaths(series);
        String scroll = "WADO-RS frame 1 of each slice of one " + series.size() + "-slice CT series";
        rows.add(row(scroll, "Consilium", series.size(), 0, time(() -> frames(ours, auth, seriesFrames))));
        rows.add(row(scroll, "Orthanc", series.size(), 0, time(() -> frames(orthanc, null, seriesFrames))));
        for (int k = 0; k < SAMPLES.length; k++) {
          List<String> ofKind = new ArrayList<>();
          for (int i = k; i < framePaths.size(); i += SAMPLES.length) ofKind.add(framePaths.get(i));
          String what = "WADO-RS frame 1, " + SAMPLES[k];
          rows.add(row(what, "Consilium", ofKind.size(), 0, time(() -> frames(ours, auth, ofKind))));
          rows.add(row(what, "Orthanc", ofKind.size(), 0, time(() -> frames(orthanc, null, ofKind))));
        }
        System.out.println("SECTION\n" + "Measured " + Instant.now().toString().substring(0, 10) + " on "
            + Runtime.getRuntime().availableProcessors() + " cores (load average "
            + String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
            + " at the end: other work shared the machine), Consilium on the embedded store, Orthanc 1.10 with its SQLite index, both on "
            + "127.0.0.1 in one network namespace, one client at a time. Files: " + copies + " copies each of "
            + String.join(", ", SAMPLES) + " (C-STORE: " + 2 * copies + " each of CT and MR) from python3-pydicom (CT, MR, JPEG 2000, RLE colour; new UIDs per copy). "
            + "Consilium checks every object (Part 10, UIDs, pixel data length, patient match), hashes it, fsyncs it and indexes it "
            + "before answering; Orthanc's defaults.\n\n| operation | server | instances | seconds | instances/s | MB/s |\n|---|---|---|---|---|---|\n"
            + String.join("", rows) + "\nEND SECTION");
      }
      System.exit(0);
    }

    private interface Work {
      void run() throws Exception;
    }

    private static double time(Work w) throws Exception {
      long t = System.nanoTime();
      w.run();
      return (System.nanoTime() - t) / 1e9;
    }

    private static String row(String op, String who, int n, long bytes, double seconds) {
      return String.format("| %s | %s | %d | %.2f | %.0f | %s |%n", op, who, n, seconds, n / seconds,
          bytes == 0 ? "" : String.format("%.1f", bytes / 1e6 / seconds));
    }

    private static long size(List<Path> files) {
      return files.stream().mapToLong(f -> DicomSamples.bytes(f).length).sum();
    }

    private static List<Path> samples(String patientId, int copies, String[] names) {
      List<Path> out = new ArrayList<>();
      for (int i = 0; i < copies; i++) {
        for (String s : names) out.add(DicomSamples.forPatient(s, patientId, "NGUYEN^VAN AN", "19700520", "M"));
      }
      return out;
    }

    /** {@code slices} copies of CT_small.dcm in one new series of one new study, each its own instance. */
    private static List<Path> ctSeries(String patientId, int slices) {
      Path first = DicomSamples.forPatient("CT_small.dcm", patientId, "NGUYEN^VAN AN", "19700520", "M");
      String dump = DicomSamples.run(List.of("dcmdump", "+P", "StudyInstanceUID", "+P", "SeriesInstanceUID", first.toString()));
      List<Path> out = new ArrayList<>(List.of(first));
      for (int i = 2; i <= slices; i++) {
        out.add(DicomSamples.edited(DicomSamples.forPatient("CT_small.dcm", patientId, "NGUYEN^VAN AN", "19700520", "M"),
            "(0020,000D)=" + tag(dump, "(0020,000d)"), "(0020,000E)=" + tag(dump, "(0020,000e)"), "(0020,0013)=" + i));
      }
      return out;
    }

    private static void stow(String base, String auth, List<Path> files) throws Exception {
      for (int i = 0; i < files.size(); i += 10) {
        String boundary = "bench-" + i;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Path f : files.subList(i, Math.min(files.size(), i + 10))) {
          body.writeBytes(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          body.writeBytes(DicomSamples.bytes(f));
          body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + "/studies"))
            .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
            .header("Accept", "application/dicom+json").POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (auth != null) req.header("Authorization", auth);
        int status = HTTP.send(req.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) throw new IllegalStateException("STOW to " + base + " answered " + status);
      }
    }

    private static void storescu(String ae, int port, List<Path> files) {
      List<String> cmd = new ArrayList<>(List.of("storescu", "-R", "-aet", "BENCH", "-aec", ae, "127.0.0.1", Integer.toString(port)));
      files.forEach(f -> cmd.add(f.toString()));
      DicomSamples.run(cmd);
    }

    /** studies/{s}/series/{se}/instances/{i}/frames/1 of every file. */
    private static List<String> framePaths(List<Path> files) {
      List<String> out = new ArrayList<>();
      for (Path f : files) {
        String dump = DicomSamples.run(List.of("dcmdump", "+P", "StudyInstanceUID", "+P", "SeriesInstanceUID", "+P", "SOPInstanceUID", f.toString()));
        out.add("/studies/" + tag(dump, "(0020,000d)") + "/series/" + tag(dump, "(0020,000e)") + "/instances/" + tag(dump, "(0008,0018)")
            + "/frames/1");
      }
      return out;
    }

    private static String tag(String dump, String tag) {
      String line = dump.lines().filter(l -> l.toLowerCase().startsWith(tag)).findFirst().orElseThrow();
      return line.substring(line.indexOf('[') + 1, line.indexOf(']'));
    }

    private static void frames(String base, String auth, List<String> paths) throws Exception {
      for (String path : paths) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*").GET();
        if (auth != null) req.header("Authorization", auth);
        HttpResponse<byte[]> r = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) throw new IllegalStateException("frames from " + base + path + " answered " + r.statusCode());
      }
    }
  }
}
