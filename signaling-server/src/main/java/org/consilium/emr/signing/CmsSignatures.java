package org.consilium.emr.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Store;

/**
 * Detached CMS signatures (RFC 5652, application/pkcs7-signature): the signed document is not inside the
 * envelope; the envelope holds the signer's certificate chain and a signing-time attribute. Blocking: call on a worker.
 */
public final class CmsSignatures {

  /** What a verification found: {@code valid} only if the content matches and the signer chains to the trust anchor. */
  public record Verification(boolean valid, String signer, Instant signedAt, String problem) {
  }

  private CmsSignatures() {
  }

  /** The DER-encoded detached signature of {@code content} by {@code signer}, signing time {@code at}. */
  public static byte[] sign(DocumentSigner signer, byte[] content, Instant at) throws GeneralSecurityException {
    try {
      AlgorithmIdentifier algorithm = new DefaultSignatureAlgorithmIdentifierFinder().find(signer.algorithm());
      ContentSigner adapter = new ContentSigner() {
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
          return algorithm;
        }

        @Override
        public OutputStream getOutputStream() {
          return data;
        }

        @Override
        public byte[] getSignature() {
          try {
            return signer.sign(data.toByteArray());
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the signer refused: " + e.getMessage(), e);
          }
        }
      };
      ASN1EncodableVector attributes = new ASN1EncodableVector();
      attributes.add(new Attribute(CMSAttributes.signingTime, new org.bouncycastle.asn1.DERSet(new Time(Date.from(at)))));
      CMSSignedDataGenerator g = new CMSSignedDataGenerator();
      g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
          .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
          .build(adapter, signer.chain().get(0)));
      g.addCertificates(new JcaCertStore(signer.chain()));
      return g.generate(new CMSProcessableByteArray(content), false).getEncoded();
    } catch (OperatorCreationException | CMSException | IOException | IllegalStateException e) {
      throw new GeneralSecurityException("cannot sign: " + e.getMessage(), e);
    }
  }

  /** Checks {@code signature} over {@code content}, and that its signer's certificate was issued by {@code anchor}. */
  public static Verification verify(byte[] content, byte[] signature, X509Certificate anchor) {
    try {
      CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(content), signature);
      @SuppressWarnings("unchecked")
      Store<X509CertificateHolder> certs = cms.getCertificates();
      Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
      if (signers.size() != 1) return new Verification(false, null, null, "expected one signer, found " + signers.size());
      SignerInformation info = signers.iterator().next();
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> matches = certs.getMatches(info.getSID());
      if (matches.isEmpty()) return new Verification(false, null, null, "the signer's certificate is missing");
      X509Certificate cert = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
      String subject = cert.getSubjectX500Principal().getName();
      Instant at = signingTime(info);
      try {
        cert.verify(anchor.getPublicKey());
        cert.checkValidity(at == null ? new Date() : Date.from(at));
      } catch (GeneralSecurityException e) {
        return new Verification(false, subject, at, "the certificate is not one our CA issued, or had expired: " + e.getMessage());
      }
      boolean ok = info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
      return new Verification(ok, subject, at, ok ? null : "the document does not match its signature");
    } catch (CMSException e) {
      return new Verification(false, null, null, "the document does not match its signature: " + e.getMessage());
    } catch (GeneralSecurityException | OperatorCreationException | RuntimeException e) {
      return new Verification(false, null, null, "unreadable signature: " + e.getMessage());
    }
  }

  private static Instant signingTime(SignerInformation info) {
    AttributeTable signed = info.getSignedAttributes();
    Attribute a = signed == null ? null : signed.get(CMSAttributes.signingTime);
    return a == null ? null : Time.getInstance(a.getAttrValues().getObjectAt(0)).getDate().toInstant();
  }
}
