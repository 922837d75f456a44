package org.consilium.security;

import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;

/** The fields of a hospital an administrator changes; null means "leave as is". The code never changes. */
record HospitalEdit(String name, HospitalLevel level, String province, Boolean active) {

  List<String> fieldNames() {
    List<String> names = new ArrayList<>();
    if (name != null) names.add("name");
    if (level != null) names.add("level");
    if (province != null) names.add("province");
    if (active != null) names.add("active");
    return names;
  }

  Bson update() {
    List<Bson> sets = new ArrayList<>();
    if (name != null) sets.add(Updates.set("name", name));
    if (level != null) sets.add(Updates.set("level", level.wire()));
    if (province != null) sets.add(Updates.set("province", province));
    if (active != null) sets.add(Updates.set("active", active));
    return Updates.combine(sets);
  }
}
