package org.consilium.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.inference.InferenceException;
import org.consilium.inference.InferenceException.Reason;
import org.junit.jupiter.api.Test;

/** Every way inference can fail becomes a stable API error; "busy" is a 503 the client can retry. */
class LesionDetectionErrorsTest {

  private static ApiException mapped(Reason reason) {
    return assertInstanceOf(ApiException.class, LesionDetection.toApi(new InferenceException(reason, "why")));
  }

  @Test
  void eachReasonHasItsCode() {
    assertEquals(ErrorCode.LESION_DETECTION_BUSY, mapped(Reason.BUSY).code());
    assertEquals(503, ErrorCode.LESION_DETECTION_BUSY.status());
    assertEquals(ErrorCode.FRAME_INVALID, mapped(Reason.INVALID_IMAGE).code());
    assertEquals(422, ErrorCode.FRAME_INVALID.status());
    assertEquals(ErrorCode.LESION_DETECTION_UNAVAILABLE, mapped(Reason.MODEL_UNAVAILABLE).code());
    assertEquals(ErrorCode.LESION_DETECTION_FAILED, mapped(Reason.MODEL_FAILED).code());
    assertEquals("why", mapped(Reason.BUSY).getMessage());
  }

  @Test
  void otherFailuresPassThrough() {
    IllegalStateException other = new IllegalStateException("x");
    assertSame(other, LesionDetection.toApi(other));
  }
}
