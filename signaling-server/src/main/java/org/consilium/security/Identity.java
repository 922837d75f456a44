package org.consilium.security;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.net.URI;
import org.consilium.access.Authenticator;
import org.consilium.audit.AuditTrail;
import org.consilium.config.Settings;
import org.consilium.http.RouteTable;
import org.consilium.store.Store;

/**
 * The identity capability: hospitals, users, passwords, sessions, tokens and single sign-on. The server gets
 * an {@link Authenticator} for every protected route and mounts the identity API; nothing else is public.
 */
public final class Identity {

  private final TokenAuthenticator authenticator;
  private final PasswordHasher hasher;
  private final OidcClient oidc;
  private final AuthRoutes authRoutes;
  private final SsoRoutes ssoRoutes;
  private final UserRoutes userRoutes;
  private final AccountRoutes accountRoutes;
  private final HospitalRoutes hospitalRoutes;
  private final StaffDirectory directory;

  private Identity(Vertx vertx, SecurityConfig config, OidcConfig oidcConfig, Store store, AuditTrail audit,
                   PasswordHasher hasher, String jwtSecret) {
    this.hasher = hasher;
    HospitalStore hospitals = new HospitalStore(store);
    UserStore users = new UserStore(store);
    SessionStore sessionStore = new SessionStore(store);
    AccessTokens tokens = AccessTokens.create(vertx, jwtSecret, config.issuer(), config.accessTtl());
    SessionService sessions = new SessionService(sessionStore, users, hospitals, tokens, audit, config.refreshTtl());
    Lockout lockout = new Lockout(users, audit, config.maxFailures(), config.lockout());
    UserService userService = new UserService(users, hospitals, hasher, sessions, audit);
    PasswordService passwords = new PasswordService(users, hasher, lockout, sessions, audit);
    this.authenticator = new TokenAuthenticator(tokens, sessionStore, users);
    this.oidc = new OidcClient(vertx, oidcConfig);
    this.authRoutes = new AuthRoutes(new LoginService(users, hasher, lockout, sessions, audit), sessions, audit);
    this.ssoRoutes = new SsoRoutes(oidcConfig, oidc, new SsoLogins(store), users, sessions, audit);
    this.userRoutes = new UserRoutes(userService, passwords);
    this.accountRoutes = new AccountRoutes(userService, passwords);
    this.hospitalRoutes = new HospitalRoutes(new HospitalService(hospitals, audit));
    this.directory = new StaffDirectory(users, hospitals);
  }

  /**
   * Checks the configuration, loads or creates the token key, creates indexes and, on a fresh installation,
   * the first administrator (a generated password goes to {@code console}, once).
   */
  public static Future<Identity> start(Vertx vertx, Settings settings, URI publicUrl, Store store, AuditTrail audit,
                                       PrintStream console) {
    SecurityConfig config;
    OidcConfig oidcConfig;
    try {
      config = SecurityConfig.from(settings, publicUrl.toString());
      oidcConfig = OidcConfig.from(settings, publicUrl);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    HospitalStore hospitals = new HospitalStore(store);
    UserStore users = new UserStore(store);
    Future<String> secret = config.jwtSecret().isEmpty()
        ? vertx.executeBlocking(() -> JwtSecretFile.loadOrCreate(config.keysDir()), false)
        : Future.succeededFuture(config.jwtSecret());
    return Future.all(hospitals.ensureIndexes(), users.ensureIndexes(), new SessionStore(store).ensureIndexes())
        .compose(v -> PasswordHasher.create(vertx))
        .compose(hasher -> new Bootstrap(hospitals, users, hasher, console).ensureAdministrator(config.adminPassword())
            .compose(v -> secret)
            .map(key -> new Identity(vertx, config, oidcConfig, store, audit, hasher, key)));
  }

  public Authenticator authenticator() {
    return authenticator;
  }

  /** Staff and hospital lookups for other capabilities. */
  public StaffDirectory directory() {
    return directory;
  }

  public void mount(RouteTable api) {
    authRoutes.mount(api);
    ssoRoutes.mount(api);
    accountRoutes.mount(api);
    userRoutes.mount(api);
    hospitalRoutes.mount(api);
  }

  public Future<Void> stop() {
    return oidc.close().eventually(hasher::close);
  }
}
