package org.consilium.dicom;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The series and instance UIDs of an object Consilium derives (SR, SEG). Named from what it is derived from, so
 * that writing the same findings again names the same object, and storing it again is recognised as such.
 */
public record DerivedUids(String seriesUid, String instanceUid) {

  /** UIDs under 2.25 from name-based UUIDs (PS3.5 B.2): {@code series} names the series, {@code instance} the object. */
  public static DerivedUids named(String series, String instance) {
    return new DerivedUids(uid(series), uid(instance));
  }

  /** A UID under 2.25 from a name-based UUID of {@code name}: the same name always gives the same UID. */
  public static String uid(String name) {
    UUID u = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    BigInteger value = new BigInteger(1, java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
        .putLong(u.getLeastSignificantBits()).array());
    return "2.25." + value;
  }
}
