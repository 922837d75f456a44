package org.consilium.inference;

/** Why a frame was not analysed. The caller maps {@link Reason} to its own error codes. */
public class InferenceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, in terms a caller can act on. */
  public enum Reason {
    /** The frame is not a readable JPEG/PNG image, or its pixels cannot be used. The caller's fault. */
    INVALID_IMAGE,
    /** Every worker is busy and the queue is full: try again shortly. */
    BUSY,
    /** No such model, or it could not be loaded. */
    MODEL_UNAVAILABLE,
    /** The model ran and failed. */
    MODEL_FAILED
  }

  private final Reason reason;

  public InferenceException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public InferenceException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
