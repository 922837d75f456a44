package org.consilium.emr.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;

/**
 * The search parameters of /fhir: {@code patient} (or {@code subject}), {@code date} (with the prefixes eq, ge,
 * gt, le, lt; a day or month is the clinic's local day or month), {@code status}, {@code category}. Anything else
 * is refused rather than silently ignored, so a client never mistakes an unfiltered answer for a filtered one.
 */
final class FhirSearch {

  static final List<String> PARAMETERS = List.of("patient", "subject", "date", "status", "category", "_format");
  private static final ZoneId CLINIC = ZoneId.of("Asia/Ho_Chi_Minh");

  private FhirSearch() {
  }

  /** The patient id named by {@code patient=Patient/x}, {@code patient=x} or {@code subject=...}; null if none. */
  static String patient(String patient, String subject) {
    String p = patient != null ? patient : subject;
    if (p == null) return null;
    return p.startsWith("Patient/") ? p.substring("Patient/".length()) : p;
  }

  static Predicate<Indexed> filter(List<String> dates, String status, String category) {
    List<Predicate<Indexed>> all = new ArrayList<>();
    for (String d : dates) all.add(date(d));
    if (status != null) all.add(i -> i.status() != null && List.of(status.split(",")).contains(i.status()));
    if (category != null) {
      List<String> wanted = List.of(category.split(",")).stream().map(c -> c.contains("|") ? c.substring(c.indexOf('|') + 1) : c).toList();
      all.add(i -> i.categories().stream().anyMatch(wanted::contains));
    }
    return i -> all.stream().allMatch(p -> p.test(i));
  }

  private static Predicate<Indexed> date(String value) {
    String prefix = value.length() > 2 && Character.isLetter(value.charAt(0)) ? value.substring(0, 2) : "eq";
    String v = prefix.equals("eq") && !value.startsWith("eq") ? value : value.substring(2);
    Instant[] range = range(v);
    Instant start = range[0];
    Instant end = range[1];
    Predicate<Instant> test = switch (prefix) {
      case "eq" -> t -> !t.isBefore(start) && t.isBefore(end);
      case "ge" -> t -> !t.isBefore(start);
      case "gt" -> t -> !t.isBefore(end);
      case "le" -> t -> t.isBefore(end);
      case "lt" -> t -> t.isBefore(start);
      default -> throw invalid("date", "prefix " + prefix + " is not one of eq, ge, gt, le, lt");
    };
    return i -> i.date() != null && test.test(i.date());
  }

  private static Instant[] range(String v) {
    try {
      if (v.length() == 4) {
        LocalDate d = LocalDate.of(Integer.parseInt(v), 1, 1);
        return new Instant[] {d.atStartOfDay(CLINIC).toInstant(), d.plusYears(1).atStartOfDay(CLINIC).toInstant()};
      }
      if (v.length() == 7) {
        YearMonth m = YearMonth.parse(v);
        return new Instant[] {m.atDay(1).atStartOfDay(CLINIC).toInstant(), m.plusMonths(1).atDay(1).atStartOfDay(CLINIC).toInstant()};
      }
      if (v.length() == 10) {
        LocalDate d = LocalDate.parse(v);
        return new Instant[] {d.atStartOfDay(CLINIC).toInstant(), d.plusDays(1).atStartOfDay(CLINIC).toInstant()};
      }
      Instant t = java.time.OffsetDateTime.parse(v).toInstant();
      return new Instant[] {t, t.plusSeconds(1)};
    } catch (DateTimeParseException | NumberFormatException e) {
      throw invalid("date", "'" + v + "' is not a FHIR date (YYYY, YYYY-MM, YYYY-MM-DD or a dateTime with offset)");
    }
  }

  static ApiException invalid(String parameter, String detail) {
    return new ApiException(ErrorCode.FHIR_SEARCH_INVALID, "Search parameter " + parameter + ": " + detail);
  }
}
