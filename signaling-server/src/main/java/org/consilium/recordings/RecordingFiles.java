package org.consilium.recordings;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
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
 * Recording files. An upload grows {@code recordings/partial/<id>.part} (each chunk written at its offset and
 * forced to disk before it is counted, so a restart resumes from what the store says); a finished recording is
 * renamed atomically to {@code recordings/<sessionId>/<id>.webm} and the directory forced. Blocking work runs
 * on the recordings' own worker pool.
 */
final class RecordingFiles {

  private final Path root;
  private final Path partial;
  private final WorkerExecutor workers;

  RecordingFiles(Path root, WorkerExecutor workers) {
    this.root = root;
    this.partial = root.resolve("partial");
    this.workers = workers;
  }

  /** Writes {@code bytes} at {@code offset}, cutting anything after them (left by a crash before counting). */
  Future<Void> write(String id, long offset, Buffer bytes) {
    return workers.executeBlocking(() -> {
      Files.createDirectories(partial);
      try (FileChannel ch = FileChannel.open(partialFile(id), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        ByteBuffer b = ByteBuffer.wrap(bytes.getBytes());
        long at = offset;
        while (b.hasRemaining()) at += ch.write(b, at);
        ch.truncate(at);
        ch.force(true);
      }
      return null;
    }, false);
  }

  /**
   * The SHA-256 of the first {@code length} bytes received, read back from disk. Finds the file published
   * already, when a crash came between publishing and recording that it was.
   */
  Future<String> digest(String sessionId, String id, long length) {
    return workers.executeBlocking(() -> {
      Path published = finalFile(sessionId, id);
      Path file = Files.exists(published) ? published : partialFile(id);
      if (!Files.exists(file)) {
        if (length == 0) return sha256(new byte[0]);
        throw new IOException("the uploaded part of recording " + id + " is missing");
      }
      if (file.equals(partialFile(id))) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
          ch.truncate(length);
        }
      }
      return digestOf(file);
    }, false);
  }

  /** Forces the file and renames it into the session's folder; a recording already there stays as it is. */
  Future<Void> publish(String sessionId, String id) {
    return workers.executeBlocking(() -> {
      Path target = finalFile(sessionId, id);
      if (Files.exists(target)) return null;
      Path source = partialFile(id);
      if (!Files.exists(source)) Files.createFile(source);
      try (FileChannel ch = FileChannel.open(source, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.createDirectories(target.getParent());
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
      try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
        dir.force(true);
      }
      return null;
    }, false);
  }

  /** The published file, once its bytes are checked against the checksum stored with it. */
  Future<Path> verified(String sessionId, String id, String sha256) {
    return workers.executeBlocking(() -> {
      Path file = finalFile(sessionId, id);
      if (!digestOf(file).equals(sha256)) throw new IOException("recording " + id + " does not match its checksum");
      return file;
    }, false);
  }

  Future<Void> delete(String sessionId, String id) {
    return workers.executeBlocking(() -> {
      Files.deleteIfExists(finalFile(sessionId, id));
      Files.deleteIfExists(partialFile(id));
      return null;
    }, false);
  }

  private Path partialFile(String id) {
    return partial.resolve(safe(id) + ".part");
  }

  private Path finalFile(String sessionId, String id) {
    return root.resolve(safe(sessionId)).resolve(safe(id) + ".webm");
  }

  /** Ids are UUIDs; refuse anything that could leave the folder. */
  private static String safe(String id) {
    if (!id.matches("[0-9a-f-]{36}")) throw new IllegalArgumentException("not an id");
    return id;
  }

  private static String digestOf(Path file) throws IOException {
    MessageDigest sha = sha256();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) sha.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static String sha256(byte[] data) {
    return HexFormat.of().formatHex(sha256().digest(data));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
