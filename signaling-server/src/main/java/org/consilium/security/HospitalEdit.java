package org.consilium.security;

/** The fields of a hospital an administrator changes; null means "leave as is". The code never changes. */
record HospitalEdit(String name, HospitalLevel level, String province, Boolean active) {

  FieldChanges changes() {
    return new FieldChanges()
        .put("name", name)
        .put("level", level, level == null ? null : level.wire())
        .put("province", province)
        .put("active", active);
  }
}
