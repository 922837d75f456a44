package org.consilium.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generated token-signing secret of a single-node deployment: {@code keys/jwt.key} under DATA_DIR, readable
 * by the server's user only (0600, directory 0700), created once and reused on restart so that sessions survive.
 */
final class JwtSecretFile {

  static final String FILE_NAME = "jwt.key";
  private static final Logger LOG = LoggerFactory.getLogger(JwtSecretFile.class);
  private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_RWX = PosixFilePermissions.fromString("rwx------");

  private JwtSecretFile() {
  }

  /** Reads the secret, creating it first if absent. Blocking: call on a worker. */
  static String loadOrCreate(Path keysDir) {
    Path file = keysDir.resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) create(keysDir, file);
      String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
      if (secret.length() < SecurityConfig.MIN_SECRET_LENGTH) {
        throw new IllegalStateException(file + " holds no usable secret; delete it to generate a new one");
      }
      warnIfShared(file);
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the token key " + file, e);
    }
  }

  /**
   * Writes a temporary file with owner-only permissions, then links it into place: the link fails if another
   * process created the key meanwhile, so two nodes starting on one DATA_DIR agree on one secret.
   */
  private static void create(Path keysDir, Path file) throws IOException {
    Files.createDirectories(keysDir);
    restrict(keysDir, OWNER_RWX);
    Path tmp = Files.createTempFile(keysDir, "jwt", ".tmp");
    try {
      restrict(tmp, OWNER_RW);
      Files.writeString(tmp, OpaqueTokens.newToken() + "\n", StandardCharsets.US_ASCII, StandardOpenOption.SYNC);
      Files.createLink(file, tmp);
      LOG.atInfo().addKeyValue("file", file.toString()).log("Generated a new token-signing key");
    } catch (FileAlreadyExistsException raced) {
      LOG.debug("Token-signing key created concurrently; using it");
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
    if (Files.getFileStore(path).supportsFileAttributeView("posix")) Files.setPosixFilePermissions(path, permissions);
  }

  private static void warnIfShared(Path file) throws IOException {
    if (!Files.getFileStore(file).supportsFileAttributeView("posix")) return;
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
    if (!OWNER_RW.containsAll(perms)) {
      LOG.atWarn().addKeyValue("file", file.toString()).addKeyValue("permissions", PosixFilePermissions.toString(perms))
          .log("The token-signing key is readable by other users; run chmod 600 on it");
    }
  }
}
