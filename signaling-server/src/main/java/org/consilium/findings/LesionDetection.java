package org.consilium.findings;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.inference.Analysis;
import org.consilium.inference.InferenceException;
import org.consilium.inference.LesionAnalyser;
import org.consilium.inference.ModelCard;
import org.consilium.inference.ModelRegistry;
import org.consilium.inference.djl.DjlDetector;

/**
 * The server's door to ai-inference: loads the models on first use (so a server that never analyses a frame
 * never starts the engine), runs frames on the analyser's bounded pool (threads consilium-inference-N, one
 * per predictor), and turns its failures into API errors. Takes pixels or JPEG/PNG bytes, never DICOM:
 * the imaging capability decodes DICOM frames and hands over a raster.
 */
public final class LesionDetection {

  private final Vertx vertx;
  private final LesionFlagsConfig config;
  private Future<Loaded> loading;   // guarded by this; a failed load is retried on the next call

  private record Loaded(ModelRegistry registry, LesionAnalyser analyser) {}

  public LesionDetection(Vertx vertx, LesionFlagsConfig config) {
    this.vertx = vertx;
    this.config = config;
  }

  /** Analyses a JPEG or PNG frame with the active model. */
  public Future<Analysis> analyse(byte[] encodedFrame) {
    return loaded().compose(l -> complete(() -> l.analyser.analyse(encodedFrame)));
  }

  /**
   * The flags of a JPEG/PNG frame as a small JSON object, for live overlays (nothing stored):
   * {@code {width, height, model:{id, version}, flags:[{box:{x,y,width,height}, score, areaPixels}]}}.
   */
  public Future<io.vertx.core.json.JsonObject> flags(byte[] encodedFrame) {
    return analyse(encodedFrame).map(a -> {
      io.vertx.core.json.JsonArray flags = new io.vertx.core.json.JsonArray();
      for (org.consilium.inference.Lesion l : a.lesions()) {
        flags.add(new io.vertx.core.json.JsonObject().put("box", new io.vertx.core.json.JsonObject().put("x", l.box().x())
                .put("y", l.box().y()).put("width", l.box().width()).put("height", l.box().height()))
            .put("score", Math.round(l.score() * 10000) / 10000.0).put("areaPixels", l.areaPixels()));
      }
      return new io.vertx.core.json.JsonObject().put("width", a.frameWidth()).put("height", a.frameHeight())
          .put("model", new io.vertx.core.json.JsonObject().put("id", a.modelId()).put("version", a.modelVersion())).put("flags", flags);
    });
  }

  /** Analyses a decoded frame (for DICOM instances, once imaging decodes them). */
  public Future<Analysis> analyse(BufferedImage frame) {
    return loaded().compose(l -> complete(() -> l.analyser.analyse(frame)));
  }

  /** The loaded models, and which one is active. */
  public Future<Models> models() {
    return loaded().map(l -> new Models(l.registry.cards(), l.registry.active().orElse(null), List.of()));
  }

  /** Reads the models directory again: new and changed cards load, removed ones unload after their frames. */
  public Future<Models> reload() {
    return loaded().compose(l -> vertx.executeBlocking(() -> {
      ModelRegistry.Reload r = l.registry.reload();
      return new Models(r.models(), l.registry.active().orElse(null), r.problems());
    }, false));
  }

  /** Makes another loaded model the active one, without a restart. */
  public Future<ModelCard> activate(String id, String version) {
    return loaded().map(l -> {
      try {
        return l.registry.activate(id, version);
      } catch (InferenceException e) {
        throw new ApiException(ErrorCode.LESION_MODEL_NOT_FOUND, e.getMessage());
      }
    });
  }

  /** The models now loaded, the active one, and the cards that could not be loaded on the last reload. */
  public record Models(List<ModelCard> cards, ModelCard active, List<String> problems) {}

  public synchronized Future<Void> close() {
    if (loading == null) return Future.succeededFuture();
    return loading.compose(l -> vertx.executeBlocking(() -> {
      l.analyser.close();
      l.registry.close();
      return null;
    }, false)).recover(e -> Future.succeededFuture()).mapEmpty();
  }

  private synchronized Future<Loaded> loaded() {
    if (loading == null || loading.failed()) {
      loading = vertx.executeBlocking(() -> {
        ModelRegistry registry = new ModelRegistry(config.modelsDir(), DjlDetector.loader(config.threadsPerFrame()),
            config.workers(), config.activeModel());
        ModelRegistry.Reload r = registry.reload();
        if (r.models().isEmpty()) {
          registry.close();
          throw new ApiException(ErrorCode.LESION_DETECTION_UNAVAILABLE,
              "No lesion-flag model could be loaded from the models directory: " + String.join("; ", r.problems()));
        }
        return new Loaded(registry, new LesionAnalyser(registry, config.workers(), config.queueFrames(), config.maxFrameSide()));
      }, false);
    }
    return loading;
  }

  private Future<Analysis> complete(Supplier<CompletableFuture<Analysis>> work) {
    Promise<Analysis> promise = Promise.promise();
    Context context = vertx.getOrCreateContext();
    work.get().whenComplete((analysis, failure) -> context.runOnContext(v -> {
      if (failure == null) promise.complete(analysis);
      else promise.fail(toApi(failure instanceof CompletionException c ? c.getCause() : failure));
    }));
    return promise.future();
  }

  static Throwable toApi(Throwable failure) {
    if (!(failure instanceof InferenceException e)) return failure;
    return switch (e.reason()) {
      case INVALID_IMAGE -> new ApiException(ErrorCode.FRAME_INVALID, e.getMessage());
      case BUSY -> new ApiException(ErrorCode.LESION_DETECTION_BUSY, e.getMessage());
      case MODEL_UNAVAILABLE -> new ApiException(ErrorCode.LESION_DETECTION_UNAVAILABLE, e.getMessage());
      case MODEL_FAILED -> new ApiException(ErrorCode.LESION_DETECTION_FAILED, e.getMessage());
    };
  }
}
