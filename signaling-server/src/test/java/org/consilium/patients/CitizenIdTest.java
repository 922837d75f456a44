package org.consilium.patients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CitizenIdTest {

  @ParameterizedTest(name = "{0} born {1} {2} is valid")
  @CsvSource({
      "001085012345, 1985-03-02, male",
      "079190000001, 1990-12-31, female",
      "096203123456, 2003-01-15, male",
      "048305999999, 2005-07-07, female",
      "001099000000, 1999-06-01, other",
      "001099000000, 1999-06-01, unknown",
      "001400000000, 2100-01-01, male",
  })
  void validNumbers(String id, String birth, String sex) {
    assertEquals(List.of(), CitizenId.problems(id, LocalDate.parse(birth), Sex.fromWire(sex).orElseThrow()));
  }

  @ParameterizedTest(name = "''{0}'' is not 12 digits")
  @ValueSource(strings = {"", "00108501234", "0010850123456", "00108501234a", "001-085-0123", "００１０８５０１２３４５"})
  void wrongShape(String id) {
    assertEquals(List.of("must be exactly 12 digits"), CitizenId.problems(id, null, Sex.UNKNOWN));
  }

  @ParameterizedTest(name = "province code {0} is refused")
  @ValueSource(strings = {"000", "003", "005", "097", "099", "100", "999"})
  void unknownProvince(String code) {
    List<String> problems = CitizenId.problems(code + "085012345", LocalDate.of(1985, 1, 1), Sex.MALE);
    assertEquals(List.of("digits 1-3 are not a province code"), problems);
  }

  @Test
  @DisplayName("every one of the 63 province codes is accepted")
  void everyProvince() {
    String[] codes = ("001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 "
        + "037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 "
        + "080 082 083 084 086 087 089 091 092 093 094 095 096").split(" ");
    assertEquals(63, codes.length);
    for (String code : codes) {
      assertEquals(List.of(), CitizenId.problems(code + "085012345", null, Sex.UNKNOWN), code);
    }
  }

  @Test
  @DisplayName("digit 4 must give the century of the birth date")
  void centuryMismatch() {
    List<String> problems = CitizenId.problems("001285012345", LocalDate.of(1985, 3, 2), Sex.MALE);
    assertEquals(List.of("digit 4 gives a birth year in 2000-2099, which does not match birthDate"), problems);
  }

  @Test
  @DisplayName("digits 5-6 must be the last two digits of the birth year")
  void yearMismatch() {
    List<String> problems = CitizenId.problems("001086012345", LocalDate.of(1985, 3, 2), Sex.MALE);
    assertEquals(List.of("digits 5-6 (last two digits of the birth year) do not match birthDate"), problems);
  }

  @Test
  @DisplayName("an odd digit 4 is female, an even one male; other and unknown are not checked")
  void sexMismatch() {
    assertEquals(List.of("digit 4 records the sex as female, which does not match sex"),
        CitizenId.problems("001185012345", LocalDate.of(1985, 3, 2), Sex.MALE));
    assertEquals(List.of("digit 4 records the sex as male, which does not match sex"),
        CitizenId.problems("001205012345", LocalDate.of(2005, 3, 2), Sex.FEMALE));
    assertEquals(List.of(), CitizenId.problems("001185012345", LocalDate.of(1985, 3, 2), Sex.OTHER));
  }

  @Test
  @DisplayName("all mismatches are reported together, and none repeats the number or the date")
  void allProblemsAtOnce() {
    List<String> problems = CitizenId.problems("003391012345", LocalDate.of(1985, 3, 2), Sex.MALE);
    assertEquals(4, problems.size(), problems::toString);
    problems.forEach(p -> assertTrue(!p.contains("1985") && !p.contains("003391"), p));
  }

  @Test
  @DisplayName("without birth date or sex only the shape and province are checked")
  void partialKnowledge() {
    assertEquals(List.of(), CitizenId.problems("001985012345", null, Sex.UNKNOWN));
    assertEquals("001085012345", CitizenId.normalise(" 001 085 012345 "));
  }
}
