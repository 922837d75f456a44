package org.consilium.patients;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The health insurance number (BHYT): either the 15-character card code (2 letters for the beneficiary group,
 * a benefit level 1-5, a 2-digit province code, then the 10-digit social insurance number) or the 10-digit
 * social insurance number alone (mã số BHXH), which since 2021 is what new cards print.
 */
public final class InsuranceNumber {

  private static final Pattern CARD = Pattern.compile("[A-Z]{2}[1-5][0-9]{2}[0-9]{10}");
  private static final Pattern SOCIAL = Pattern.compile("[0-9]{10}");

  private InsuranceNumber() {
  }

  /** Upper case, spaces and hyphens removed ("dn 4 79 0123456789" becomes "DN4790123456789"). */
  public static String normalise(String raw) {
    return raw.replaceAll("[\\s-]+", "").toUpperCase(Locale.ROOT);
  }

  /** Null when a normalised number is valid, else what is wrong. */
  public static String problem(String number) {
    if (CARD.matcher(number).matches() || SOCIAL.matcher(number).matches()) return null;
    if (number.length() == 15) {
      return "must be a card code: 2 letters, a benefit level 1-5, a 2-digit province code and 10 digits";
    }
    return "must be a 15-character card code or a 10-digit social insurance number";
  }

  /**
   * The person's social insurance number: the last 10 digits. A card re-issued with another group code keeps
   * it, so searching by either form finds the patient.
   */
  public static String personKey(String number) {
    return number.substring(number.length() - 10);
  }
}
