package org.consilium.patients;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.consilium.http.JsonInput;

/**
 * What a clinician enters about a patient: the body of POST and PUT /api/patients. Read field by field with
 * every problem collected, so one answer names every invalid field.
 */
public record PatientDetails(String fullName, LocalDate birthDate, Sex sex, String citizenId, String insuranceNumber,
                             String phone, String address, String medicalRecordNumber) {

  static final String[] FIELDS = {"fullName", "birthDate", "sex", "citizenId", "insuranceNumber", "phone", "address",
      "medicalRecordNumber"};
  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
  private static final Pattern PHONE = Pattern.compile("(\\+84|0)[0-9]{9,10}");
  private static final Pattern RECORD_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./-]{0,31}");

  /** Reads and validates; throws one VALIDATION_FAILED naming every invalid field. */
  public static PatientDetails read(JsonInput in) {
    String name = in.text("fullName", 1, 200, true);
    if (name != null && !name.isEmpty()) {
      name = PersonName.display(name);
      if (!PersonName.plausible(name)) in.error("fullName", "may contain only letters, spaces, apostrophes, hyphens and dots");
    }
    LocalDate birthDate = in.date("birthDate", false);
    // The latest date anywhere on Earth: a baby born today is never refused for a time zone.
    if (birthDate != null && birthDate.isAfter(LocalDate.now(ZoneOffset.ofHours(14)))) {
      in.error("birthDate", "must not be in the future");
      birthDate = null;
    } else if (birthDate != null && birthDate.isBefore(EARLIEST_BIRTH)) {
      in.error("birthDate", "must not be before 1900-01-01");
      birthDate = null;
    }
    Sex sex = in.oneOf("sex", Sex::fromWire, Sex.wires(), false);
    String citizenId = optional(in, "citizenId", 20);
    if (citizenId != null) {
      citizenId = CitizenId.normalise(citizenId);
      for (String problem : CitizenId.problems(citizenId, birthDate, sex)) in.error("citizenId", problem);
    }
    String insurance = optional(in, "insuranceNumber", 24);
    if (insurance != null) {
      insurance = InsuranceNumber.normalise(insurance);
      String problem = InsuranceNumber.problem(insurance);
      if (problem != null) in.error("insuranceNumber", problem);
    }
    String phone = optional(in, "phone", 20);
    if (phone != null) {
      phone = phone.replaceAll("[\\s.()-]+", "");
      if (!PHONE.matcher(phone).matches()) in.error("phone", "must be a Vietnamese phone number: 0 or +84 and 9-10 digits");
      else if (phone.startsWith("+84")) phone = "0" + phone.substring(3);
    }
    String address = optional(in, "address", 500);
    String recordNumber = optional(in, "medicalRecordNumber", 32);
    if (recordNumber != null && !RECORD_NUMBER.matcher(recordNumber).matches()) {
      in.error("medicalRecordNumber", "may contain only letters, digits, '.', '/' and '-'");
    }
    in.throwIfInvalid();
    return new PatientDetails(name, birthDate, sex == null ? Sex.UNKNOWN : sex, citizenId, insurance, phone,
        address == null ? null : address.replaceAll("\\s+", " "), recordNumber);
  }

  /** An optional text; empty (as a form sends it) means absent. */
  private static String optional(JsonInput in, String field, int maxLength) {
    String s = in.text(field, 0, maxLength, false);
    return s == null || s.isEmpty() ? null : s;
  }
}
