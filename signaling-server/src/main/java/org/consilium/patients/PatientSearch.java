package org.consilium.patients;

import java.time.LocalDate;
import java.util.List;
import org.consilium.http.QueryInput;
import org.consilium.store.Page;

/**
 * Criteria of GET /api/patients, all optional and combined with AND: the citizen ID, the insurance number
 * (card code or social insurance number: both find the person), word prefixes of the name (without diacritics,
 * case-insensitive, any order), the birth date.
 */
record PatientSearch(String citizenId, String insuranceNumber, List<String> nameWords, LocalDate birthDate,
                     Page.Request page) {

  private static final int MAX_WORDS = 8;

  static PatientSearch read(QueryInput in) {
    String citizenId = in.text("citizenId", 20);
    if (citizenId != null) {
      citizenId = CitizenId.normalise(citizenId);
      if (!citizenId.matches("[0-9]{12}")) in.error("citizenId", "must be exactly 12 digits");
    }
    String insurance = in.text("insuranceNumber", 24);
    if (insurance != null) {
      insurance = InsuranceNumber.normalise(insurance);
      String problem = InsuranceNumber.problem(insurance);
      if (problem != null) in.error("insuranceNumber", problem);
    }
    String name = in.text("name", 200);
    List<String> words = name == null ? List.of() : PersonName.searchWords(name);
    if (name != null && words.isEmpty()) in.error("name", "must contain a letter or a digit");
    if (words.size() > MAX_WORDS) in.error("name", "must have at most " + MAX_WORDS + " words");
    LocalDate birthDate = in.date("birthDate");
    Page.Request page = in.paging(20, 100);
    in.throwIfInvalid();
    return new PatientSearch(citizenId, insurance, words, birthDate, page);
  }
}
