package org.consilium.findings;

import java.nio.file.Path;
import org.consilium.config.Settings;

/** How lesion detection runs: where the models are, which one is active, how many frames at once. */
public record LesionFlagsConfig(Path modelsDir, String activeModel, int workers, int threadsPerFrame, int queueFrames,
                                int maxFrameBytes, int maxFrameSide, boolean analyseOnIngest, int maxStoredFrames,
                                int liveFrameBytes, int liveFramesPerSecond) {

  public static LesionFlagsConfig from(Settings s) {
    return new LesionFlagsConfig(s.path("AI_MODELS_DIR"), s.string("AI_ACTIVE_MODEL"), s.integer("AI_WORKERS", 1, 64),
        s.integer("AI_THREADS_PER_FRAME", 1, 64), s.integer("AI_QUEUE_FRAMES", 0, 1000),
        s.integer("AI_MAX_FRAME_BYTES", 1024, 64 * 1024 * 1024), s.integer("AI_MAX_FRAME_SIDE", 64, 16384),
        s.bool("AI_ANALYSE_ON_INGEST"), s.integer("AI_MAX_STORED_FRAMES", 1, 1000), s.integer("AI_LIVE_FRAME_BYTES", 1024, 65536),
        s.integer("AI_LIVE_FRAMES_PER_SECOND", 1, 30));
  }
}
