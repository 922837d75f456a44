package org.consilium.inference;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.consilium.inference.Analysis.LesionMask;
import org.consilium.inference.Analysis.Timings;
import org.consilium.inference.InferenceException.Reason;
import org.consilium.inference.image.FrameDecoder;
import org.consilium.inference.image.ModelInput;
import org.consilium.inference.mask.LesionFinder;
import org.consilium.inference.mask.LesionFinder.Components;
import org.consilium.inference.mask.LesionFinder.Region;

/**
 * Analyses frames on a bounded pool: {@code workers} threads (named consilium-inference-N) and a queue of
 * {@code queueCapacity} frames. When both are full a frame is refused at once with {@link Reason#BUSY}
 * instead of waiting: a live stream wants the next frame, not a late answer to an old one.
 */
public final class LesionAnalyser implements AutoCloseable {

  private final ModelRegistry registry;
  private final FrameDecoder decoder;
  private final ThreadPoolExecutor pool;
  private final int workers;
  private final int queueCapacity;

  public LesionAnalyser(ModelRegistry registry, int workers, int queueCapacity, int maxFrameSide) {
    if (workers < 1 || queueCapacity < 0) throw new IllegalArgumentException("need at least one worker and a non-negative queue");
    this.registry = registry;
    this.decoder = new FrameDecoder(maxFrameSide);
    this.workers = workers;
    this.queueCapacity = queueCapacity;
    AtomicInteger count = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
        queueCapacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueCapacity),
        r -> {
          Thread t = new Thread(r, "consilium-inference-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        },
        new ThreadPoolExecutor.AbortPolicy());
  }

  /** Decodes a JPEG/PNG frame and analyses it with the active model. */
  public CompletableFuture<Analysis> analyse(byte[] encodedFrame) {
    long queued = System.nanoTime();
    return submit(() -> {
      long start = System.nanoTime();
      BufferedImage frame = decoder.decode(encodedFrame);
      return run(frame, start - queued, System.nanoTime() - start);
    });
  }

  /** Analyses a frame that is already pixels (a decoded DICOM frame, a video frame). */
  public CompletableFuture<Analysis> analyse(BufferedImage frame) {
    long queued = System.nanoTime();
    return submit(() -> run(frame, System.nanoTime() - queued, 0));
  }

  /** How many frames are waiting for a worker now. */
  public int waiting() {
    return pool.getQueue().size();
  }

  private CompletableFuture<Analysis> submit(Supplier<Analysis> work) {
    try {
      return CompletableFuture.supplyAsync(work, pool);
    } catch (RejectedExecutionException e) {
      if (pool.isShutdown()) return CompletableFuture.failedFuture(new InferenceException(Reason.MODEL_UNAVAILABLE, "the analyser is shut down"));
      return CompletableFuture.failedFuture(new InferenceException(Reason.BUSY,
          "lesion detection is busy: all " + workers + " workers are analysing and " + queueCapacity
              + " frames are waiting; send the frame again shortly"));
    }
  }

  private Analysis run(BufferedImage frame, long queueNanos, long decodeNanos) {
    if (frame == null || frame.getWidth() < 1 || frame.getHeight() < 1) throw new InferenceException(Reason.INVALID_IMAGE, "the frame has no pixels");
    try (ModelRegistry.Lease lease = registry.lease()) {
      ModelCard card = lease.card();
      int w = card.inputWidth();
      int h = card.inputHeight();
      long t0 = System.nanoTime();
      float[] input = ModelInput.prepare(frame, w, h, card.mean(), card.std());
      long t1 = System.nanoTime();
      float[] probabilities;
      try {
        probabilities = lease.detector().probabilities(input, w, h);
      } catch (InferenceException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new InferenceException(Reason.MODEL_FAILED, "model " + card.name() + " failed on the frame", e);
      }
      long t2 = System.nanoTime();
      Components found = LesionFinder.find(probabilities, w, h, card.probabilityThreshold(), card.minLesionAreaPixels());
      List<Lesion> lesions = toFrame(found, frame.getWidth(), frame.getHeight(), card);
      long t3 = System.nanoTime();
      return new Analysis(card.id(), card.version(), frame.getWidth(), frame.getHeight(), lesions,
          new LesionMask(w, h, found.labels()), new Timings(queueNanos, decodeNanos, t1 - t0, t2 - t1, t3 - t2));
    }
  }

  /** Regions in input pixels to lesions in frame pixels (the box grows outward to whole frame pixels). */
  static List<Lesion> toFrame(Components found, int frameWidth, int frameHeight, ModelCard card) {
    double sx = (double) frameWidth / found.width();
    double sy = (double) frameHeight / found.height();
    List<Lesion> lesions = new ArrayList<>();
    for (Region r : found.regions()) {
      int x0 = (int) Math.floor(r.x() * sx);
      int y0 = (int) Math.floor(r.y() * sy);
      int x1 = Math.min(frameWidth, (int) Math.ceil((r.x() + r.width()) * sx));
      int y1 = Math.min(frameHeight, (int) Math.ceil((r.y() + r.height()) * sy));
      long area = Math.round(r.area() * sx * sy);
      lesions.add(new Lesion(new Lesion.BoundingBox(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0)), r.score(), area,
          card.id(), card.version()));
    }
    return lesions;
  }

  /** Stops taking frames, lets the running ones finish (up to the timeout). */
  @Override
  public void close() {
    pool.shutdown();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
