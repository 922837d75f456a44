package org.consilium.testdata;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.consilium.testing.ApiClient;

/**
 * Synthetic patients for tests: {@code aPatient().named("Nguyễn Văn An").born(1985, 3, 2).create(api)}. Every
 * patient gets a citizen ID that is valid for its birth date and sex and unique within the test run. No real
 * person's data.
 */
public final class PatientData {

  private static final AtomicInteger SERIAL = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 900_000));

  private final JsonObject json = new JsonObject();
  private boolean withCitizenId = true;

  private PatientData() {
    json.put("fullName", "Trần Thị Mai").put("birthDate", "1980-06-15").put("sex", "female");
  }

  public static PatientData aPatient() {
    return new PatientData();
  }

  public PatientData named(String fullName) {
    json.put("fullName", fullName);
    return this;
  }

  public PatientData born(int year, int month, int day) {
    json.put("birthDate", LocalDate.of(year, month, day).toString());
    return this;
  }

  public PatientData sex(String sex) {
    json.put("sex", sex);
    return this;
  }

  public PatientData citizenId(String id) {
    json.put("citizenId", id);
    return this;
  }

  public PatientData withoutCitizenId() {
    withCitizenId = false;
    return this;
  }

  public PatientData with(String field, Object value) {
    json.put(field, value);
    return this;
  }

  /** The request body. */
  public JsonObject json() {
    JsonObject body = json.copy();
    if (withCitizenId && !body.containsKey("citizenId")) {
      body.put("citizenId", citizenIdFor(LocalDate.parse(body.getString("birthDate")), body.getString("sex")));
    }
    return body;
  }

  /** Registers the patient through the API and returns the created patient; fails the test otherwise. */
  public JsonObject create(ApiClient api) {
    ApiClient.Response resp = api.post("/api/patients", json());
    if (resp.status() != 201) throw new AssertionError("patient not created: " + resp);
    return resp.json();
  }

  /** A fresh, valid CCCD: Hà Nội (001), the century/sex digit and year of the birth date, a unique serial. */
  public static String citizenIdFor(LocalDate birthDate, String sex) {
    int century = (birthDate.getYear() - 1900) / 100 * 2 + ("female".equals(sex) ? 1 : 0);
    return String.format("001%d%02d%06d", century, birthDate.getYear() % 100, SERIAL.incrementAndGet() % 1_000_000);
  }
}
