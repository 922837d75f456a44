package org.consilium.patients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PersonNameTest {

  @Test
  @DisplayName("search words drop every Vietnamese diacritic and read đ/Đ as d")
  void searchWords() {
    assertEquals(List.of("nguyen", "van", "a"), PersonName.searchWords("Nguyễn Văn A"));
    assertEquals(List.of("dang", "thi", "duc", "hanh"), PersonName.searchWords("ĐẶNG  thị Đức-Hạnh"));
    assertEquals(List.of("tran", "thi", "thuy", "uyen"), PersonName.searchWords("Trần Thị Thủy Uyên"));
    assertEquals(List.of("ngo", "quoc", "vuong"), PersonName.searchWords("NGÔ QUỐC VƯƠNG"));
    assertEquals(List.of("pham", "thi", "ngoc", "oanh"), PersonName.searchWords("Phạm thị Ngọc Oanh"));
  }

  @Test
  @DisplayName("a name typed with combining marks is the same name as the precomposed one")
  void decomposedInput() {
    String decomposed = Normalizer.normalize("Nguyễn Thị Hồng Nhung", Normalizer.Form.NFD);
    assertEquals("Nguyễn Thị Hồng Nhung", PersonName.display(decomposed));
    assertEquals(PersonName.searchWords("Nguyễn Thị Hồng Nhung"), PersonName.searchWords(decomposed));
  }

  @Test
  @DisplayName("display form keeps diacritics and collapses spaces")
  void display() {
    assertEquals("Lê Văn Tám", PersonName.display("  Lê   Văn\tTám "));
  }

  @Test
  @DisplayName("names are letters, spaces, apostrophes, hyphens and dots")
  void plausible() {
    assertTrue(PersonName.plausible("Nguyễn Văn A"));
    assertTrue(PersonName.plausible("H'Hen Niê"));
    assertTrue(PersonName.plausible("Jean-Pierre N. Dupont"));
    assertFalse(PersonName.plausible("Nguyen Van 2"));
    assertFalse(PersonName.plausible("<script>"));
  }
}
