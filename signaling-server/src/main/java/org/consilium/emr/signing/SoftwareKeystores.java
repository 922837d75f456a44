package org.consilium.emr.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The default signing keys: one PKCS#12 file per user under {@code <dir>/users/}, its EC P-256 key made on the
 * user's first signature and certified by the {@link HospitalCa}. Each keystore's password is
 * HMAC-SHA256(master secret, user id); the master secret is 32 random bytes in {@code <dir>/keystore.secret}
 * (owner-only), made at first start. Nothing secret is in the repository, the configuration or the logs.
 *
 * <p>The trade-off: the server holds the keys (server-side custody), so whoever controls the server's data
 * directory can sign as any user. That is the level of a hospital's internal signing service, not of a personal
 * token; where Circular 46 signatures must be personal, users sign with a PKCS#11 token or a remote signing
 * service behind {@link DocumentSigner} instead. Blocking: call on a worker.
 */
public final class SoftwareKeystores {

  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final Path dir;
  private final byte[] master;
  private final HospitalCa ca;
  private final Duration validity;

  private SoftwareKeystores(Path dir, byte[] master, HospitalCa ca, Duration validity) {
    this.dir = dir;
    this.master = master;
    this.ca = ca;
    this.validity = validity;
  }

  /** Opens (or, the first time, creates) the master secret and the hospital CA under {@code dir}. */
  public static SoftwareKeystores open(Path dir, String organisation, Duration certificateValidity) throws IOException, GeneralSecurityException {
    Files.createDirectories(dir);
    Path secretFile = dir.resolve("keystore.secret");
    if (!Files.exists(secretFile)) {
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      Path tmp = Files.createTempFile(dir, ".secret", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(tmp, Base64.getEncoder().encode(fresh));
      Files.move(tmp, secretFile);
    }
    byte[] master = Base64.getDecoder().decode(Files.readString(secretFile, StandardCharsets.US_ASCII).trim());
    SoftwareKeystores partial = new SoftwareKeystores(dir, master, null, certificateValidity);
    HospitalCa ca = HospitalCa.openOrCreate(dir.resolve("ca.p12"), partial.password("hospital-ca"), organisation);
    return new SoftwareKeystores(dir, master, ca, certificateValidity);
  }

  /** The root every signature made here chains to. */
  public X509Certificate trustAnchor() {
    return ca.certificate();
  }

  /** The user's signer; the key and certificate are made on first use. */
  public synchronized DocumentSigner signerFor(String userId, String displayName) throws IOException, GeneralSecurityException {
    if (!USER_ID.matcher(userId).matches()) throw new IllegalArgumentException("user id unsuitable for a file name");
    Path file = dir.resolve("users").resolve(userId + ".p12");
    char[] password = password(userId);
    if (!Files.exists(file)) {
      KeyPair pair = HospitalCa.newKeyPair();
      X509Certificate cert = ca.issueFor(userId, displayName, pair.getPublic(), validity);
      Keystores.save(file, userId, pair.getPrivate(), new X509Certificate[] {cert, ca.certificate()}, password);
    }
    KeyStore ks = Keystores.load(file, password);
    PrivateKey key = (PrivateKey) ks.getKey(userId, password);
    List<X509Certificate> chain = java.util.Arrays.stream(ks.getCertificateChain(userId)).map(c -> (X509Certificate) c).toList();
    return new DocumentSigner() {
      @Override
      public List<X509Certificate> chain() {
        return chain;
      }

      @Override
      public String algorithm() {
        return HospitalCa.ALGORITHM;
      }

      @Override
      public byte[] sign(byte[] data) throws GeneralSecurityException {
        Signature s = Signature.getInstance(HospitalCa.ALGORITHM);
        s.initSign(key);
        s.update(data);
        return s.sign();
      }
    };
  }

  private char[] password(String name) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(master, "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(name.getBytes(StandardCharsets.UTF_8))).toCharArray();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
