package org.consilium.patients;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The citizen identity number (CCCD, số định danh cá nhân): 12 digits. Digits 1-3 name the province of birth
 * registration; digit 4 encodes century and sex (0/1: born 1900-1999 male/female, 2/3: 2000-2099, 4/5:
 * 2100-2199, ... even = male); digits 5-6 are the last two digits of the birth year; 7-12 are a serial.
 * There is no check digit, so these agreements are all that can catch a typing error.
 */
public final class CitizenId {

  private CitizenId() {
  }

  /** The value as stored: surrounding and inner whitespace removed ("001 085 012345" is typed that way). */
  public static String normalise(String raw) {
    return raw.replaceAll("\\s+", "");
  }

  /**
   * What is wrong with a normalised number, each problem as one message naming the digits concerned; empty
   * when valid. {@code birthDate} and {@code sex} are checked against digits 4-6 when given; sex is checked only
   * when male or female. Messages never repeat the number or the birth date.
   */
  public static List<String> problems(String id, LocalDate birthDate, Sex sex) {
    List<String> problems = new ArrayList<>();
    if (!id.matches("[0-9]{12}")) {
      problems.add("must be exactly 12 digits");
      return problems;
    }
    if (!ProvinceCodes.isProvince(id.substring(0, 3))) {
      problems.add("digits 1-3 are not a province code");
    }
    int centuryAndSex = id.charAt(3) - '0';
    int centuryStart = 1900 + 100 * (centuryAndSex / 2);
    boolean female = centuryAndSex % 2 == 1;
    if (birthDate != null) {
      if (birthDate.getYear() / 100 * 100 != centuryStart) {
        problems.add("digit 4 gives a birth year in " + centuryStart + "-" + (centuryStart + 99) + ", which does not match birthDate");
      }
      if (Integer.parseInt(id.substring(4, 6)) != birthDate.getYear() % 100) {
        problems.add("digits 5-6 (last two digits of the birth year) do not match birthDate");
      }
    }
    if ((sex == Sex.MALE && female) || (sex == Sex.FEMALE && !female)) {
      problems.add("digit 4 records the sex as " + (female ? "female" : "male") + ", which does not match sex");
    }
    return problems;
  }
}
