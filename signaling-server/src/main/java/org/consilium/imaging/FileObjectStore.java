package org.consilium.imaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Objects as files under {@code <DATA_DIR>/imaging/objects/ab/cd/<uuid>}: staged in {@code imaging/staging},
 * fsynced, renamed atomically into place, and the directory fsynced, so a crash leaves either the whole object
 * or nothing at its name. Staging files left by a crash are swept on start.
 */
public final class FileObjectStore implements ObjectStore {

  private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final Path objects;
  private final Path staging;

  private FileObjectStore(Path root) {
    this.objects = root.resolve("objects");
    this.staging = root.resolve("staging");
  }

  /** Opens (creating) the store under {@code root} and removes staging files of an earlier run. */
  public static FileObjectStore open(Path root) throws IOException {
    FileObjectStore store = new FileObjectStore(root);
    Files.createDirectories(store.objects);
    Files.createDirectories(store.staging);
    try (var leftovers = Files.list(store.staging)) {
      for (Path p : (Iterable<Path>) leftovers::iterator) Files.deleteIfExists(p);
    }
    return store;
  }

  @Override
  public Path stage() throws IOException {
    return Files.createTempFile(staging, "in-", ".part");
  }

  @Override
  public String put(Path staged) throws IOException {
    String id = UUID.randomUUID().toString();
    Path target = path(id);
    Files.createDirectories(target.getParent());
    try (FileChannel ch = FileChannel.open(staged, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    try {
      Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the staging and object directories must be on one filesystem", e);
    }
    syncDirectory(target.getParent());
    return id;
  }

  @Override
  public InputStream get(String id) throws IOException {
    return Files.newInputStream(path(id));
  }

  @Override
  public byte[] getRange(String id, long offset, int length) throws IOException {
    try (FileChannel ch = FileChannel.open(path(id), StandardOpenOption.READ)) {
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate((int) Math.max(0, Math.min(length, ch.size() - offset)));
      while (buf.hasRemaining() && ch.read(buf, offset + buf.position()) >= 0) {
        // read until the range is full or the file ends
      }
      return buf.array();
    }
  }

  @Override
  public long size(String id) throws IOException {
    return Files.size(path(id));
  }

  @Override
  public void delete(String id) throws IOException {
    try {
      Files.delete(path(id));
    } catch (NoSuchFileException e) {
      // already gone
    }
  }

  private Path path(String id) {
    if (!ID.matcher(id).matches()) throw new IllegalArgumentException("not an object id");
    return objects.resolve(id.substring(0, 2)).resolve(id.substring(2, 4)).resolve(id);
  }

  private static void syncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }
}
