package org.consilium.consultations;

import static io.vertx.core.http.HttpMethod.POST;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.UUID;
import org.consilium.access.Principal;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.http.ApiException;
import org.consilium.http.JsonInput;
import org.consilium.http.JsonReply;
import org.consilium.http.RouteTable;

/**
 * Attaches one of the patient's stored imaging studies (a CT pulled from the hospital PACS, say) to a request,
 * so the consultants see it on the request and in the room. The study stays in the imaging store; the request
 * keeps its UID and what describes it. Attaching the same study twice answers the first attachment.
 */
final class StudyAttachments {

  private static final int UID_MAX = 64;

  private final RequestService requests;
  private volatile PatientStudies studies = (patientId, uid) -> Future.succeededFuture(Optional.empty());

  StudyAttachments(RequestService requests) {
    this.requests = requests;
  }

  /** Imaging starts after consultations; until it is wired no study can be found. */
  void lookUpIn(PatientStudies imaging) {
    this.studies = imaging;
  }

  void mount(RouteTable api) {
    api.route(POST, RequestRoutes.BASE + "/:requestId/studies").roles(Role.CLINICAL)
        .summary("Attach one of the patient's stored imaging studies to a consultation request").handler(this::attach);
  }

  /** {"studyInstanceUid": "1.2.840..."}; visibility first, then the input, then the study of that very patient. */
  private void attach(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    String id = ctx.pathParam("requestId");
    AuditEvent.Builder event = AuditEvent.by(ctx, who);
    requests.visible(who, id, AuditAction.CREATE, event).compose(seen -> {
      JsonInput in = JsonInput.of(ctx, "studyInstanceUid");
      String uid = in.text("studyInstanceUid", 1, UID_MAX, true);
      if (uid != null && !uid.matches("[0-9]+(\\.[0-9]+)*")) in.error("studyInstanceUid", "is not a DICOM UID (digits and dots)");
      in.throwIfInvalid();
      Optional<Attachment> already = seen.request().attachments().stream()
          .filter(a -> "imaging_study".equals(a.kind()) && uid.equals(a.reference())).findFirst();
      if (already.isPresent()) return Future.succeededFuture(new Attached(already.get(), false));
      return studies.find(seen.request().patientId(), uid).compose(found -> {
        if (found.isEmpty()) throw ApiException.invalid("/studyInstanceUid", "the patient has no stored study with this UID");
        PatientStudies.Study s = found.get();
        String label = String.join(" · ", java.util.stream.Stream.of(s.date(), s.modalities(), s.description())
            .filter(v -> v != null && !v.isBlank()).toList());
        Attachment a = new Attachment(UUID.randomUUID().toString(), "imaging_study", label.isEmpty() ? uid : label,
            "application/dicom", s.instances(), null, uid, who.userId(), RequestService.now());
        return requests.attach(who, id, a, event).map(saved -> new Attached(a, true));
      });
    }).onSuccess(done -> JsonReply.send(ctx, done.created() ? 201 : 200, done.attachment().toJson()))
        .onFailure(ctx::fail);
  }

  private record Attached(Attachment attachment, boolean created) {
  }
}
