package org.consilium.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.consilium.inference.Lesion.BoundingBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LesionAnalyserTest {

  @TempDir Path dir;
  private final FakeDetectors loader = new FakeDetectors();
  private ModelRegistry registry;

  @BeforeEach
  void load() {
    Cards.write(dir, "fake", "1.0.0", 16);
    registry = new ModelRegistry(dir, loader, 1, null);
    registry.reload();
  }

  @AfterEach
  void unload() {
    registry.close();
  }

  private static InferenceException failure(CompletableFuture<Analysis> f) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
    return assertInstanceOf(InferenceException.class, e.getCause());
  }

  @Test
  void lesionsComeBackInFramePixelsWithTheModelThatFoundThem() throws Exception {
    try (LesionAnalyser analyser = new LesionAnalyser(registry, 1, 4, 4096)) {
      Analysis a = analyser.analyse(new BufferedImage(320, 160, BufferedImage.TYPE_3BYTE_BGR)).get(10, TimeUnit.SECONDS);
      assertEquals(1, a.lesions().size());
      Lesion l = a.lesions().get(0);
      // the fake marks input pixels 4..7 of 16 on both axes: frame pixels 80..159 across, 40..79 down
      assertEquals(new BoundingBox(80, 40, 80, 40), l.box());
      assertEquals(16 * 20 * 10, l.areaPixels());
      assertEquals("fake", l.modelId());
      assertEquals("1.0.0", a.modelVersion());
      assertEquals(16, a.mask().width());
      assertEquals(1, a.mask().labels()[5 * 16 + 5]);
      assertTrue(a.timings().inferenceNanos() > 0);
    }
  }

  @Test
  void whenEveryWorkerIsBusyAndTheQueueIsFullTheFrameIsRefusedAtOnceAsBusy() throws Exception {
    loader.gate = new CountDownLatch(1);
    try (LesionAnalyser analyser = new LesionAnalyser(registry, 1, 1, 4096)) {
      BufferedImage frame = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
      CompletableFuture<Analysis> running = analyser.analyse(frame);
      CompletableFuture<Analysis> waiting = analyser.analyse(frame);  // the first went straight to the worker
      CompletableFuture<Analysis> refused = analyser.analyse(frame);
      InferenceException busy = failure(refused);
      assertEquals(InferenceException.Reason.BUSY, busy.reason());
      assertTrue(busy.getMessage().contains("busy"), busy.getMessage());
      loader.gate.countDown();
      assertEquals(1, running.get(10, TimeUnit.SECONDS).lesions().size());
      assertEquals(1, waiting.get(10, TimeUnit.SECONDS).lesions().size());
      assertEquals(1, analyser.analyse(frame).get(10, TimeUnit.SECONDS).lesions().size(), "accepts again once free");
    }
  }

  @Test
  void aCorruptFrameFailsAsAnInvalidImage() {
    try (LesionAnalyser analyser = new LesionAnalyser(registry, 1, 1, 4096)) {
      InferenceException e = failure(analyser.analyse(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}));
      assertEquals(InferenceException.Reason.INVALID_IMAGE, e.reason());
    }
  }

  @Test
  void anEngineFailureIsReportedAsTheModelFailing() {
    Detector.Loader broken = (card, n) -> new Detector() {
      @Override
      public float[] probabilities(float[] input, int width, int height) {
        throw new IllegalStateException("native crash");
      }

      @Override
      public void close() {}
    };
    try (ModelRegistry r = new ModelRegistry(dir, broken, 1, null); LesionAnalyser analyser = new LesionAnalyser(r, 1, 1, 4096)) {
      r.reload();
      InferenceException e = failure(analyser.analyse(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB)));
      assertEquals(InferenceException.Reason.MODEL_FAILED, e.reason());
      assertTrue(e.getMessage().contains("fake 1.0.0"), e.getMessage());
    }
  }
}
