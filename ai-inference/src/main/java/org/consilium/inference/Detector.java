package org.consilium.inference;

/**
 * A loaded model that turns a prepared input into a lesion probability per input pixel. Implementations
 * are safe for as many concurrent callers as they were opened for; the engine lives behind this interface.
 */
public interface Detector extends AutoCloseable {

  /**
   * @param input the normalised frame, 3 x height x width floats (channel-major, RGB), as {@code ModelInput} makes it
   * @return height x width probabilities in [0, 1], row-major
   */
  float[] probabilities(float[] input, int width, int height);

  /** Frees the engine's memory; no call may be in flight. */
  @Override
  void close();

  /** Opens the model a card describes, ready for {@code concurrency} concurrent calls. */
  @FunctionalInterface
  interface Loader {
    Detector open(ModelCard card, int concurrency);
  }
}
