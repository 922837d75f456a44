package org.consilium.emr.signing;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * One person's signing key. The default is a software keystore per user ({@link SoftwareKeystores}); a USB token
 * implements this over PKCS#11 (the JDK's SunPKCS11 provider: the token's certificate chain, and
 * {@code Signature.getInstance(algorithm(), pkcs11Provider)} over the token's private key, the PIN typed by the
 * signer), a remote signing service by sending the data (or its digest) and returning the raw signature it sends back.
 * The CMS envelope is built around it by {@link CmsSignatures}, so every implementation yields the same format.
 */
public interface DocumentSigner {

  /** The signer's certificate first, then the issuers up to (and including) the trust anchor. */
  List<X509Certificate> chain();

  /** The JCA signature algorithm of the key, e.g. SHA256withECDSA or SHA256withRSA. */
  String algorithm();

  /** The raw signature of {@code data} (the DER signed attributes of the CMS envelope). May block: call on a worker. */
  byte[] sign(byte[] data) throws GeneralSecurityException;
}
