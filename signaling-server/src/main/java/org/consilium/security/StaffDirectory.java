package org.consilium.security;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import org.consilium.access.Role;

/**
 * Read-only lookups of staff and hospitals for other capabilities (who is this specialist, which hospitals are
 * central). It never exposes password hashes or sign-in state.
 */
public final class StaffDirectory {

  /** A user as other capabilities see them. */
  public record StaffMember(String id, String displayName, Role role, String hospitalId, String specialty, boolean active) {
  }

  /** A hospital as other capabilities see it. */
  public record HospitalEntry(String id, String code, String name, boolean central, boolean active) {
  }

  private final UserStore users;
  private final HospitalStore hospitals;

  StaffDirectory(UserStore users, HospitalStore hospitals) {
    this.users = users;
    this.hospitals = hospitals;
  }

  public Future<Optional<StaffMember>> member(String userId) {
    return users.find(userId).map(u -> u.map(StaffDirectory::member));
  }

  /** Active users of a hospital in a role. */
  public Future<List<StaffMember>> members(String hospitalId, Role role) {
    return users.list(hospitalId, role).map(list -> list.stream().filter(User::active).map(StaffDirectory::member).toList());
  }

  public Future<Optional<HospitalEntry>> hospital(String hospitalId) {
    return hospitals.find(hospitalId).map(h -> h.map(StaffDirectory::entry));
  }

  /** Active central hospitals (tuyến trung ương): where "any central hospital" requests go. */
  public Future<List<HospitalEntry>> centralHospitals() {
    return hospitals.list(true).map(list -> list.stream().filter(h -> h.level() == HospitalLevel.CENTRAL)
        .map(StaffDirectory::entry).toList());
  }

  private static StaffMember member(User u) {
    return new StaffMember(u.id(), u.displayName(), u.role(), u.hospitalId(), u.specialty(), u.active());
  }

  private static HospitalEntry entry(Hospital h) {
    return new HospitalEntry(h.id(), h.code(), h.name(), h.level() == HospitalLevel.CENTRAL, h.active());
  }
}
