package org.consilium.security;

import io.vertx.core.Future;
import java.io.PrintStream;
import java.time.Instant;
import java.util.UUID;
import org.consilium.access.Role;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a fresh installation usable: when no active administrator exists, creates the hospital SYS and the
 * user {@code admin}. Safe when several nodes start at once: the unique indexes on hospital code and username
 * let exactly one node create each, and only that node prints a generated password.
 */
final class Bootstrap {

  static final String ADMIN_USERNAME = "admin";
  static final String SYSTEM_HOSPITAL_CODE = "SYS";
  private static final int GENERATED_PASSWORD_LENGTH = 20;
  private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

  private final HospitalStore hospitals;
  private final UserStore users;
  private final PasswordHasher hasher;
  private final PrintStream console;

  Bootstrap(HospitalStore hospitals, UserStore users, PasswordHasher hasher, PrintStream console) {
    this.hospitals = hospitals;
    this.users = users;
    this.hasher = hasher;
    this.console = console;
  }

  Future<Void> ensureAdministrator(String configuredPassword) {
    return users.countActiveAdministrators(null).compose(count -> {
      if (count > 0) return Future.succeededFuture();
      boolean generated = configuredPassword.isEmpty();
      String password = generated ? OpaqueTokens.readable(GENERATED_PASSWORD_LENGTH) : configuredPassword;
      return systemHospital()
          .compose(hospital -> hasher.hash(password).compose(hash -> users.insert(admin(hospital, hash))))
          .compose(created -> {
            LOG.atInfo().addKeyValue("username", ADMIN_USERNAME).log("Created the first administrator");
            if (generated) printOnce(password);
            return Future.<Void>succeededFuture();
          })
          .recover(e -> {
            if (!(e instanceof ApiException api && api.code() == ErrorCode.USERNAME_TAKEN)) return Future.failedFuture(e);
            LOG.atWarn().addKeyValue("username", ADMIN_USERNAME).log("No active administrator, but the user admin exists "
                + "(another node created it, or it was disabled); not creating another");
            return Future.succeededFuture();
          });
    });
  }

  private Future<Hospital> systemHospital() {
    return hospitals.findByCode(SYSTEM_HOSPITAL_CODE).compose(found -> {
      if (found.isPresent()) return Future.succeededFuture(found.get());
      Instant now = StoredRecords.now();
      Hospital sys = new Hospital(UUID.randomUUID().toString(), SYSTEM_HOSPITAL_CODE, "Consilium", HospitalLevel.CENTRAL,
          null, true, 1, now, now);
      return hospitals.insert(sys).recover(e -> e instanceof ApiException api && api.code() == ErrorCode.HOSPITAL_CODE_TAKEN
          ? hospitals.findByCode(SYSTEM_HOSPITAL_CODE).map(h -> h.orElseThrow())
          : Future.failedFuture(e));
    });
  }

  private static User admin(Hospital hospital, String hash) {
    Instant now = StoredRecords.now();
    return new User(UUID.randomUUID().toString(), ADMIN_USERNAME, "Quản trị hệ thống", Role.ADMINISTRATOR, hospital.id(),
        null, null, true, hash, 0, null, 1, now, now);
  }

  /** The generated password goes to the console only, never to the log: log lines are shipped and kept. */
  private void printOnce(String password) {
    console.println();
    console.println("==============================================================");
    console.println(" Consilium: first administrator created");
    console.println("   username: " + ADMIN_USERNAME);
    console.println("   password: " + password);
    console.println(" This password is shown only once. Sign in and change it now.");
    console.println("==============================================================");
    console.println();
    console.flush();
  }
}
