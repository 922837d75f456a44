package org.consilium.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an installation with the demonstration clinic when DEMO_DATA=true. Idempotent: each hospital,
 * account and patient is looked up first and created only when missing, so a restart adds nothing twice.
 * Later capabilities add their demo records as further steps after {@link #seed}'s patients.
 */
public final class DemoSeeder {

  private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

  private final DemoClient anonymous;
  private final String adminPassword;
  private final Map<String, String> hospitalIds = new HashMap<>();

  private DemoSeeder(DemoClient anonymous, String adminPassword) {
    this.anonymous = anonymous;
    this.adminPassword = adminPassword;
  }

  /** Seeds through the API of the server listening on {@code port}; {@code adminPassword} is ADMIN_PASSWORD. */
  public static Future<Void> seed(Vertx vertx, int port, String adminPassword) {
    if (adminPassword.isEmpty()) {
      return Future.failedFuture(new IllegalStateException("DEMO_DATA=true needs ADMIN_PASSWORD to sign in as admin"));
    }
    DemoSeeder seeder = new DemoSeeder(DemoClient.anonymous(vertx, port), adminPassword);
    return seeder.run()
        .onSuccess(v -> LOG.atInfo().addKeyValue("hospitals", DemoData.HOSPITALS.size())
            .addKeyValue("staff", DemoData.STAFF.size()).addKeyValue("patients", DemoData.PATIENTS.size())
            .log("Demo data is in place (accounts: docs/demo.md)"))
        .eventually(() -> {
          seeder.anonymous.close();
          return Future.succeededFuture();
        });
  }

  private Future<Void> run() {
    return anonymous.login("admin", adminPassword)
        .compose(admin -> sequentially(DemoData.HOSPITALS, h -> hospital(admin, h))
            .compose(v -> admin.getArray("/api/users"))
            .compose(existing -> sequentially(DemoData.STAFF, s -> staff(admin, existing, s))))
        .compose(v -> sequentially(DemoData.PATIENTS, this::patient))
        .compose(v -> consultation());
  }

  /**
   * One request of bs.lan for Nguyễn Văn An to the central hospital, accepted by ts.minh and scheduled by the
   * coordinator next Tuesday at 09:00 (Viet Nam time) with pgs.thao: the worklists and the calendar show something.
   */
  private Future<Void> consultation() {
    return anonymous.login("bs.lan", DemoData.PASSWORD).compose(doctor -> doctor.getObject("/api/consultations?view=mine")
        .compose(mine -> !mine.getJsonArray("items").isEmpty() ? Future.succeededFuture()
            : doctor.getObject("/api/patients?citizenId=" + DemoData.PATIENTS.get(0).citizenId())
                .compose(page -> doctor.post("/api/consultations", DemoData.consultation(
                    page.getJsonArray("items").getJsonObject(0).getString("id"), hospitalIds.get("TWTL"))))
                .compose(draft -> move(doctor, draft, "submitted"))
                .compose(sent -> anonymous.login("ts.minh", DemoData.PASSWORD).compose(minh -> move(minh, sent, "accepted")
                    .compose(accepted -> minh.getObject("/api/me").compose(me -> anonymous.login("pgs.thao", DemoData.PASSWORD)
                        .compose(thao -> thao.getObject("/api/me")).compose(thao -> anonymous.login("dieuphoi", DemoData.PASSWORD)
                            .compose(coordinator -> coordinator.post("/api/consultation-sessions", DemoData.session(accepted.getString("id"),
                                me.getString("id"), thao.getString("id")))))))))
                .mapEmpty()));
  }

  private static Future<JsonObject> move(DemoClient who, JsonObject request, String to) {
    return who.post("/api/consultations/" + request.getString("id") + "/transitions",
        new JsonObject().put("to", to).put("version", request.getLong("version")));
  }

  private Future<Void> hospital(DemoClient admin, DemoData.Hospital h) {
    return admin.getArray("/api/hospitals").compose(all -> {
      JsonObject found = find(all, "code", h.code());
      if (found != null) {
        hospitalIds.put(h.code(), found.getString("id"));
        return Future.succeededFuture();
      }
      return admin.post("/api/hospitals", new JsonObject().put("code", h.code()).put("name", h.name())
              .put("level", h.level()).put("province", h.province()))
          .onSuccess(created -> hospitalIds.put(h.code(), created.getString("id"))).mapEmpty();
    });
  }

  private Future<Void> staff(DemoClient admin, JsonArray existing, DemoData.Staff s) {
    if (find(existing, "username", s.username()) != null) return Future.succeededFuture();
    JsonObject body = new JsonObject().put("username", s.username()).put("displayName", s.displayName())
        .put("role", s.role()).put("hospitalId", hospitalIds.get(s.hospitalCode())).put("email", s.email())
        .put("password", DemoData.PASSWORD);
    if (s.specialty() != null) body.put("specialty", s.specialty());
    return admin.post("/api/users", body).mapEmpty();
  }

  private Future<Void> patient(DemoData.Patient p) {
    return anonymous.login(p.registeredBy(), DemoData.PASSWORD).compose(doctor ->
        doctor.getObject("/api/patients?citizenId=" + URLEncoder.encode(p.citizenId(), StandardCharsets.UTF_8))
            .compose(page -> {
              if (!page.getJsonArray("items").isEmpty()) return Future.succeededFuture();
              JsonObject body = new JsonObject().put("fullName", p.fullName()).put("birthDate", p.birthDate())
                  .put("sex", p.sex()).put("citizenId", p.citizenId()).put("insuranceNumber", p.insuranceNumber())
                  .put("address", p.address()).put("medicalRecordNumber", p.medicalRecordNumber());
              if (p.phone() != null) body.put("phone", p.phone());
              return doctor.post("/api/patients", body).mapEmpty();
            }));
  }

  private static JsonObject find(JsonArray all, String field, String value) {
    return all.stream().map(JsonObject.class::cast).filter(o -> value.equalsIgnoreCase(o.getString(field)))
        .findFirst().orElse(null);
  }

  /** One after the other: steps depend on what earlier ones created, and a failure stops the run. */
  private static <T> Future<Void> sequentially(List<T> items, Function<T, Future<Void>> step) {
    Future<Void> chain = Future.succeededFuture();
    for (T item : items) chain = chain.compose(v -> step.apply(item));
    return chain;
  }
}
