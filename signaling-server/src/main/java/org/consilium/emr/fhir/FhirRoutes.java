package org.consilium.emr.fhir;

import static io.vertx.core.http.HttpMethod.GET;

import ca.uhn.fhir.parser.IParser;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import org.consilium.access.Principal;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.emr.EmrRecords;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.http.RouteTable;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * {@code /fhir}: the electronic record as FHIR R4, read and search, JSON or XML (Accept or {@code _format}),
 * errors as OperationOutcome. Same access rule as the rest of the API: a resource about a patient the caller may
 * not see is the same 404 as one that does not exist; every access is audited before the answer.
 */
public final class FhirRoutes {

  static final List<String> TYPES = List.of("Patient", "ServiceRequest", "Appointment", "Encounter", "ImagingStudy",
      "DiagnosticReport", "Observation", "Media", "Device", "Provenance", "AuditEvent");

  private final EmrRecords records;
  private final FhirDocuments fhir;

  public FhirRoutes(EmrRecords records, FhirDocuments fhir) {
    this.records = records;
    this.fhir = fhir;
  }

  public void mount(Router router, RouteTable api) {
    router.route("/fhir/*").failureHandler(this::outcome);
    api.route(GET, "/fhir/metadata").publicAccess().summary("FHIR CapabilityStatement").handler(this::metadata);
    api.route(GET, "/fhir/:type").roles(Role.CLINICAL).summary("Search FHIR resources of a patient").handler(this::search);
    api.route(GET, "/fhir/:type/:id").roles(Role.CLINICAL).summary("Read a FHIR resource").handler(this::read);
  }

  private void metadata(RoutingContext ctx) {
    CapabilityStatement c = new CapabilityStatement();
    c.setStatus(Enumerations.PublicationStatus.ACTIVE).setDate(new java.util.Date()).setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
    c.setFhirVersion(Enumerations.FHIRVersion._4_0_1).addFormat("json").addFormat("xml");
    c.getSoftware().setName("Consilium");
    c.getImplementation().setDescription("Consilium teleconsultation record").setUrl(fhir.baseUrl());
    CapabilityStatement.CapabilityStatementRestComponent rest = c.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
    rest.getSecurity().setDescription("OAuth2-style bearer token of Consilium; care relationship per patient");
    for (String type : TYPES) {
      CapabilityStatement.CapabilityStatementRestResourceComponent r = rest.addResource().setType(type);
      r.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
      r.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
      if (!type.equals("Device")) {
        r.addSearchParam().setName("patient").setType(Enumerations.SearchParamType.REFERENCE);
        r.addSearchParam().setName("date").setType(Enumerations.SearchParamType.DATE);
        r.addSearchParam().setName("status").setType(Enumerations.SearchParamType.TOKEN);
        r.addSearchParam().setName("category").setType(Enumerations.SearchParamType.TOKEN);
      }
    }
    send(ctx, 200, c);
  }

  private void search(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    String type = ctx.pathParam("type");
    Future<List<Resource>> found;
    try {
      supported(type);
      for (String name : ctx.queryParams().names()) {
        if (!FhirSearch.PARAMETERS.contains(name)) throw FhirSearch.invalid(name, "not supported; use " + String.join(", ", FhirSearch.PARAMETERS));
      }
      String patientId = FhirSearch.patient(ctx.queryParams().get("patient"), ctx.queryParams().get("subject"));
      var filter = FhirSearch.filter(ctx.queryParams().getAll("date"), ctx.queryParams().get("status"), ctx.queryParams().get("category"));
      if (type.equals("Device")) {
        found = devices().map(list -> list.stream().map(i -> i.resource()).toList());
      } else if (patientId == null) {
        throw FhirSearch.invalid("patient", "is required: every search is about one patient");
      } else {
        found = records.read(who, patientId, type, AuditAction.SEARCH, "fhir " + type, AuditEvent.by(ctx, who))
            .compose(r -> fhir.onWorker(() -> FhirRecord.resources(fhir.context(), r).stream()
                .filter(i -> i.type().equals(type)).filter(filter).map(Indexed::resource).toList()));
      }
    } catch (ApiException e) {
      ctx.fail(e);
      return;
    }
    found.onSuccess(list -> {
      Bundle b = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(list.size());
      b.addLink().setRelation("self").setUrl(fhir.baseUrl() + "/" + type + (ctx.request().query() == null ? "" : "?" + ctx.request().query()));
      list.forEach(r -> b.addEntry().setFullUrl(fhir.baseUrl() + "/" + type + "/" + r.getIdElement().getIdPart()).setResource(r)
          .getSearch().setMode(Bundle.SearchEntryMode.MATCH));
      send(ctx, 200, b);
    }).onFailure(ctx::fail);
  }

  private void read(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    String type = ctx.pathParam("type");
    String id = ctx.pathParam("id");
    try {
      supported(type);
    } catch (ApiException e) {
      ctx.fail(e);
      return;
    }
    Future<Optional<Resource>> found = type.equals("Device")
        ? devices().map(list -> list.stream().filter(i -> i.id().equals(id)).findFirst().map(Indexed::resource))
        : records.patientOf(type, id).compose(patient -> patient.isEmpty() ? Future.failedFuture(notFound(type, id))
            : records.read(who, patient.get(), type, AuditAction.READ, "fhir " + type + "/" + id, AuditEvent.by(ctx, who))
                .compose(r -> fhir.onWorker(() -> FhirRecord.resources(fhir.context(), r).stream()
                    .filter(i -> i.type().equals(type) && i.id().equals(id)).findFirst().map(Indexed::resource))));
    found.onSuccess(r -> {
      if (r.isEmpty()) ctx.fail(notFound(type, id));
      else send(ctx, 200, r.get());
    }).onFailure(ctx::fail);
  }

  private Future<List<Indexed>> devices() {
    return records.models().map(models -> models.stream()
        .map(m -> new Indexed(FindingResources.device(m.getKey(), m.getValue()), null, null, "active", List.of())).toList());
  }

  private static void supported(String type) {
    if (!TYPES.contains(type)) {
      throw new ApiException(ErrorCode.FHIR_TYPE_NOT_SUPPORTED, "Resource type " + type + " is not served here; types: " + String.join(", ", TYPES));
    }
  }

  private static ApiException notFound(String type, String id) {
    return new ApiException(ErrorCode.NOT_FOUND, type + "/" + id + " is not known (or not yours to see)");
  }

  /** ApiExceptions (and anything else, as 500) as an OperationOutcome in the asked format. */
  private void outcome(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    ApiException api = failure instanceof ApiException a ? a
        : ctx.statusCode() == 404 ? new ApiException(ErrorCode.NOT_FOUND, "No such FHIR endpoint")
        : new ApiException(ErrorCode.INTERNAL, "The server failed; the request id identifies it in the log");
    if (!(failure instanceof ApiException) && failure != null) {
      org.slf4j.LoggerFactory.getLogger(FhirRoutes.class).error("fhir request failed", failure);
    }
    OperationOutcome o = new OperationOutcome();
    o.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(switch (api.code().status()) {
      case 400 -> OperationOutcome.IssueType.INVALID;
      case 401 -> OperationOutcome.IssueType.LOGIN;
      case 403 -> OperationOutcome.IssueType.FORBIDDEN;
      case 404 -> OperationOutcome.IssueType.NOTFOUND;
      default -> OperationOutcome.IssueType.EXCEPTION;
    }).setDiagnostics(api.code().code() + " " + api.code().title() + (api.getMessage() == null ? "" : ": " + api.getMessage()));
    send(ctx, api.code().status(), o);
  }

  private void send(RoutingContext ctx, int status, Resource r) {
    boolean xml = wantsXml(ctx);
    IParser parser = xml ? fhir.context().newXmlParser() : fhir.context().newJsonParser();
    fhir.onWorker(() -> parser.setPrettyPrint(false).encodeResourceToString(r)).onComplete(ar -> {
      if (ctx.response().ended()) return;
      if (ar.failed()) {
        ctx.response().setStatusCode(500).end();
        return;
      }
      ctx.response().setStatusCode(status).putHeader("Content-Type", (xml ? "application/fhir+xml" : "application/fhir+json") + ";charset=utf-8")
          .putHeader("Cache-Control", "no-store").end(ar.result());
    });
  }

  private static boolean wantsXml(RoutingContext ctx) {
    String format = ctx.queryParams().get("_format");
    if (format != null) return format.contains("xml");
    String accept = ctx.request().getHeader("Accept");
    return accept != null && accept.contains("xml") && !accept.contains("json");
  }
}
