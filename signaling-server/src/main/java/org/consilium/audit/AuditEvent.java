package org.consilium.audit;

import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Objects;
import org.consilium.access.Principal;
import org.consilium.http.RequestIds;

/**
 * One audited access: who (user, role, hospital), when, what (action on a resource), which patient, with
 * what outcome, from where. {@code detail} is a short machine-readable note, never patient data
 * (no names, no citizen IDs, no clinical text).
 *
 * @param actorUserId null for a failed login of an unknown username; {@code actorName} then holds what was typed
 */
public record AuditEvent(Instant at, String actorUserId, String actorName, String actorRole, String actorHospitalId,
                         AuditAction action, String resourceType, String resourceId, String patientId,
                         AuditOutcome outcome, String clientAddress, String requestId, String detail) {

  public AuditEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(resourceType, "resourceType");
  }

  /** Starts an event for the authenticated caller of this request. */
  public static Builder by(RoutingContext ctx, Principal who) {
    return new Builder(ctx).actor(who);
  }

  /** Starts an event for a request with no authenticated caller (login attempts). */
  public static Builder anonymous(RoutingContext ctx) {
    return new Builder(ctx);
  }

  /** Starts an event for work the server does by itself, outside any request (analysis on ingest). */
  public static Builder system(String actorName) {
    return new Builder(null, null).actorName(actorName);
  }

  public static final class Builder {
    private final String clientAddress;
    private final String requestId;
    private String userId;
    private String name;
    private String role;
    private String hospitalId;
    private String resourceType;
    private String resourceId;
    private String patientId;
    private String detail;

    private Builder(RoutingContext ctx) {
      this(ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress(), RequestIds.of(ctx));
    }

    private Builder(String clientAddress, String requestId) {
      this.clientAddress = clientAddress;
      this.requestId = requestId;
    }

    public Builder actor(Principal who) {
      this.userId = who.userId();
      this.name = who.username();
      this.role = who.role().wire();
      this.hospitalId = who.hospitalId();
      return this;
    }

    /** For login attempts: the account as typed, before anyone is authenticated. */
    public Builder actorName(String typedUsername) {
      this.name = typedUsername;
      return this;
    }

    public Builder resource(String type, String id) {
      this.resourceType = type;
      this.resourceId = id;
      return this;
    }

    public Builder patient(String id) {
      this.patientId = id;
      return this;
    }

    public Builder detail(String note) {
      this.detail = note;
      return this;
    }

    public AuditEvent build(AuditAction action, AuditOutcome outcome) {
      return new AuditEvent(Instant.now(), userId, name, role, hospitalId, action,
          resourceType == null ? "none" : resourceType, resourceId, patientId, outcome, clientAddress, requestId, detail);
    }
  }
}
