package org.consilium.emr;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.consilium.emr.signing.CmsSignatures.Verification;

/**
 * One signed version of a consultation's conclusion: the DiagnosticReport exactly as signed (its canonical JSON)
 * and the minutes PDF, each with its detached CMS signature, and what verifying them found when this was read.
 * Version n > 1 amends version n - 1 ({@code replaces}); a version is never written twice.
 */
public record SignedReport(String id, String patientId, String requestId, int version, int minutesEdition, String replaces,
                           String signerId, String signerName, Instant signedAt, String reportJson, byte[] reportSignature,
                           String pdfSha256, byte[] pdfSignature, List<String> certificateChain, Verification report,
                           Verification pdf) {

  public SignedReport {
    certificateChain = List.copyOf(certificateChain);
  }

  public static String idOf(String requestId, int version) {
    return requestId + "-v" + version;
  }

  /** Valid only when both the report and the PDF verify. */
  public boolean valid() {
    return report != null && report.valid() && pdf != null && pdf.valid();
  }

  SignedReport verified(Verification reportCheck, Verification pdfCheck) {
    return new SignedReport(id, patientId, requestId, version, minutesEdition, replaces, signerId, signerName, signedAt, reportJson,
        reportSignature, pdfSha256, pdfSignature, certificateChain, reportCheck, pdfCheck);
  }

  JsonObject toJson() {
    return new JsonObject().put("id", id).put("patientId", patientId).put("requestId", requestId).put("version", version)
        .put("minutesEdition", minutesEdition).put("replaces", replaces).put("status", version == 1 ? "final" : "amended")
        .put("signedBy", signerId).put("signerName", signerName).put("signedAt", signedAt.toString())
        .put("fhir", new JsonObject().put("diagnosticReport", "DiagnosticReport/" + id).put("provenance", "Provenance/" + id))
        .put("signature", new JsonObject().put("valid", valid()).put("format", "application/pkcs7-signature (detached CMS)")
            .put("report", json(report)).put("minutesPdf", json(pdf)).put("pdfSha256", pdfSha256)
            .put("certificateChain", new JsonArray(certificateChain)));
  }

  private static JsonObject json(Verification v) {
    return v == null ? null : new JsonObject().put("valid", v.valid()).put("signer", v.signer())
        .put("signedAt", v.signedAt() == null ? null : v.signedAt().toString()).put("problem", v.problem());
  }
}
