package org.consilium.emr.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The Consilium hospital CA: a self-signed root made at first start, which issues each user's signing certificate.
 * It stands in for a licensed certification authority (in Vietnam a CA licensed under Decree 130/2018 or the
 * Ministry of Health's specialised CA): a deployment replaces it by importing certificates from that CA, and
 * verifiers then trust that CA's root instead of this one. Blocking: call on a worker.
 */
final class HospitalCa {

  static final String ALGORITHM = "SHA256withECDSA";
  private static final String ALIAS = "consilium-ca";

  private final PrivateKey key;
  private final X509Certificate certificate;

  private HospitalCa(PrivateKey key, X509Certificate certificate) {
    this.key = key;
    this.certificate = certificate;
  }

  /** Loads the CA from {@code file}, or creates it there (once: creation never overwrites). */
  static HospitalCa openOrCreate(Path file, char[] password, String organisation) throws IOException, GeneralSecurityException {
    if (!Files.exists(file)) {
      KeyPair pair = newKeyPair();
      X500Name name = name(organisation + " signing CA", organisation);
      X509Certificate cert = issue(name, pair.getPublic(), name, pair.getPrivate(), Duration.ofDays(3650), true);
      Keystores.save(file, ALIAS, pair.getPrivate(), new X509Certificate[] {cert}, password);
    }
    KeyStore ks = Keystores.load(file, password);
    return new HospitalCa((PrivateKey) ks.getKey(ALIAS, password), (X509Certificate) ks.getCertificate(ALIAS));
  }

  X509Certificate certificate() {
    return certificate;
  }

  /** A signing certificate for one user (non-repudiation: it signs clinical documents, nothing else). */
  X509Certificate issueFor(String userId, String displayName, PublicKey userKey, Duration validity) throws GeneralSecurityException {
    X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, displayName).addRDN(BCStyle.UID, userId);
    return issue(subject.build(), userKey, X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), key, validity, false);
  }

  static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    return g.generateKeyPair();
  }

  private static X500Name name(String cn, String organisation) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, cn).addRDN(BCStyle.O, organisation).addRDN(BCStyle.C, "VN").build();
  }

  private static X509Certificate issue(X500Name subject, PublicKey subjectKey, X500Name issuer, PrivateKey issuerKey, Duration validity,
                                       boolean ca) throws GeneralSecurityException {
    Instant now = Instant.now();
    try {
      JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, new SecureRandom()),
          Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject, subjectKey);
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
          : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(ALGORITHM).build(issuerKey)));
    } catch (OperatorCreationException | IOException e) {
      throw new GeneralSecurityException("cannot issue a certificate", e);
    }
  }
}
