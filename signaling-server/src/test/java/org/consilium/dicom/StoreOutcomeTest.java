package org.consilium.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StoreOutcomeTest {

  @Test
  @DisplayName("an Error Comment fits LO: ASCII only, no backslash, at most 64 characters")
  void commentFitsLongString() {
    StoreOutcome o = StoreOutcome.notThisPatient("Tên bệnh nhân\\khác " + "x".repeat(80));
    assertEquals(64, o.comment().length(), o.comment());
    assertTrue(o.comment().matches("[\\x20-\\x7E]+") && !o.comment().contains("\\"), o.comment());
    assertTrue(o.comment().startsWith("T?n b?nh nh?n/kh?c x") && o.comment().endsWith("..."), o.comment());
    assertEquals(0xC001, o.status());
    assertFalse(o.succeeded());
  }

  @Test
  @DisplayName("success has status 0000 and no comment")
  void success() {
    assertEquals(0, StoreOutcome.stored().status());
    assertNull(StoreOutcome.stored().comment());
    assertTrue(StoreOutcome.stored().succeeded());
  }
}
