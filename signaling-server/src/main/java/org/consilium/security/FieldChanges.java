package org.consilium.security;

import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;

/** The fields a partial edit sets: a null value means "not sent, leave as is". Names go to the audit record. */
final class FieldChanges {

  private final List<String> names = new ArrayList<>();
  private final List<Bson> sets = new ArrayList<>();

  /** Sets {@code field} to {@code stored} when {@code sent} is not null. */
  FieldChanges put(String field, Object sent, Object stored) {
    if (sent != null) {
      names.add(field);
      sets.add(Updates.set(field, stored));
    }
    return this;
  }

  FieldChanges put(String field, Object sent) {
    return put(field, sent, sent);
  }

  boolean isEmpty() {
    return names.isEmpty();
  }

  String describe() {
    return "changed " + String.join(",", names);
  }

  Bson update() {
    return Updates.combine(sets);
  }
}
