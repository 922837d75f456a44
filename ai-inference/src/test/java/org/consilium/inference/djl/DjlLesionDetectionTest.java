package org.consilium.inference.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.consilium.inference.Analysis;
import org.consilium.inference.InferenceException;
import org.consilium.inference.Lesion;
import org.consilium.inference.LesionAnalyser;
import org.consilium.inference.ModelRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed model in DJL's PyTorch engine, offline, on the synthetic test frames that models/fixtures.py
 * wrote with their true masks and with the flags Debian's PyTorch found on the same PNGs.
 */
class DjlLesionDetectionTest {

  private static final Path FRAMES = Path.of("src", "test", "resources", "frames");
  private static ModelRegistry registry;
  private static LesionAnalyser analyser;
  private static JsonObject expected;

  @BeforeAll
  static void load() throws IOException {
    registry = new ModelRegistry(Path.of("..", "models"), DjlDetector.loader(1), 1, null);
    ModelRegistry.Reload r = registry.reload();
    assertTrue(r.problems().isEmpty(), r.problems().toString());
    analyser = new LesionAnalyser(registry, 1, 4, 4096);
    expected = JsonParser.parseString(Files.readString(FRAMES.resolve("expected.json"), StandardCharsets.UTF_8)).getAsJsonObject();
  }

  @AfterAll
  static void unload() {
    analyser.close();
    registry.close();
  }

  private static List<JsonObject> frames(boolean withLesions) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : expected.getAsJsonArray("frames")) {
      JsonObject f = e.getAsJsonObject();
      if (f.getAsJsonArray("lesions").isEmpty() != withLesions) out.add(f);
    }
    assertTrue(out.size() >= 3);
    return out;
  }

  private static Analysis analyse(JsonObject frame) throws Exception {
    return analyser.analyse(Files.readAllBytes(FRAMES.resolve(frame.get("image").getAsString()))).get(60, TimeUnit.SECONDS);
  }

  @Test
  void theModelOfTheCardLoadsOfflineAndIsActive() {
    assertEquals(expected.getAsJsonObject("model").get("id").getAsString(), registry.active().orElseThrow().id());
    assertEquals("true", System.getProperty("ai.djl.offline"));
  }

  /**
   * True lesions are overlapped by flags: a found lesion has a flag whose box overlaps its box by IoU >= 0.3
   * and covers pixels of its mask. The model is not perfect (its card says about 93% per-lesion sensitivity
   * on held-out frames; here it misses a small pale lesion at the rim of frame 021), so at least 80% of the
   * lesions of the test frames must be found, and every flag that is not on a lesion is counted by the
   * card's false-positive rate, not here.
   */
  @Test
  void trueLesionsOfTheTestFramesAreOverlappedByFlags() throws Exception {
    int lesions = 0;
    List<String> missed = new ArrayList<>();
    for (JsonObject frame : frames(true)) {
      Analysis a = analyse(frame);
      BufferedImage mask = ImageIO.read(FRAMES.resolve(frame.get("mask").getAsString()).toFile());
      for (JsonElement truth : frame.getAsJsonArray("lesions")) {
        JsonArray b = truth.getAsJsonObject().getAsJsonArray("box");
        Lesion.BoundingBox box = new Lesion.BoundingBox(b.get(0).getAsInt(), b.get(1).getAsInt(), b.get(2).getAsInt(), b.get(3).getAsInt());
        lesions++;
        boolean found = a.lesions().stream().anyMatch(l -> l.box().iou(box) >= 0.3 && truePixelsIn(mask, l.box()) > 0);
        if (!found) missed.add(frame.get("image").getAsString() + " " + box + " (flags " + a.lesions() + ")");
      }
    }
    assertTrue(lesions >= 5, "the test frames hold " + lesions + " lesions");
    assertTrue(lesions - missed.size() >= 0.8 * lesions, "missed " + missed.size() + " of " + lesions + ": " + missed);
  }

  @Test
  void framesWithoutLesionsGetNoFlags() throws Exception {
    for (JsonObject frame : frames(false)) {
      assertEquals(List.of(), analyse(frame).lesions(), frame.get("image").getAsString());
    }
  }

  @Test
  void theJavaPipelineFindsWhatPythonFindsWithTheSameModel() throws Exception {
    for (JsonElement e : expected.getAsJsonArray("frames")) {
      JsonObject frame = e.getAsJsonObject();
      Analysis a = analyse(frame);
      JsonArray python = frame.getAsJsonArray("pythonFlags");
      assertEquals(python.size(), a.lesions().size(), frame.get("image").getAsString());
      double slack = (double) a.frameWidth() / registry.active().orElseThrow().inputWidth() + 1;
      for (int i = 0; i < python.size(); i++) {
        JsonObject p = python.get(i).getAsJsonObject();
        Lesion l = a.lesions().get(i);
        JsonArray box = p.getAsJsonArray("box");
        int[] mine = {l.box().x(), l.box().y(), l.box().x() + l.box().width(), l.box().y() + l.box().height()};
        for (int k = 0; k < 4; k++) {
          assertEquals(box.get(k).getAsDouble(), mine[k], slack, frame.get("image") + " flag " + i + " box " + Arrays.toString(mine));
        }
        assertEquals(p.get("score").getAsDouble(), l.score(), 0.02, frame.get("image") + " flag " + i + " score");
      }
    }
  }

  @Test
  void aCorruptFrameIsAClearErrorAndTheNextFrameStillWorks() throws Exception {
    JsonObject frame = frames(true).get(0);
    byte[] png = Files.readAllBytes(FRAMES.resolve(frame.get("image").getAsString()));
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> analyser.analyse(Arrays.copyOf(png, png.length / 3)).get(60, TimeUnit.SECONDS));
    InferenceException cause = assertInstanceOf(InferenceException.class, e.getCause());
    assertEquals(InferenceException.Reason.INVALID_IMAGE, cause.reason());
    assertTrue(analyse(frame).lesions().size() > 0);
  }

  private static int truePixelsIn(BufferedImage mask, Lesion.BoundingBox box) {
    int n = 0;
    for (int y = box.y(); y < Math.min(mask.getHeight(), box.y() + box.height()); y++) {
      for (int x = box.x(); x < Math.min(mask.getWidth(), box.x() + box.width()); x++) {
        if ((mask.getRGB(x, y) & 0xff) > 127) n++;
      }
    }
    return n;
  }
}
