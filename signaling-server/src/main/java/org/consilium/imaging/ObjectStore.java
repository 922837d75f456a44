package org.consilium.imaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where DICOM objects' bytes live, keyed by an opaque id that only the index knows. The filesystem store is
 * the default; an S3 or GridFS store implements the same contract. Every method blocks: call it on a worker.
 */
public interface ObjectStore {

  /**
   * Makes {@code staged} (a file written by {@link #stage()}) durable under a new id and returns the id. When
   * this returns, the object survives a crash; when it throws, nothing was kept.
   */
  String put(Path staged) throws IOException;

  InputStream get(String id) throws IOException;

  /** {@code length} bytes from {@code offset}; fewer at the end of the object. */
  byte[] getRange(String id, long offset, int length) throws IOException;

  long size(String id) throws IOException;

  /** Removes the object; removing an absent object is harmless. */
  void delete(String id) throws IOException;

  /** A new, empty scratch file on the store's own volume, so that {@link #put} can be a rename. */
  Path stage() throws IOException;
}
