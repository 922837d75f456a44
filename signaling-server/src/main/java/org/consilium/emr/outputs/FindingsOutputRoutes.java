package org.consilium.emr.outputs;

import static io.vertx.core.http.HttpMethod.POST;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import org.consilium.access.Principal;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.http.JsonInput;
import org.consilium.http.JsonReply;
import org.consilium.http.RouteTable;
import org.consilium.imaging.IngestResult;

/** DICOM outputs of accepted findings: write the SR and SEG of an analysis; send stored objects to the hospital PACS. */
public final class FindingsOutputRoutes {

  private static final String UID = "[0-9]+(\\.[0-9]+)*";

  private final FindingsOutputs outputs;

  public FindingsOutputRoutes(FindingsOutputs outputs) {
    this.outputs = outputs;
  }

  public void mount(RouteTable api) {
    api.route(POST, "/api/patients/:patientId/lesion-analyses/:analysisId/dicom-outputs").roles(Role.CLINICAL).patient("patientId")
        .summary("Write accepted findings as DICOM SR (TID 1500) and SEG").handler(this::write);
    api.route(POST, "/api/patients/:patientId/imaging/pacs-sends").roles(Role.CLINICAL).patient("patientId")
        .summary("Send stored DICOM objects to the hospital PACS").handler(this::send);
  }

  private void write(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    String patientId = ctx.pathParam("patientId");
    outputs.visible(who, patientId, AuditAction.CREATE, AuditEvent.by(ctx, who)).compose(v -> {
      JsonInput in = JsonInput.of(ctx, "sopInstanceUid", "frame");
      String source = in.text("sopInstanceUid", 1, 64, true);
      if (source != null && !source.matches(UID)) in.error("sopInstanceUid", "must be a DICOM UID (digits and dots)");
      Long frame = in.integer("frame", 1, 100_000, false);
      in.throwIfInvalid();
      return outputs.write(who, patientId, ctx.pathParam("analysisId"), source, frame == null ? 1 : frame.intValue(),
          AuditEvent.by(ctx, who), AuditEvent.by(ctx, who));
    }).onSuccess(w -> JsonReply.send(ctx, w.report().status() == IngestResult.Status.STORED ? 201
            : IngestResult.httpStatus(List.of(w.report(), w.segmentation())), w.toJson()))
        .onFailure(ctx::fail);
  }

  private void send(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    String patientId = ctx.pathParam("patientId");
    outputs.visible(who, patientId, AuditAction.EXPORT, AuditEvent.by(ctx, who)).compose(v -> {
      JsonInput in = JsonInput.of(ctx, "sopInstanceUids");
      JsonArray uids = in.array("sopInstanceUids", 100, true);
      List<String> chosen = new ArrayList<>();
      if (uids != null) {
        if (uids.isEmpty()) in.error("sopInstanceUids", "name at least one instance");
        for (Object o : uids) {
          if (o instanceof String s && s.matches(UID) && s.length() <= 64) chosen.add(s);
          else in.error("sopInstanceUids", "every item must be a DICOM UID (digits and dots)");
        }
      }
      in.throwIfInvalid();
      return outputs.send(who, patientId, chosen, AuditEvent.by(ctx, who));
    }).onSuccess(results -> {
          boolean all = results.stream().allMatch(r -> "sent".equals(((JsonObject) r).getString("status")));
          JsonReply.send(ctx, all ? 200 : 502, new JsonObject().put("results", results));
        })
        .onFailure(ctx::fail);
  }
}
