package org.consilium.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Detectors without an engine: each answers a fixed square lesion in the middle of its input, can be held
 * until released (to fill the worker pool), and records whether it was closed.
 */
final class FakeDetectors implements Detector.Loader {

  final List<Fake> opened = new ArrayList<>();
  volatile CountDownLatch gate = new CountDownLatch(0);

  @Override
  public synchronized Detector open(ModelCard card, int concurrency) {
    Fake f = new Fake(card);
    opened.add(f);
    return f;
  }

  synchronized Fake last(String name) {
    for (int i = opened.size() - 1; i >= 0; i--) if (opened.get(i).card.name().equals(name)) return opened.get(i);
    throw new AssertionError("never opened " + name);
  }

  final class Fake implements Detector {
    final ModelCard card;
    volatile boolean closed;

    Fake(ModelCard card) {
      this.card = card;
    }

    @Override
    public float[] probabilities(float[] input, int width, int height) {
      try {
        if (!gate.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("gate never opened");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (closed) throw new IllegalStateException("used after close");
      float[] p = new float[width * height];
      for (int y = height / 4; y < height / 2; y++) for (int x = width / 4; x < width / 2; x++) p[y * width + x] = 0.9f;
      return p;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
