package org.consilium.dicom;

import com.pixelmed.dicom.StoredFilePathStrategy;
import com.pixelmed.network.ReceivedObjectHandler;
import com.pixelmed.network.StorageSOPClassSCPDispatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A DICOM C-STORE and C-ECHO listener (storage SCP) under our AE title. Each received object is written by
 * PixelMed into {@code incoming} and handed to the {@link Receiver} on the association's own thread, which may
 * block (that slows the sender, which is the back-pressure we want). PixelMed answers the C-STORE with success
 * once the object is received intact; what the receiver refuses is therefore reported in the audit and the log,
 * not in the C-STORE status.
 */
public final class DicomListener implements AutoCloseable {

  /** Takes one received Part 10 file (and must move or delete it). */
  public interface Receiver {
    void received(Path file, String callingAeTitle) throws Exception;
  }

  private final StorageSOPClassSCPDispatcher dispatcher;
  private final Thread thread;

  private DicomListener(StorageSOPClassSCPDispatcher dispatcher, Thread thread) {
    this.dispatcher = dispatcher;
    this.thread = thread;
  }

  public static DicomListener start(int port, String aeTitle, Path incoming, Receiver receiver) throws IOException {
    Files.createDirectories(incoming);
    ReceivedObjectHandler handler = new ReceivedObjectHandler() {
      @Override
      public void sendReceivedObjectIndication(String fileName, String transferSyntax, String callingAeTitle) {
        Path file = Path.of(fileName);
        try {
          receiver.received(file, callingAeTitle == null ? "" : callingAeTitle.trim());
        } catch (Exception e) {
          if (e instanceof InterruptedException) Thread.currentThread().interrupt();
          deleteQuietly(file);
        }
      }
    };
    // Compressed transfer syntaxes too (JPEG baseline and lossless, RLE, JPEG 2000): objects are stored as received.
    StorageSOPClassSCPDispatcher dispatcher = new StorageSOPClassSCPDispatcher(port, aeTitle, incoming.toFile(),
        StoredFilePathStrategy.BYSOPINSTANCEUIDHASHSUBFOLDERS, handler, null, null, null,
        new StoreSyntaxPolicy(), false);
    Thread thread = new Thread(dispatcher, "dicom-listener");
    thread.setDaemon(true);
    thread.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!dispatcher.isReady()) {
      if (System.nanoTime() > deadline || !thread.isAlive()) throw new IOException("the DICOM listener did not start on port " + port);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while starting the DICOM listener", e);
      }
    }
    return new DicomListener(dispatcher, thread);
  }

  /** Stops accepting and waits (blocking, up to 10 s) until the port is free again. */
  @Override
  public void close() {
    dispatcher.shutdown();
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // swept with the incoming folder on the next start
    }
  }
}
