package org.consilium.inference.djl;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.consilium.inference.Detector;
import org.consilium.inference.InferenceException;
import org.consilium.inference.InferenceException.Reason;
import org.consilium.inference.ModelCard;

/**
 * A TorchScript model run by DJL's PyTorch engine, the only place DJL is used.
 *
 * <p>One predictor per concurrent caller (a DJL predictor is not thread-safe), borrowed for each frame.
 * Each frame's arrays live in a sub-manager of the model's manager that is closed when the frame is done:
 * with the no-op translator every intermediate array attaches to the input's manager, so this frees the
 * native memory of the frame (a long-lived manager grows without bound).
 */
public final class DjlDetector implements Detector {

  private final Model model;
  private final BlockingQueue<Predictor<NDList, NDList>> idle;
  private final List<Predictor<NDList, NDList>> all = new ArrayList<>();

  private DjlDetector(Model model, int concurrency) {
    this.model = model;
    this.idle = new ArrayBlockingQueue<>(concurrency);
    for (int i = 0; i < concurrency; i++) {
      Predictor<NDList, NDList> p = model.newPredictor(new NoopTranslator());
      all.add(p);
      idle.add(p);
    }
  }

  /**
   * The loader the server and the benchmark use. Sets the engine's offline and no-telemetry switches (so
   * the engine never reaches for the network, whatever the environment says) and the threads PyTorch
   * uses inside one frame, before the engine first starts.
   */
  public static Detector.Loader loader(int threadsPerFrame) {
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("OPT_OUT_TRACKING", "true");
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threadsPerFrame));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    return DjlDetector::open;
  }

  private static DjlDetector open(ModelCard card, int concurrency) {
    String name = card.file().getFileName().toString();
    if (!name.endsWith(".pt")) throw new InferenceException(Reason.MODEL_UNAVAILABLE, "model file " + name + " is not TorchScript (.pt)");
    Model model = Model.newInstance(card.name(), "PyTorch");
    try {
      model.load(card.file().getParent(), name.substring(0, name.length() - 3));
      return new DjlDetector(model, concurrency);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      throw new InferenceException(Reason.MODEL_UNAVAILABLE, "model " + card.name() + " cannot be loaded: " + e.getMessage(), e);
    }
  }

  @Override
  public float[] probabilities(float[] input, int width, int height) {
    Predictor<NDList, NDList> predictor;
    try {
      predictor = idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InferenceException(Reason.MODEL_FAILED, "interrupted while waiting for a predictor", e);
    }
    try (NDManager frame = model.getNDManager().newSubManager()) {
      NDArray x = frame.create(input, new Shape(1, 3, height, width));
      NDArray y = predictor.predict(new NDList(x)).singletonOrThrow();
      if (y.size() != (long) width * height) {
        throw new InferenceException(Reason.MODEL_FAILED, "model output has shape " + y.getShape() + ", expected 1 x 1 x " + height + " x " + width);
      }
      return y.toFloatArray();
    } catch (TranslateException e) {
      throw new InferenceException(Reason.MODEL_FAILED, "model forward failed: " + e.getMessage(), e);
    } finally {
      idle.add(predictor);
    }
  }

  @Override
  public void close() {
    all.forEach(Predictor::close);
    model.close();
  }
}
