package org.consilium.rooms;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** What rooms need of lesion detection for live flags: the flags of one JPEG frame, or an ApiException (busy, invalid). */
@FunctionalInterface
public interface LiveLesionDetector {

  /** {@code {width, height, model:{id, version}, flags:[{box:{x,y,width,height}, score}]}}, boxes in frame pixels. */
  Future<JsonObject> detect(byte[] jpeg);
}
