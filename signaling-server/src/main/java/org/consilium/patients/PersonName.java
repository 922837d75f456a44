package org.consilium.patients;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Vietnamese personal names: one stored form for display and a diacritics-free form for search. */
public final class PersonName {

  private PersonName() {
  }

  /**
   * The name as stored and shown: NFC (keyboards send Vietnamese either precomposed or with combining marks;
   * both must be the same name), single spaces.
   */
  public static String display(String raw) {
    return Normalizer.normalize(raw, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
  }

  /** Letters (any script, with their marks), spaces, apostrophes, hyphens and dots. */
  public static boolean plausible(String name) {
    return name.codePoints().allMatch(c -> Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK
        || c == ' ' || c == '\'' || c == '-' || c == '.');
  }

  /**
   * The words of a text, lower case, without diacritics, đ/Đ read as d: "Nguyễn Văn Đức" gives [nguyen, van, duc].
   * Anything but letters and digits separates words.
   */
  public static List<String> searchWords(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
        .replace('đ', 'd').replace('Đ', 'd').toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    for (String w : plain.split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) words.add(w);
    }
    return words;
  }
}
