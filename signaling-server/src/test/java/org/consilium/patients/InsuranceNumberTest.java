package org.consilium.patients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InsuranceNumberTest {

  @ParameterizedTest(name = "{0} is valid")
  @ValueSource(strings = {"DN4790123456789", "HC1010000000001", "TE5960000000000", "0123456789", "7912345678"})
  void valid(String number) {
    assertNull(InsuranceNumber.problem(number));
  }

  @ParameterizedTest(name = "{0} is refused")
  @ValueSource(strings = {"DN6790123456789", "DN0790123456789", "D14790123456789", "1N4790123456789",
      "DN479012345678", "DN47901234567890", "012345678", "01234567890", "DN47A0123456789", ""})
  void invalid(String number) {
    assertNotNull(InsuranceNumber.problem(number));
  }

  @Test
  @DisplayName("a 15-character code with a wrong part says what the card code is made of")
  void explainsCardShape() {
    assertEquals("must be a card code: 2 letters, a benefit level 1-5, a 2-digit province code and 10 digits",
        InsuranceNumber.problem("DN6790123456789"));
    assertEquals("must be a 15-character card code or a 10-digit social insurance number",
        InsuranceNumber.problem("12345"));
  }

  @Test
  @DisplayName("input is upper-cased and loses spaces and hyphens; both forms share the social insurance number")
  void normalisesAndKeys() {
    assertEquals("DN4790123456789", InsuranceNumber.normalise(" dn 4-79 0123456789 "));
    assertEquals("0123456789", InsuranceNumber.personKey("DN4790123456789"));
    assertEquals("0123456789", InsuranceNumber.personKey("0123456789"));
  }
}
