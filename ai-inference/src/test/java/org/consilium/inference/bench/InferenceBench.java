package org.consilium.inference.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.consilium.inference.Analysis;
import org.consilium.inference.LesionAnalyser;
import org.consilium.inference.ModelRegistry;
import org.consilium.inference.djl.DjlDetector;

/**
 * {@code ./consilium bench ai}: the whole pipeline (decode, preprocess, forward, postprocess) in DJL, one
 * frame at a time on one PyTorch thread, next to the reference that scripts/bench-ai.sh measured just
 * before in Debian's PyTorch on the same frames; then a soak that records the process's resident memory.
 * Rewrites the ai section of docs/performance.md.
 *
 * <p>Arguments: frames directory, reference JSON, frames per latency run, soak frames, docs/performance.md.
 */
public final class InferenceBench {

  private InferenceBench() {}

  public static void main(String[] args) throws Exception {
    Path framesDir = Path.of(args[0]);
    JsonObject reference = JsonParser.parseString(Files.readString(Path.of(args[1]))).getAsJsonObject();
    int count = Integer.parseInt(args[2]);
    int soak = Integer.parseInt(args[3]);
    Path docs = Path.of(args[4]);
    List<byte[]> frames = new ArrayList<>();
    try (Stream<Path> files = Files.list(framesDir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jpg")).sorted().toList()) frames.add(Files.readAllBytes(f));
    }
    long loadStart = System.nanoTime();
    try (ModelRegistry registry = new ModelRegistry(Path.of("..", "models"), DjlDetector.loader(1), 1, null)) {
      if (!registry.reload().problems().isEmpty()) throw new IllegalStateException("models did not load");
      double loadMs = (System.nanoTime() - loadStart) / 1e6;
      try (LesionAnalyser analyser = new LesionAnalyser(registry, 1, 4, 4096)) {
        run(analyser, frames, 50);
        Run djl = run(analyser, frames, count);
        List<String> memory = new ArrayList<>();
        long rssAfterWarmup = rssKiB();
        int step = Math.max(1, soak / 10);
        for (int done = 0; done < soak; done += step) {
          run(analyser, frames, Math.min(step, soak - done));
          memory.add(String.format("| %d | %.1f | %.1f |", done + step, rssKiB() / 1024.0, heapMiB()));
        }
        long rssEnd = rssKiB();
        String section = section(registry.active().orElseThrow().name(), frames.size(), count, loadMs, djl, reference,
            soak, rssAfterWarmup, rssEnd, memory);
        System.out.println(section);
        rewrite(docs, section);
      }
    }
  }

  /** Latencies (ms, submit to answer) and mean stage times of {@code n} frames analysed one after another. */
  private record Run(double[] latencies, double decode, double preprocess, double forward, double postprocess, long flags) {
    double percentile(double p) {
      double[] s = latencies.clone();
      Arrays.sort(s);
      return s[(int) Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1)];
    }

    double fps() {
      return latencies.length / (Arrays.stream(latencies).sum() / 1000);
    }
  }

  private static Run run(LesionAnalyser analyser, List<byte[]> frames, int n) throws Exception {
    double[] lat = new double[n];
    double[] stages = new double[4];
    long flags = 0;
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      Analysis a = analyser.analyse(frames.get(i % frames.size())).get(60, TimeUnit.SECONDS);
      lat[i] = (System.nanoTime() - t0) / 1e6;
      stages[0] += a.timings().decodeNanos() / 1e6;
      stages[1] += a.timings().preprocessNanos() / 1e6;
      stages[2] += a.timings().inferenceNanos() / 1e6;
      stages[3] += a.timings().postprocessNanos() / 1e6;
      flags += a.lesions().size();
    }
    return new Run(lat, stages[0] / n, stages[1] / n, stages[2] / n, stages[3] / n, flags);
  }

  private static String section(String model, int distinct, int count, double loadMs, Run djl, JsonObject ref, int soak,
                                long rssWarm, long rssEnd, List<String> memory) {
    double ratio = djl.percentile(50) / ref.get("p50").getAsDouble();
    StringBuilder s = new StringBuilder();
    s.append(String.format("Measured %s on %d cores (load average %.1f at the end: other work shared the machine), model %s, "
            + "%d distinct synthetic 640 x 480 JPEG frames cycled, %d frames per row after 50 warm-up frames, one frame at a "
            + "time, one PyTorch thread in both. Model load in DJL (engine warm): %.0f ms.%n%n",
        Instant.now().toString().substring(0, 10), Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), model, distinct, count, loadMs));
    s.append("| pipeline | p50 ms | p99 ms | frames/s | decode ms | preprocess ms | forward ms | postprocess ms | flags |\n");
    s.append("|---|---|---|---|---|---|---|---|---|\n");
    s.append(String.format("| ai-inference: ImageIO + DJL 0.35.1 (libtorch 2.7.1) | %.2f | %.2f | %.1f | %.2f | %.2f | %.2f | %.2f | %d |%n",
        djl.percentile(50), djl.percentile(99), djl.fps(), djl.decode, djl.preprocess, djl.forward, djl.postprocess, djl.flags));
    s.append(String.format("| reference: %s | %.2f | %.2f | %.1f | %.2f | %.2f | %.2f | %.2f | %d |%n",
        ref.get("engine").getAsString(), ref.get("p50").getAsDouble(), ref.get("p99").getAsDouble(), ref.get("fps").getAsDouble(),
        ref.get("decode").getAsDouble(), ref.get("preprocess").getAsDouble(), ref.get("forward").getAsDouble(),
        ref.get("postprocess").getAsDouble(), ref.get("flags").getAsLong()));
    s.append(String.format("%nDJL pipeline / reference at p50: **%.2f**. Flags found: %s. The two forward passes run different "
        + "builds of libtorch (DJL bundles 2.7.1 with oneDNN; Debian's 1.13 uses generic BLAS), so the ratio measures the "
        + "whole pipeline as deployed; what Java and DJL add around the model is in the decode, preprocess and postprocess "
        + "columns.%n%n", ratio, djl.flags == ref.get("flags").getAsLong() ? "the same number in both" : "different numbers (see the table)"));
    s.append(String.format("Soak: %d more frames through the same analyser; resident memory of the JVM process "
        + "(VmRSS: heap, libtorch and native tensors) %.1f MiB after the warm-up and latency runs, %.1f MiB at the end "
        + "(%+.1f MiB).%n%n| frames | RSS MiB | heap used MiB |%n|---|---|---|%n",
        soak, rssWarm / 1024.0, rssEnd / 1024.0, (rssEnd - rssWarm) / 1024.0));
    memory.forEach(line -> s.append(line).append('\n'));
    return s.toString();
  }

  private static long rssKiB() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
    }
    return -1;
  }

  private static double heapMiB() {
    Runtime r = Runtime.getRuntime();
    return (r.totalMemory() - r.freeMemory()) / (1024.0 * 1024.0);
  }

  private static void rewrite(Path docs, String section) throws IOException {
    String text = Files.readString(docs, StandardCharsets.UTF_8);
    String start = "<!-- ai:start -->\n";
    String end = "<!-- ai:end -->";
    int a = text.indexOf(start);
    int b = text.indexOf(end);
    if (a < 0 || b < a) throw new IllegalStateException(docs + " has no ai section markers");
    Files.writeString(docs, text.substring(0, a + start.length()) + section + text.substring(b), StandardCharsets.UTF_8);
  }
}
