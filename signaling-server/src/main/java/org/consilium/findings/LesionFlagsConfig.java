package org.consilium.findings;

import java.nio.file.Path;
import org.consilium.config.Settings;

/** How lesion detection runs: where the models are, which one is active, how many frames at once. */
public record LesionFlagsConfig(Path modelsDir, String activeModel, int workers, int threadsPerFrame, int queueFrames,
                                int maxFrameBytes, int maxFrameSide) {

  public static LesionFlagsConfig from(Settings s) {
    return new LesionFlagsConfig(s.path("AI_MODELS_DIR"), s.string("AI_ACTIVE_MODEL"), s.integer("AI_WORKERS", 1, 64),
        s.integer("AI_THREADS_PER_FRAME", 1, 64), s.integer("AI_QUEUE_FRAMES", 0, 1000),
        s.integer("AI_MAX_FRAME_BYTES", 1024, 64 * 1024 * 1024), s.integer("AI_MAX_FRAME_SIDE", 64, 16384));
  }
}
