package org.consilium.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.consilium.access.Authenticator;
import org.consilium.access.Principal;
import org.consilium.access.Role;

/**
 * Mounts API routes with their access rule, so that no route can exist without one (deny by default):
 * a route is either declared public or names the roles allowed. Authentication runs before the body is
 * read, so an anonymous caller cannot make the server buffer a large body.
 *
 * <pre>
 * api.route(GET, "/api/patients/:patientId").roles(Role.CLINICAL).patient("patientId")
 *    .summary("Read a patient").handler(this::read);
 * </pre>
 */
public final class RouteTable {

  private static final String PRINCIPAL = "principal";
  private static final String ENDPOINT = "endpoint";

  private final Router router;
  private final Authenticator authenticator;
  private final EndpointCatalog catalog;
  private final long maxBodyBytes;

  public RouteTable(Router router, Authenticator authenticator, EndpointCatalog catalog, long maxBodyBytes) {
    this.router = router;
    this.authenticator = authenticator;
    this.catalog = catalog;
    this.maxBodyBytes = maxBodyBytes;
  }

  public Builder route(HttpMethod method, String path) {
    return new Builder(method, path);
  }

  /** The caller of an authenticated route; never null inside such a route's handler. */
  public static Principal principal(RoutingContext ctx) {
    return Objects.requireNonNull(principalOrNull(ctx), "route is not authenticated");
  }

  static Principal principalOrNull(RoutingContext ctx) {
    return ctx.get(PRINCIPAL);
  }

  /** The declared path of the matched endpoint, safe to log (no identifiers, no query). */
  static String routePattern(RoutingContext ctx) {
    Endpoint e = ctx.get(ENDPOINT);
    if (e != null) return e.path();
    return ctx.request().path().startsWith("/api/") ? "unmatched" : "static";
  }

  public static Endpoint endpoint(RoutingContext ctx) {
    return ctx.get(ENDPOINT);
  }

  /** Declares one endpoint; nothing is mounted until {@link #handler} is called. */
  public final class Builder {
    private final HttpMethod method;
    private final String path;
    private Set<Role> roles;
    private String patientPath;
    private String summary = "";
    private boolean readsBody;
    private long bodyLimit = -1;
    private boolean streamsBody;

    private Builder(HttpMethod method, String path) {
      this.method = method;
      this.path = path;
      this.readsBody = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
    }

    public Builder roles(Set<Role> allowed) {
      if (allowed.isEmpty()) throw new IllegalArgumentException("no role named for " + path + "; use publicAccess()");
      this.roles = EnumSet.copyOf(allowed);
      return this;
    }

    public Builder roles(Role first, Role... rest) {
      return roles(EnumSet.of(first, rest));
    }

    public Builder publicAccess() {
      this.roles = Set.of();
      return this;
    }

    /** The path parameter that names the patient; the handler must check the care relationship. */
    public Builder patient(String pathParam) {
      this.patientPath = pathParam;
      return this;
    }

    public Builder summary(String text) {
      this.summary = text;
      return this;
    }

    /** A body of up to {@code bytes} (file uploads), instead of the JSON limit; also for GET-less raw bodies. */
    public Builder bodyLimit(long bytes) {
      this.bodyLimit = bytes;
      this.readsBody = true;
      return this;
    }

    /** The handler reads the body itself (streamed uploads) and resumes the paused request; no buffering. */
    public Builder streamingBody() {
      this.readsBody = false;
      this.streamsBody = true;
      return this;
    }

    public Route handler(Handler<RoutingContext> handler) {
      if (roles == null) throw new IllegalStateException("no access rule for " + method + " " + path);
      Endpoint endpoint = new Endpoint(method, path, roles, patientPath, summary);
      catalog.add(endpoint);
      boolean holdsBody = readsBody || streamsBody;
      Route route = router.route(method, path).handler(ctx -> {
        ctx.put(ENDPOINT, endpoint);
        // Hold the body back until the caller is authenticated; the body handler (or a streaming handler) resumes it.
        if (holdsBody) ctx.request().pause();
        ctx.next();
      });
      if (!endpoint.isPublic()) {
        route.handler(RouteTable.this::authenticate).handler(ctx -> authorize(ctx, endpoint));
      }
      if (readsBody) {
        // Vert.x 5 refuses a BodyHandler after user handlers on one route; as a plain handler it may follow them.
        BodyHandler body = BodyHandler.create(false).setBodyLimit(bodyLimit > 0 ? bodyLimit : maxBodyBytes);
        route.handler(body::handle);
      }
      return route.handler(handler);
    }
  }

  private void authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() < 8) {
      ctx.fail(new ApiException(ErrorCode.UNAUTHENTICATED, "Send an access token: Authorization: Bearer <token>"));
      return;
    }
    authenticator.authenticate(header.substring(7).trim()).onComplete(ar -> {
      if (ar.succeeded()) {
        ctx.put(PRINCIPAL, ar.result());
        ctx.next();
      } else if (ar.cause() instanceof Authenticator.Unauthenticated u) {
        ctx.fail(new ApiException(ErrorCode.TOKEN_INVALID, u.getMessage()));
      } else {
        ctx.fail(ar.cause());
      }
    });
  }

  private static void authorize(RoutingContext ctx, Endpoint endpoint) {
    Principal who = principal(ctx);
    if (!endpoint.allows(who.role())) {
      ctx.fail(new ApiException(ErrorCode.FORBIDDEN, "Role " + who.role().wire() + " may not " + endpoint.summary().toLowerCase()));
      return;
    }
    ctx.next();
  }
}
