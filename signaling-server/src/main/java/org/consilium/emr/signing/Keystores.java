package org.consilium.emr.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** PKCS#12 files, written atomically (temporary file, then move) so that a crash never leaves half a keystore. */
final class Keystores {

  private Keystores() {
  }

  static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      ks.load(in, password);
    }
    return ks;
  }

  static void save(Path file, String alias, PrivateKey key, X509Certificate[] chain, char[] password)
      throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry(alias, key, password, chain);
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), ".keystore", ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      ks.store(out, password);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
