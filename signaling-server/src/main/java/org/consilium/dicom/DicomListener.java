package org.consilium.dicom;

import com.pixelmed.network.AReleaseException;
import com.pixelmed.network.Association;
import com.pixelmed.network.AssociationFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DICOM C-STORE and C-ECHO listener (storage SCP) under our AE title, built on PixelMed's association layer.
 * Each association has a thread of its own. A received object is written into {@code incoming} and handed to the
 * {@link Receiver} on that thread, which may block (that slows the sender, which is the back-pressure we want);
 * the C-STORE response carries the receiver's {@link StoreOutcome}, so a sender learns which objects were refused
 * and why, and the association goes on with its other objects.
 */
public final class DicomListener implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DicomListener.class);
  /** An association with no message for this long is dropped, so a vanished sender does not hold a thread. */
  private static final int IDLE_TIMEOUT_MS = 300_000;
  private static final int MAX_ASSOCIATIONS = 64;

  /** Takes one received Part 10 file (and must move or delete it), and says what the sender is told. */
  public interface Receiver {
    StoreOutcome received(Path file, String callingAeTitle) throws Exception;
  }

  private final ServerSocket server;
  private final String aeTitle;
  private final Path incoming;
  private final Receiver receiver;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger associations = new AtomicInteger();
  private final Thread acceptor;

  private DicomListener(ServerSocket server, String aeTitle, Path incoming, Receiver receiver) {
    this.server = server;
    this.aeTitle = aeTitle;
    this.incoming = incoming;
    this.receiver = receiver;
    this.acceptor = new Thread(this::accept, "dicom-listener");
    acceptor.setDaemon(true);
  }

  public static DicomListener start(int port, String aeTitle, Path incoming, Receiver receiver) throws IOException {
    Files.createDirectories(incoming);
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(port));
    DicomListener listener = new DicomListener(server, aeTitle, incoming, receiver);
    listener.acceptor.start();
    return listener;
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (!server.isClosed()) LOG.atWarn().setCause(e).log("DICOM listener could not accept a connection");
        continue;
      }
      if (open.size() >= MAX_ASSOCIATIONS) {
        LOG.atWarn().addKeyValue("open", open.size()).log("DICOM association refused: too many open");
        closeQuietly(socket);
        continue;
      }
      open.add(socket);
      Thread t = new Thread(() -> serve(socket), "dicom-association-" + associations.incrementAndGet());
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(Socket socket) {
    Association association = null;
    try {
      socket.setSoTimeout(IDLE_TIMEOUT_MS);
      association = AssociationFactory.createNewAssociation(socket, aeTitle, new StoreSyntaxPolicy());
      while (true) answer(association);
    } catch (AReleaseException e) {
      // the sender released the association: the normal end
    } catch (Exception e) {
      if (!server.isClosed()) {
        LOG.atWarn().addKeyValue("callingAe", callingAe(association))
            .addKeyValue("reason", DicomReader.safeMessage(e)).log("DICOM association ended abnormally");
      }
      if (association != null) abortQuietly(association);
    } finally {
      open.remove(socket);
      closeQuietly(socket);
    }
  }

  /** Receives one request message and sends its response. */
  private void answer(Association association) throws Exception {
    StoreRequest request = new StoreRequest(incoming);
    association.setReceivedDataHandler(request);
    try {
      association.waitForPDataPDUsUntilHandlerReportsDone();
    } catch (Exception e) {
      request.discard();
      throw e;
    }
    byte[] response = request.isEcho() ? request.echoResponse() : request.storeResponse(decide(request, callingAe(association)));
    association.send(request.presentationContextId(), response, null);
  }

  private StoreOutcome decide(StoreRequest request, String callingAe) {
    Path file = request.file();
    if (file == null) {
      LOG.atWarn().addKeyValue("callingAe", callingAe).addKeyValue("reason", DicomReader.safeMessage(request.writeFailure()))
          .log("C-STORE object could not be written");
      return StoreOutcome.notStored("The object could not be written; send it again");
    }
    try {
      return receiver.received(file, callingAe);
    } catch (Exception e) {
      if (e instanceof InterruptedException) Thread.currentThread().interrupt();
      LOG.atWarn().addKeyValue("callingAe", callingAe).addKeyValue("reason", DicomReader.safeMessage(e)).log("C-STORE object not stored");
      return StoreOutcome.notStored("The object could not be stored; send it again");
    } finally {
      request.discard();
    }
  }

  /** Stops accepting, drops open associations and waits (blocking, up to 10 s) until the port is free again. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    open.forEach(DicomListener::closeQuietly);
    try {
      acceptor.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String callingAe(Association association) {
    String ae = association == null ? null : association.getCallingAETitle();
    return ae == null ? "" : ae.trim();
  }

  private static void abortQuietly(Association association) {
    try {
      association.abort();
    } catch (Exception ignored) {
      // the socket is closed next
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing more to do
    }
  }
}
