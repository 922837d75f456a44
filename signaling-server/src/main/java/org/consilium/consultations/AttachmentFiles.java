package org.consilium.consultations;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Attachment files under {@code DATA_DIR/attachments/<requestId>/<attachmentId>}. A file is written to a temporary
 * name, forced to disk and then renamed into place, so a reader sees a whole file or none; its SHA-256 is
 * computed on the way and checked again when it is read back. Runs on its own worker pool.
 */
final class AttachmentFiles {

  private final Path root;
  private final WorkerExecutor workers;

  AttachmentFiles(Path dataDir, WorkerExecutor workers) {
    this.root = dataDir.resolve("attachments");
    this.workers = workers;
  }

  /** Stores the bytes; returns their SHA-256 in hex. */
  Future<String> store(String requestId, String attachmentId, Buffer bytes) {
    return workers.executeBlocking(() -> {
      Path dir = Files.createDirectories(root.resolve(safe(requestId)));
      Path tmp = dir.resolve(safe(attachmentId) + ".part");
      byte[] data = bytes.getBytes();
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer b = ByteBuffer.wrap(data);
        while (b.hasRemaining()) ch.write(b);
        ch.force(true);
      }
      Files.move(tmp, dir.resolve(safe(attachmentId)), StandardCopyOption.ATOMIC_MOVE);
      return sha256(data);
    }, false);
  }

  /** The bytes, if they still match their checksum; fails otherwise (a damaged file is never served as good). */
  Future<Buffer> read(String requestId, String attachmentId, String expectedSha256) {
    return workers.executeBlocking(() -> {
      byte[] data = Files.readAllBytes(root.resolve(safe(requestId)).resolve(safe(attachmentId)));
      if (!sha256(data).equals(expectedSha256)) throw new IOException("attachment " + attachmentId + " does not match its checksum");
      return Buffer.buffer(data);
    }, false);
  }

  Future<Void> delete(String requestId, String attachmentId) {
    return workers.executeBlocking(() -> {
      Files.deleteIfExists(root.resolve(safe(requestId)).resolve(safe(attachmentId)));
      return null;
    }, false);
  }

  /** Ids are server-made UUIDs; refuse anything that could leave the folder. */
  private static String safe(String id) {
    if (!id.matches("[0-9a-f-]{36}")) throw new IllegalArgumentException("not an id");
    return id;
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
